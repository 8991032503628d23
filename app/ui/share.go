package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivssreport"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/export"
	"github.com/threatcard/threatcard/scoring/link"
)

// Guard wraps an event handler with panic recovery. The page passes its own
// (Page.handler), so that a panic in a child's handler becomes the page's
// error state; with a nil Guard, the share, import, theme and recent-cards
// components recover by themselves and show the error in their own status
// line.
type Guard func(during string, h app.EventHandler) app.EventHandler

// guarded wraps h with g, or, without a g, with a recovery that hands the
// panic to show.
func guarded(g Guard, during string, h app.EventHandler, show func(error)) app.EventHandler {
	if g != nil {
		return g(during, h)
	}
	return func(ctx app.Context, e app.Event) {
		if err := recovered(during, func() { h(ctx, e) }); err != nil {
			show(err)
		}
	}
}

// The ids of the share bar's elements; end-to-end tests rely on them.
const (
	shareCopyLinkID     = "share-copy-link"
	shareCopyMarkdownID = "share-copy-markdown"
	shareJSONID         = "share-json"
	shareReportID       = "share-report"
	shareReportNoteID   = "share-report-note"
	shareSVGID          = "share-svg"
	sharePrintID        = "share-print"
	shareStatusID       = "share-status"
	shareFallbackID     = "share-fallback-text"
	shareLinkSizeID     = "share-link-size"
	shareLinkMeterID    = "share-link-meter"
	shareLinkWarningID  = "share-link-warning"
)

// ShareBar offers the card to other people and tools: its link or a
// Markdown summary on the clipboard, the JSON export, the OWASP AIVSS v0.8
// report of its findings (Appendix A) or the SVG badge as a download, and
// a printed report (see PrintReport). It only reads the card. Beside the
// AIVSS report's button, a note says what keeps the card from having one
// (another edition) or which findings it leaves out.
//
// Above the buttons, a meter shows how much of link.TicketSafe the card's
// link takes; past it, a warning says that some tickets and chat tools may
// cut the link short, and what survives then. The link is never refused
// for its length.
//
// Where the clipboard cannot be used, the text to copy appears selected in
// a read-only field instead, for Ctrl+C. Each outcome is announced in a
// status line (#share-status, role="status").
type ShareBar struct {
	app.Compo

	Card      *card.Card // the card to share; nil until the page has one
	Rev       int        // the page's edit counter: a new value means the card changed
	LinkChars int        // the length of the card's link fragment, without '#' (len of link.Encode(Card))
	Guard     Guard      // the page's handler wrapper; nil recovers locally

	seenRev  int    // the Rev the status and byHand belong to
	status   string // the last outcome, as text
	failed   bool   // status reports a failure
	byHand   string // text to copy by hand; "" hides the field
	byHandOf string // what byHand is: "link" or "Markdown"

	reportRev  int    // the Rev reportNote was made for …
	reportNote string // … what the AIVSS report's note says for it
}

// OnInit takes the card as first drawn as the one the status belongs to.
// OnUpdate runs on every redraw of the page (go-app counts the Guard field
// as changed each time), so without this the first redraw after "Copy
// link" would wipe its own confirmation.
func (s *ShareBar) OnInit() { s.seenRev = s.Rev }

// OnUpdate forgets the last outcome once the card has changed: a link
// "copied" or offered for copying is then no longer the card's.
func (s *ShareBar) OnUpdate(ctx app.Context) {
	if s.Rev != s.seenRev {
		s.seenRev = s.Rev
		s.byHand, s.byHandOf = "", ""
		s.report("", false)
	}
}

func (s *ShareBar) Render() app.UI {
	statusClass := "tc-share-status"
	if s.failed {
		statusClass += " tc-share-status-failed"
	}
	return el("section", "id", "share", "class", "tc-share", "aria-labelledby", "share-title").Body(
		textEl("h2", "Share", "id", "share-title"),
		s.linkSize(),
		el("div", "class", "tc-share-buttons").Body(
			s.button(shareCopyLinkID, "Copy link", "copying the link", s.copyLink),
			s.button(shareCopyMarkdownID, "Copy Markdown for a ticket", "copying the Markdown", s.copyMarkdown),
			s.button(shareJSONID, "Download JSON", "saving the JSON export", s.downloadJSON),
			el("button", "id", shareReportID, "type", "button", "aria-describedby", shareReportNoteID).
				Text("Download AIVSS report (JSON)").OnClick(guarded(s.Guard, "saving the AIVSS report", s.downloadReport, s.fail)),
			s.button(shareSVGID, "Download SVG badge", "saving the badge", s.downloadBadge),
			s.button(sharePrintID, "Print", "printing", s.print),
		),
		textEl("p", s.reportNotice(), "id", shareReportNoteID, "class", "tc-hint tc-share-report-note"),
		textEl("p", s.status, "id", shareStatusID, "class", statusClass, "role", "status", "aria-live", "polite"),
		app.If(s.byHand != "", func() app.UI {
			rows := 2
			if s.byHandOf == "Markdown" {
				rows = 10
			}
			return el("div", "class", "tc-share-by-hand").Body(
				textEl("label", byHandLabel(s.byHandOf), "for", shareFallbackID),
				textEl("textarea", s.byHand, "id", shareFallbackID, "readonly", "true",
					"rows", strconv.Itoa(rows), "spellcheck", "false"),
				el("button", "id", "share-fallback-close", "type", "button").
					Text("Hide").OnClick(guarded(s.Guard, "hiding the text", s.hideByHand, s.fail)),
			)
		}),
	)
}

// linkSize is the link-size meter: how many characters the card's link
// has, of the link.TicketSafe that tickets and chats keep whole, as text
// and as a <meter>, with a warning past that length. It is one container,
// there with or without a card, so that the parts after it keep their
// places.
func (s *ShareBar) linkSize() app.UI {
	if s.Card == nil {
		return el("div", "class", "tc-link-size")
	}
	n, safe := s.LinkChars, link.TicketSafe
	over := n > safe
	text := "Link: " + thousands(n) + " of " + thousands(safe) + " characters safe for tickets"
	class, warning := "tc-link-size", ""
	if over {
		class += " tc-link-size-over"
		text = "Link: " + thousands(n) + " characters, " + thousands(n-safe) + " more than the " +
			thousands(safe) + " safe for tickets"
		warning = "Some tickets and chat tools may cut a link this long short. A link cut short still opens " +
			"its score, but its title, summary and MAESTRO text are lost. To keep them, shorten the text, or " +
			"use Copy Markdown for a ticket, which puts the text in the ticket itself."
	}
	// The meter's value stops at its max; from high on, browsers draw it
	// as a warning, so only a link over the safe length reaches it.
	value := min(n, safe)
	if !over && value == safe {
		value = safe - 1
	}
	return el("div", "class", class).Body(
		textEl("p", text, "id", shareLinkSizeID, "class", "tc-link-size-text"),
		textEl("meter", thousands(n)+" of "+thousands(safe), "id", shareLinkMeterID, "min", "0", "max", strconv.Itoa(safe),
			"low", strconv.Itoa(safe*3/4), "high", strconv.Itoa(safe-1), "optimum", "0",
			"value", strconv.Itoa(value), "aria-labelledby", shareLinkSizeID),
		textEl("p", warning, "id", shareLinkWarningID, "class", "tc-link-warning", "aria-live", "polite"),
	)
}

func (s *ShareBar) button(id, label, during string, h app.EventHandler) app.UI {
	return el("button", "id", id, "type", "button").Text(label).OnClick(guarded(s.Guard, during, h, s.fail))
}

func byHandLabel(of string) string {
	if of == "Markdown" {
		return "Markdown to copy (selected: press Ctrl+C, or ⌘C on a Mac)"
	}
	return "Link to copy (selected: press Ctrl+C, or ⌘C on a Mac)"
}

// report shows an outcome in the status line.
func (s *ShareBar) report(msg string, failed bool) {
	s.status, s.failed = msg, failed
}

// fail shows an error in the status line.
func (s *ShareBar) fail(err error) {
	s.report(err.Error(), true)
}

// link returns the card's link at the page's current address.
func (s *ShareBar) link() (string, bool) {
	if s.Card == nil {
		s.report("There is no card to share yet.", true)
		return "", false
	}
	l, err := ShareLink(app.Window().URL(), s.Card)
	if err != nil {
		s.report("The link could not be made: "+err.Error(), true)
		return "", false
	}
	return l, true
}

func (s *ShareBar) copyLink(ctx app.Context, e app.Event) {
	if l, ok := s.link(); ok {
		s.copy(ctx, "link", l)
	}
}

func (s *ShareBar) copyMarkdown(ctx app.Context, e app.Event) {
	l, ok := s.link()
	if !ok {
		return
	}
	md, err := export.Markdown(s.Card, l)
	if err != nil {
		s.report("The Markdown could not be made: "+err.Error(), true)
		return
	}
	s.copy(ctx, "Markdown", md)
}

// copy puts text on the clipboard; the outcome arrives later, from the
// browser, and is handed to the UI goroutine.
func (s *ShareBar) copy(ctx app.Context, what, text string) {
	s.byHand, s.byHandOf = "", ""
	err := writeClipboard(text, func(err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if perr := recovered("copying the "+what, func() { s.copied(ctx, what, text, err) }); perr != nil {
				s.fail(perr)
			}
		})
	})
	if err != nil {
		s.copied(ctx, what, text, err)
	}
}

// copied reports a finished copy; when it failed, it offers the text in a
// selected, read-only field instead.
func (s *ShareBar) copied(ctx app.Context, what, text string, err error) {
	if err == nil {
		s.byHand, s.byHandOf = "", ""
		s.report(capitalized(what)+" copied to the clipboard.", false)
		return
	}
	s.offerByHand(what, text, err)
	ctx.Defer(func(app.Context) { selectText(shareFallbackID) })
}

// offerByHand shows text in the read-only field, for the user to copy.
func (s *ShareBar) offerByHand(what, text string, why error) {
	s.byHand, s.byHandOf = text, what
	s.report("Not copied: "+strings.TrimSuffix(why.Error(), ".")+". The "+what+" is selected in the field below; press Ctrl+C (⌘C on a Mac) to copy it.", false)
}

func (s *ShareBar) hideByHand(ctx app.Context, e app.Event) {
	s.byHand, s.byHandOf = "", ""
	s.report("", false)
}

func (s *ShareBar) downloadJSON(ctx app.Context, e app.Event) {
	if s.Card == nil {
		s.report("There is no card to save yet.", true)
		return
	}
	data, err := cardjson.Marshal(s.Card)
	if err != nil {
		s.report("The JSON export could not be made: "+err.Error(), true)
		return
	}
	s.save(DownloadName(s.Card.Title, ".json"), "application/json", string(data))
}

// reportNotice is the note beside the AIVSS report's button: why the card
// has none (not in v0.8), that it lists no finding yet, or which findings
// it leaves out and why; "" when it lists them all. It is worked out by
// aivssreport.Skips, Marshal's own selection, once per revision of the card.
func (s *ShareBar) reportNotice() string {
	if s.Card == nil {
		return ""
	}
	if s.reportRev == s.Rev && s.reportRev != 0 {
		return s.reportNote
	}
	s.reportRev, s.reportNote = s.Rev, reportNote(s.Card)
	return s.reportNote
}

// reportNote says what the AIVSS report of c leaves out, or why c has
// none; "" when it lists every finding.
func reportNote(c *card.Card) string {
	if c.AIVSS.Edition == aivssreport.Edition && len(c.Findings()) == 0 {
		return "The AIVSS report lists the card's findings, and it has none yet: score a threat with AIVSS in the MAESTRO editor."
	}
	skipped, err := aivssreport.Skips(c)
	switch {
	case err != nil:
		return "No AIVSS report: " + strings.TrimSuffix(err.Error(), ".") + "."
	case len(skipped) > 0:
		return "The AIVSS report leaves out " + skippedText(skipped) + "."
	}
	return ""
}

// skippedText lists the findings a report leaves out, with why: "F-002,
// which is not scored: CVSS missing; F-003, which has no OWASP core-risk
// category".
func skippedText(skipped []aivssreport.Skipped) string {
	parts := make([]string, len(skipped))
	for i, sk := range skipped {
		parts[i] = sk.ID + ", which " + sk.Reason
	}
	return strings.Join(parts, "; ")
}

// downloadReport saves the card's findings as an OWASP AIVSS v0.8 report
// (Appendix A), dated today, by threatcard, with the card's link.
func (s *ShareBar) downloadReport(ctx app.Context, e app.Event) {
	if s.Card == nil {
		s.report("There is no card to save yet.", true)
		return
	}
	l, ok := s.link()
	if !ok {
		return
	}
	data, skipped, err := aivssreport.Marshal(s.Card, aivssreport.Metadata{Date: today(), Assessor: aivssreport.DefaultAssessor, Link: l})
	if err != nil {
		s.report("No AIVSS report: "+strings.TrimSuffix(err.Error(), ".")+".", true)
		return
	}
	name := DownloadName(s.Card.Title, "-aivss-report.json")
	s.save(name, "application/json", string(data))
	if !s.failed && len(skipped) > 0 {
		s.report(s.status+" It leaves out "+skippedText(skipped)+".", false)
	}
}

func (s *ShareBar) downloadBadge(ctx app.Context, e app.Event) {
	if s.Card == nil {
		s.report("There is no card to save yet.", true)
		return
	}
	svg, err := export.Badge(s.Card)
	if err != nil {
		s.report("The badge could not be made: "+err.Error(), true)
		return
	}
	s.save(DownloadName(s.Card.Title, "-aivss-badge.svg"), "image/svg+xml", svg)
}

func (s *ShareBar) save(name, mime, content string) {
	s.byHand, s.byHandOf = "", ""
	if err := saveFile(name, mime, content); err != nil {
		s.report(err.Error(), true)
		return
	}
	s.report("Download started: "+name+".", false)
}

func (s *ShareBar) print(ctx app.Context, e app.Event) {
	s.report("", false)
	printPage()
}

// capitalized returns s with its first letter in upper case if it is an
// ASCII letter ("link" → "Link").
func capitalized(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
