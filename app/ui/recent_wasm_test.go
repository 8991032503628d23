//go:build js && wasm

package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
)

func TestClickingARecentCardOpensIt(t *testing.T) {
	var opened []*card.Card
	e := mountShare(t, &RecentCards{Entries: recentEntries, OnOpen: func(_ app.Context, c *card.Card) { opened = append(opened, c) }})

	if n := shareEl("recent-cards").Call("querySelectorAll", "li button").Length(); n != 3 {
		t.Fatalf("%d buttons in the list, want 3", n)
	}
	shareClick(t, e, "recent-0")
	if len(opened) != 1 || opened[0].Title != "GPT Image 2" {
		t.Fatalf("opened %v, want the GPT Image 2 card", opened)
	}

	shareClick(t, e, "recent-2")
	if len(opened) != 1 {
		t.Errorf("a broken entry opened a card")
	}
	want := "“Broken” could not be opened: link part version: unknown link format version 9; this threatcard reads versions 1 and 2"
	if got := shareTextOf(t, "recent-error"); got != want {
		t.Errorf("error %q\nwant  %q", got, want)
	}
}
