package ui

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
)

func TestShareLinkKeepsThePageAddressAndReplacesTheFragment(t *testing.T) {
	c := shareCard(t, halfFilledLink)
	tests := []struct {
		name string
		page string // "" for no page at all
		want string
	}{
		{"a project site, its query and old fragment dropped",
			"https://owner.github.io/threatcard/?wasm=false#v1&e=v0.5", "https://owner.github.io/threatcard/#" + halfFilledLink},
		{"the root of a host with a port", "http://localhost:8080", "http://localhost:8080/#" + halfFilledLink},
		{"an escaped path stays escaped", "https://example.org/my%20cards/", "https://example.org/my%20cards/#" + halfFilledLink},
		{"a page opened from a file gives the bare fragment", "file:///home/me/dist/index.html", "#" + halfFilledLink},
		{"an address without a host gives the bare fragment", "/", "#" + halfFilledLink},
		{"no page gives the bare fragment", "", "#" + halfFilledLink},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var page *url.URL
			if tt.page != "" {
				page = parseShareURL(t, tt.page)
			}
			got, err := ShareLink(page, c)
			if err != nil || got != tt.want {
				t.Errorf("ShareLink(%q) = %q, %v\nwant %q", tt.page, got, err, tt.want)
			}
		})
	}
}

func TestShareLinkRefusesACardThatBreaksALimit(t *testing.T) {
	c := shareCard(t, halfFilledLink)
	c.Title = strings.Repeat("x", card.MaxTitle+1)
	if got, err := ShareLink(parseShareURL(t, "https://example.org/"), c); err == nil {
		t.Errorf("ShareLink of a card with a 201-character title = %q, want an error", got)
	}
}

func TestDownloadName(t *testing.T) {
	tests := []struct {
		title, ext, want string
	}{
		{"GPT Image 2", ".json", "gpt-image-2.json"},
		{"Ticket triage bot", "-aivss-badge.svg", "ticket-triage-bot-aivss-badge.svg"},
		{"", ".json", "threatcard.json"},
		{"  \t ", ".json", "threatcard.json"},
		{"!!! ***", ".json", "threatcard.json"},
		{"\x00\x07\u202e", ".json", "threatcard.json"},
		{"../../etc/passwd", ".json", "etc-passwd.json"},
		{`a/b\c:d*e?f"g<h>i|j`, ".json", "a-b-c-d-e-f-g-h-i-j.json"},
		{"<script>alert(1)</script>", ".json", "script-alert-1-script.json"},
		{"  Ärger   Bot!! ", ".json", "ärger-bot.json"},
		{"Agent 日本語 v2.1", ".json", "agent-日本語-v2-1.json"},
		{"CON", ".json", "con.json"},
		{strings.Repeat("a", 70), ".json", strings.Repeat("a", 60) + ".json"},
		{strings.Repeat("é", 70), ".json", strings.Repeat("é", 60) + ".json"},
		{strings.Repeat("a", 59) + " b", ".json", strings.Repeat("a", 59) + ".json"},
		{strings.Repeat("a", 58) + " bc", ".json", strings.Repeat("a", 58) + "-b.json"},
	}
	for _, tt := range tests {
		if got := DownloadName(tt.title, tt.ext); got != tt.want {
			t.Errorf("DownloadName(%q, %q) = %q, want %q", tt.title, tt.ext, got, tt.want)
		}
	}
}

func TestShareBarRendersSixNamedButtonsAndAStatusLine(t *testing.T) {
	tree := (&ShareBar{Card: shareCard(t, halfFilledLink)}).Render()
	checks := []struct {
		name     string
		expected app.UI
		path     []int
	}{
		{"a labelled section", app.Elem("section").ID("share").Class("tc-share").Aria("labelledby", "share-title"), nil},
		{"its heading", app.Elem("h2").ID("share-title"), []int{0}},
		{"the link-size meter", app.Elem("div").Class("tc-link-size"), []int{1}},
		{"copy link", app.Elem("button").ID("share-copy-link").Attr("type", "button").OnClick(noop), []int{2, 0}},
		{"copy Markdown", app.Elem("button").ID("share-copy-markdown").Attr("type", "button").OnClick(noop), []int{2, 1}},
		{"download JSON", app.Elem("button").ID("share-json").Attr("type", "button").OnClick(noop), []int{2, 2}},
		{"download the AIVSS report, described by its note", app.Elem("button").ID("share-report").Attr("type", "button").Aria("describedby", "share-report-note").OnClick(noop), []int{2, 3}},
		{"download badge", app.Elem("button").ID("share-svg").Attr("type", "button").OnClick(noop), []int{2, 4}},
		{"print", app.Elem("button").ID("share-print").Attr("type", "button").OnClick(noop), []int{2, 5}},
		{"the AIVSS report's note", app.Elem("p").ID("share-report-note").Class("tc-hint tc-share-report-note"), []int{3}},
		{"an empty live status line", app.Elem("p").ID("share-status").Class("tc-share-status").Role("status").Aria("live", "polite"), []int{4}},
	}
	for _, c := range checks {
		if err := app.Match(c.expected, tree, c.path...); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	// Match compares an element without its children: the texts, one by one.
	texts := []struct {
		want string
		path []int
	}{
		{"Share", []int{0, 0}},
		{"Copy link", []int{2, 0, 0}},
		{"Copy Markdown for a ticket", []int{2, 1, 0}},
		{"Download JSON", []int{2, 2, 0}},
		{"Download AIVSS report (JSON)", []int{2, 3, 0}},
		{"Download SVG badge", []int{2, 4, 0}},
		{"Print", []int{2, 5, 0}},
		{"The AIVSS report lists the card's findings, and it has none yet: score a threat with AIVSS in the MAESTRO editor.", []int{3, 0}},
		{"", []int{4, 0}},
	}
	for _, tt := range texts {
		if err := app.Match(app.Text(tt.want), tree, tt.path...); err != nil {
			t.Errorf("text %q: %v", tt.want, err)
		}
	}
}

func TestShareBarOffersTheTextSelectedInAReadOnlyField(t *testing.T) {
	tests := []struct {
		name, what, text string
		label            string
		rows             int
	}{
		{"link", "link", "https://example.org/#" + halfFilledLink, "Link to copy (selected: press Ctrl+C, or ⌘C on a Mac)", 2},
		{"Markdown", "Markdown", "**Half-filled draft** — AIVSS incomplete", "Markdown to copy (selected: press Ctrl+C, or ⌘C on a Mac)", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &ShareBar{Card: shareCard(t, halfFilledLink)}
			s.offerByHand(tt.what, tt.text, errNoClipboard)
			mountShare(t, s)
			status := "Not copied: this browser does not let the page write to the clipboard. The " + tt.what +
				" is selected in the field below; press Ctrl+C (⌘C on a Mac) to copy it."
			checks := []struct {
				expected app.UI
				path     []int
			}{
				{app.Text(status), []int{0, 4, 0}},
				{app.Elem("label").Attr("for", "share-fallback-text"), []int{0, 5, 0}},
				{app.Text(tt.label), []int{0, 5, 0, 0}},
				{app.Elem("textarea").ID("share-fallback-text").Attr("readonly", true).Attr("rows", tt.rows).Spellcheck(false).Text(tt.text), []int{0, 5, 1}},
				{app.Elem("button").ID("share-fallback-close").Attr("type", "button").OnClick(noop), []int{0, 5, 2}},
				{app.Text("Hide"), []int{0, 5, 2, 0}},
			}
			for _, c := range checks {
				if err := app.Match(c.expected, s, c.path...); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

func TestShareBarWithoutACardSaysSoAsAFailure(t *testing.T) {
	tests := []struct {
		name    string
		handler func(*ShareBar) app.EventHandler
		want    string
	}{
		{"copy link", func(s *ShareBar) app.EventHandler { return s.copyLink }, "There is no card to share yet."},
		{"copy Markdown", func(s *ShareBar) app.EventHandler { return s.copyMarkdown }, "There is no card to share yet."},
		{"JSON", func(s *ShareBar) app.EventHandler { return s.downloadJSON }, "There is no card to save yet."},
		{"badge", func(s *ShareBar) app.EventHandler { return s.downloadBadge }, "There is no card to save yet."},
		{"AIVSS report", func(s *ShareBar) app.EventHandler { return s.downloadReport }, "There is no card to save yet."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &ShareBar{}
			tt.handler(s)(app.Context{}, app.Event{})
			tree := s.Render()
			want := app.Elem("p").ID("share-status").Class("tc-share-status tc-share-status-failed").Role("status").Aria("live", "polite")
			if err := app.Match(want, tree, 4); err != nil {
				t.Error(err)
			}
			if err := app.Match(app.Text(tt.want), tree, 4, 0); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestGuardedUsesThePageGuardOrRecoversLocally(t *testing.T) {
	boom := func(app.Context, app.Event) { panic("boom") }

	var during string
	pageGuard := func(d string, h app.EventHandler) app.EventHandler {
		during = d
		return func(ctx app.Context, e app.Event) {
			if err := recovered(d, func() { h(ctx, e) }); err == nil {
				t.Error("the page guard saw no panic")
			}
		}
	}
	var shown error
	guarded(pageGuard, "copying the link", boom, func(err error) { shown = err })(app.Context{}, app.Event{})
	if during != "copying the link" || shown != nil {
		t.Errorf("with a page guard: guard got %q, component showed %v; want the guard to handle it", during, shown)
	}

	guarded(nil, "copying the link", boom, func(err error) { shown = err })(app.Context{}, app.Event{})
	var pe *PanicError
	if !errors.As(shown, &pe) || shown.Error() != "internal error while copying the link: boom" {
		t.Errorf("without a page guard: shown %v, want the *PanicError", shown)
	}
}

func TestShareBarShowsAPanicInItsStatusLine(t *testing.T) {
	s := &ShareBar{}
	guarded(s.Guard, "printing", func(app.Context, app.Event) { panic("no window") }, s.fail)(app.Context{}, app.Event{})
	tree := s.Render()
	want := app.Elem("p").ID("share-status").Class("tc-share-status tc-share-status-failed").Role("status").Aria("live", "polite")
	if err := app.Match(want, tree, 4); err != nil {
		t.Error(err)
	}
	if err := app.Match(app.Text("internal error while printing: no window"), tree, 4, 0); err != nil {
		t.Error(err)
	}
}

func parseShareURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestShareBarForgetsItsLastOutcomeWhenTheCardChanges(t *testing.T) {
	s := &ShareBar{Card: shareCard(t, halfFilledLink), Rev: 3}
	s.OnUpdate(app.Context{}) // the first update: the bar learns the revision
	s.offerByHand("link", "https://example.org/#"+halfFilledLink, errNoClipboard)

	s.OnUpdate(app.Context{}) // the page redrew, the card is the same
	if s.byHand == "" || s.status == "" {
		t.Errorf("same card: field %q, status %q; want both kept", s.byHand, s.status)
	}

	s.Rev = 4
	s.OnUpdate(app.Context{})
	if s.byHand != "" || s.status != "" || s.failed {
		t.Errorf("edited card: field %q, status %q, failed %v; want all cleared", s.byHand, s.status, s.failed)
	}
}
