// Package export writes a card out for other tools and people, and reads
// the JSON form back:
//
//   - Markdown: a ticket-ready summary (GitHub, GitLab, Jira) in which every
//     piece of the card's text is escaped, so a card cannot put links,
//     images or HTML into the ticket;
//   - JSON: the whole card in format "threatcard/1", described by the JSON
//     Schema threatcard-1.schema.json (Schema), and read back by ParseJSON
//     without loss;
//   - Badge: a small self-contained SVG, "AIVSS 9.5 Critical".
//
// Every export takes a card that passes card.Validate and returns its
// error otherwise.
package export
