package ui

import (
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

var recentEntries = []RecentEntry{
	{Title: "GPT Image 2", Score: "7.2", Severity: "High", Fragment: gptImage2Link,
		Saved: time.Date(2026, 11, 25, 20, 17, 0, 0, time.UTC)},
	{Title: " ", Fragment: halfFilledLink,
		Saved: time.Date(2026, 3, 2, 9, 5, 0, 0, time.FixedZone("CET", 3600))},
	{Title: "Broken", Score: "9.9", Fragment: "v9&e=x",
		Saved: time.Date(2025, 12, 31, 23, 59, 0, 0, time.UTC)},
}

func TestRecentCardsListsEachCardAsAButtonWithItsScoreAndTime(t *testing.T) {
	r := &RecentCards{Entries: recentEntries}
	tree := r.Render()
	checks := []struct {
		expected app.UI
		path     []int
	}{
		{app.Elem("section").ID("recent-cards").Class("tc-recent").Aria("labelledby", "recent-title"), nil},
		{app.Elem("h2").ID("recent-title").TabIndex(-1), []int{0}},
		{app.Elem("p").ID("recent-status").Class("tc-recent-status").Role("status"), []int{1}},
		{app.Text("Recent cards"), []int{0, 0}},
		{app.Elem("ol").Class("tc-recent-list").Aria("labelledby", "recent-title"), []int{2}},
		{app.Elem("button").ID("recent-0").Class("tc-recent-open").Attr("type", "button").Aria("describedby", "recent-0-about").OnClick(noop), []int{2, 0, 0}},
		{app.Text("GPT Image 2"), []int{2, 0, 0, 0}},
		{app.Elem("span").ID("recent-0-about").Class("tc-recent-about"), []int{2, 0, 1}},
		{app.Text("AIVSS 7.2 High, saved "), []int{2, 0, 1, 0}},
		{app.Elem("time").Attr("datetime", "2026-11-25T20:17:00Z"), []int{2, 0, 1, 1}},
		{app.Text("25 Nov 2026, 20:17"), []int{2, 0, 1, 1, 0}},
		// A blank title and no score.
		{app.Text("Untitled card"), []int{2, 1, 0, 0}},
		{app.Text("not scored yet, saved "), []int{2, 1, 1, 0}},
		{app.Elem("time").Attr("datetime", "2026-03-02T09:05:00+01:00"), []int{2, 1, 1, 1}},
		{app.Text("2 Mar 2026, 09:05"), []int{2, 1, 1, 1, 0}},
		// A score without a severity.
		{app.Text("AIVSS 9.9, saved "), []int{2, 2, 1, 0}},
	}
	for _, c := range checks {
		if err := app.Match(c.expected, tree, c.path...); err != nil {
			t.Errorf("%v: %v", c.path, err)
		}
	}
}

func TestRecentCardsWithoutEntriesSaysWhatWillBeThere(t *testing.T) {
	tree := (&RecentCards{}).Render()
	if err := app.Match(app.Elem("p").Class("tc-recent-empty"), tree, 2); err != nil {
		t.Error(err)
	}
	if err := app.Match(app.Text("Cards you work on are kept in this browser and listed here."), tree, 2, 0); err != nil {
		t.Error(err)
	}
}

func TestOpeningARecentCardHandsTheDecodedCardToThePage(t *testing.T) {
	var opened *card.Card
	r := &RecentCards{Entries: recentEntries, OnOpen: func(_ app.Context, c *card.Card) { opened = c }}
	r.opener(0)(app.Context{}, app.Event{})
	if opened == nil || opened.Title != "GPT Image 2" || r.failure != "" {
		t.Fatalf("opened %v, failure %q", opened, r.failure)
	}
	if got, err := link.Encode(opened); err != nil || got != gptImage2Link {
		t.Errorf("opened card's link %q (%v), want the entry's", got, err)
	}
}

func TestARecentCardThatNoLongerDecodesIsReportedAndNothingOpens(t *testing.T) {
	opened := false
	r := &RecentCards{Entries: recentEntries, OnOpen: func(app.Context, *card.Card) { opened = true }}
	r.opener(2)(app.Context{}, app.Event{})
	if opened {
		t.Fatal("a card was opened")
	}
	tree := r.Render()
	if err := app.Match(app.Elem("p").ID("recent-error").Class("tc-recent-error").Role("alert"), tree, 3); err != nil {
		t.Error(err)
	}
	want := "“Broken” could not be opened: link part version: unknown link format version 9; this threatcard reads versions 1 and 2"
	if err := app.Match(app.Text(want), tree, 3, 0); err != nil {
		t.Error(err)
	}

	// The next successful open clears the message.
	r.opener(0)(app.Context{}, app.Event{})
	if r.failure != "" || !opened {
		t.Errorf("after opening a good entry: failure %q, opened %v", r.failure, opened)
	}
}

func TestOpeningAnEntryThatIsGoneDoesNothing(t *testing.T) {
	r := &RecentCards{Entries: recentEntries[:1], OnOpen: func(app.Context, *card.Card) { t.Error("a card was opened") }}
	r.open(app.Context{}, 5)
	if r.failure != "" {
		t.Errorf("failure %q", r.failure)
	}
}
