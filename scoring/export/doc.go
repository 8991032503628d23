// Package export writes a card out for people and their tools:
//
//   - Markdown: a ticket-ready summary (GitHub, GitLab, Jira), findings
//     included, in which every piece of the card's text is escaped, so a
//     card cannot put links, images or HTML into the ticket;
//   - Badge: a small self-contained SVG, "AIVSS 9.5 Critical".
//
// The card's JSON, written and read, is package cardjson.
//
// Every export takes a card that passes card.Validate and returns its
// error otherwise.
package export
