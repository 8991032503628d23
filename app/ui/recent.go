package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// RecentEntry is one earlier card in the recent-cards list, as the draft
// store keeps it.
type RecentEntry struct {
	Title    string    // the card's title; "" shows as "Untitled card"
	Score    string    // the score as shown, "7.2"; "" while the card is incomplete
	Severity string    // the severity in words, "High"; "" without a score
	Fragment string    // the card's link fragment, without '#'
	Saved    time.Time // when it was last saved, in the zone to show it in
}

// RecentCards lists earlier cards, newest first, each a button that opens it.
type RecentCards struct {
	app.Compo

	Entries []RecentEntry // newest first
	Guard   Guard         // the page's handler wrapper; nil recovers locally
	// OnOpen makes c the page's card, replacing the whole card (as
	// ImportDialog.OnOpen does). c is decoded from the entry's fragment.
	OnOpen func(ctx app.Context, c *card.Card)

	failure string // why the last entry could not be opened
}

// savedLayout is how a saved time reads in the list.
const savedLayout = "2 Jan 2006, 15:04"

func (r *RecentCards) Render() app.UI {
	body := []app.UI{textEl("h2", "Recent cards", "id", "recent-title")}
	if len(r.Entries) == 0 {
		body = append(body, textEl("p", "Cards you work on are kept in this browser and listed here.",
			"class", "tc-recent-empty"))
	} else {
		items := make([]app.UI, len(r.Entries))
		for i, e := range r.Entries {
			about := "recent-" + strconv.Itoa(i) + "-about"
			items[i] = el("li", "class", "tc-recent-entry").Body(
				el("button", "id", "recent-"+strconv.Itoa(i), "class", "tc-recent-open", "type", "button",
					"aria-describedby", about).
					Text(entryTitle(e)).OnClick(guarded(r.Guard, "opening a recent card", r.opener(i), r.fail)),
				el("span", "id", about, "class", "tc-recent-about").Body(
					app.Text(entryScore(e)+", saved "),
					textEl("time", e.Saved.Format(savedLayout), "datetime", e.Saved.Format(time.RFC3339)),
				),
			)
		}
		body = append(body, el("ol", "class", "tc-recent-list", "aria-labelledby", "recent-title").Body(items...))
	}
	if r.failure != "" {
		body = append(body, textEl("p", r.failure, "id", "recent-error", "class", "tc-recent-error", "role", "alert"))
	}
	return el("section", "id", "recent-cards", "class", "tc-recent", "aria-labelledby", "recent-title").
		Body(body...)
}

func entryTitle(e RecentEntry) string {
	if t := strings.TrimSpace(e.Title); t != "" {
		return t
	}
	return "Untitled card"
}

func entryScore(e RecentEntry) string {
	if e.Score == "" {
		return "not scored yet"
	}
	s := "AIVSS " + e.Score
	if e.Severity != "" {
		s += " " + e.Severity
	}
	return s
}

func (r *RecentCards) fail(err error) {
	r.failure = err.Error()
}

// opener returns the click handler of entry i.
func (r *RecentCards) opener(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		r.open(ctx, i)
	}
}

// open decodes entry i and hands the card to OnOpen; an entry that no
// longer decodes (a link format this version does not read) is reported and
// changes nothing.
func (r *RecentCards) open(ctx app.Context, i int) {
	r.failure = ""
	if i < 0 || i >= len(r.Entries) {
		return
	}
	e := r.Entries[i]
	c, err := link.Decode(e.Fragment)
	if err != nil {
		r.failure = "“" + entryTitle(e) + "” could not be opened: " + err.Error()
		return
	}
	if r.OnOpen != nil {
		r.OnOpen(ctx, c)
	}
}
