//go:build !wasm

package ui

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// cardLink is the link of a new card with the title, changed by change.
func cardLink(t *testing.T, title string, change func(*card.Card)) string {
	t.Helper()
	c := card.NewCard()
	c.Title = title
	if change != nil {
		change(c)
	}
	f, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// saveCards saves a card titled by each name in turn, each with ID name.
func saveCards(t *testing.T, s *DraftStore, names ...string) {
	t.Helper()
	for _, n := range names {
		if err := s.Save(SavedCard{ID: n, Title: n, Fragment: cardLink(t, n, nil)}); err != nil {
			t.Fatal(err)
		}
	}
}

func ids(list []SavedCard) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = c.ID
	}
	return out
}

func TestPinnedCardsComeFirstAndAreNeverPushedOut(t *testing.T) {
	s := testStore(t)
	saveCards(t, s, "a", "b", "c", "d") // d is the draft; c, b, a listed
	if err := s.SetPinned("a", true); err != nil {
		t.Fatal(err)
	}
	if got := ids(s.Recent()); !sameList(got, []string{"a", "c", "b"}) {
		t.Fatalf("after pinning a: %v, want [a c b]", got)
	}
	// The draft moves to the top of the others, below the pinned card.
	saveCards(t, s, "e")
	if got := ids(s.Recent()); !sameList(got, []string{"a", "d", "c", "b"}) {
		t.Fatalf("after saving e: %v, want [a d c b]", got)
	}
	// MaxRecent newer cards push every other card out, but not a.
	for i := range MaxRecent + 2 {
		saveCards(t, s, "n"+strconv.Itoa(i))
	}
	got := ids(s.Recent())
	if len(got) != MaxRecent+1 || got[0] != "a" || got[1] != "n"+strconv.Itoa(MaxRecent) {
		t.Errorf("after %d more cards: %v, want a, then the %d newest", MaxRecent+2, got, MaxRecent)
	}
	// Unpinned, a is the oldest of the list, and the next card pushes it out.
	if err := s.SetPinned("a", false); err != nil {
		t.Fatal(err)
	}
	if got := ids(s.Recent()); got[len(got)-1] != "a" || len(got) != MaxRecent+1 {
		t.Errorf("after unpinning a: %v, want it last of %d", got, MaxRecent+1)
	}
	saveCards(t, s, "z")
	if got := ids(s.Recent()); got[len(got)-1] == "a" || len(got) != MaxRecent {
		t.Errorf("after one more card: %v, want %d without a", got, MaxRecent)
	}
}

func TestAPinnedCardKeepsItsPinWhileItIsOpen(t *testing.T) {
	s := testStore(t)
	saveCards(t, s, "a", "b")
	if err := s.SetPinned("a", true); err != nil {
		t.Fatal(err)
	}
	// Opened again: a new session with the same link, then an edit.
	a := cardLink(t, "a", nil)
	if err := s.Save(SavedCard{ID: "a2", Title: "a", Fragment: a}); err != nil {
		t.Fatal(err)
	}
	edited := cardLink(t, "a edited", nil)
	if err := s.Save(SavedCard{ID: "a2", Title: "a edited", Fragment: edited}); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Load(); !d.Pinned || d.Fragment != edited {
		t.Errorf("the draft %+v, want a edited, pinned", d)
	}
	saveCards(t, s, "c", "d")
	list := s.Recent()
	if len(list) == 0 || list[0].ID != "a2" || !list[0].Pinned {
		t.Errorf("recent %v, want a2 first and pinned", ids(list))
	}
}

func TestNoMoreThanMaxPinnedCards(t *testing.T) {
	s := testStore(t)
	var names []string
	for i := range MaxPinned + 2 {
		names = append(names, "c"+strconv.Itoa(i))
	}
	saveCards(t, s, names...) // the last is the draft, the others listed
	for _, n := range names[1 : MaxPinned+1] {
		if err := s.SetPinned(n, true); err != nil {
			t.Fatalf("pinning %s: %v", n, err)
		}
	}
	saveCards(t, s, "x")
	err := s.SetPinned(names[MaxPinned+1], true)
	if _, ok := errors.AsType[*TooManyPinnedError](err); !ok {
		t.Fatalf("pinning one more: %v, want a TooManyPinnedError", err)
	}
	if err.Error() != "up to 10 cards can be pinned; unpin one first" {
		t.Errorf("message %q", err)
	}
	if err := s.SetPinned("gone", true); !errors.Is(err, ErrNotListed) {
		t.Errorf("pinning a card not listed: %v, want ErrNotListed", err)
	}
}

func TestACardNobodyPutAnythingIntoIsNotListed(t *testing.T) {
	tests := []struct {
		name   string
		title  string
		change func(*card.Card)
		listed bool
	}{
		{"a new card", "", nil, false},
		{"a new card in v0.5", "", func(c *card.Card) {
			ed, _ := aivss.Lookup("v0.5")
			*c = card.Card{AIVSS: card.Inputs{Edition: "v0.5", ThM: decimal.Some(ed.ThM.Default)}}
		}, false},
		{"ThM and MF cleared", "", func(c *card.Card) { c.AIVSS.ThM, c.AIVSS.MF = decimal.Optional{}, decimal.Optional{} }, false},
		{"a title of spaces", " ", nil, false},
		{"a title", "Agent", nil, true},
		{"a summary", "", func(c *card.Card) { c.Summary = "Reads mail." }, true},
		{"a factor", "", func(c *card.Card) { c.AIVSS.Factors[3] = decimal.Some(0) }, true},
		{"a CVSS score", "", func(c *card.Card) { c.AIVSS.CVSSScore = decimal.Some(decimal.MustParse("7.5")) }, true},
		{"another ThM", "", func(c *card.Card) { c.AIVSS.ThM = decimal.Some(decimal.MustParse("0.5")) }, true},
		{"a layer's notes", "", func(c *card.Card) { c.MAESTRO.Layers[2].Notes = "LangGraph" }, true},
		{"a layer's status", "", func(c *card.Card) { c.MAESTRO.Layers[0].Status = maestro.Status(1) }, true},
		{"a threat", "", func(c *card.Card) {
			c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "Prompt injection", Layers: []maestro.Layer{1, 3}}}
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testStore(t)
			f := cardLink(t, tt.title, tt.change)
			if err := s.Save(SavedCard{ID: "a", Title: strings.TrimSpace(tt.title), Fragment: f}); err != nil {
				t.Fatal(err)
			}
			saveCards(t, s, "b")
			if got := len(s.Recent()) == 1; got != tt.listed {
				t.Errorf("listed %v, want %v (%s)", got, tt.listed, f)
			}
		})
	}
}

func TestAnEmptyCardListedByAnEarlierBuildIsNotShown(t *testing.T) {
	s := testStore(t)
	list := []SavedCard{
		{ID: "a", Title: "Agent", Fragment: cardLink(t, "Agent", nil)},
		{ID: "b", Fragment: cardLink(t, "", func(c *card.Card) { c.AIVSS.MF = decimal.Optional{} })},
		{ID: "c", Fragment: cardLink(t, "", func(c *card.Card) { c.Summary = "Something" })},
	}
	if err := s.storage.Set(recentKey, list); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.RecentEntries() {
		got = append(got, e.ID)
	}
	if !sameList(got, []string{"a", "c"}) {
		t.Errorf("entries %v, want [a c]", got)
	}
}

func TestRenamingARecentCardChangesItsTitleInItsLink(t *testing.T) {
	s := testStore(t)
	saveCards(t, s, "a", "b", "c")
	before := s.Recent()
	if err := s.Rename("a", "  Mail agent  "); err != nil {
		t.Fatal(err)
	}
	after := s.Recent()
	if got := ids(after); !sameList(got, ids(before)) {
		t.Fatalf("order %v, want %v", got, ids(before))
	}
	a := after[1]
	c, err := link.Decode(a.Fragment)
	if err != nil || c.Title != "Mail agent" || a.Title != "Mail agent" {
		t.Fatalf("renamed entry %+v decodes to %v (%v)", a, c, err)
	}
	if !a.Saved.Equal(before[1].Saved) {
		t.Errorf("saved time changed from %v to %v", before[1].Saved, a.Saved)
	}
	err = s.Rename("a", strings.Repeat("x", card.MaxTitle+1))
	if fe, ok := errors.AsType[*card.FieldError](err); !ok || fe.Loc.Section != card.SectionTitle {
		t.Errorf("a title over the limit: %v, want the card's title error", err)
	}
	if got := s.Recent()[1].Title; got != "Mail agent" {
		t.Errorf("after a refused rename the title is %q", got)
	}
	if err := s.Rename("gone", "x"); !errors.Is(err, ErrNotListed) {
		t.Errorf("renaming a card not listed: %v", err)
	}
}

func TestADeletedCardComesBackWhereItWas(t *testing.T) {
	s := testStore(t)
	saveCards(t, s, "a", "b", "c", "d") // listed: c b a
	gone, at, err := s.Delete("b")
	if err != nil || gone.ID != "b" || at != 1 {
		t.Fatalf("Delete = %v, %d, %v", gone.ID, at, err)
	}
	if got := ids(s.Recent()); !sameList(got, []string{"c", "a"}) {
		t.Fatalf("after the delete: %v", got)
	}
	if err := s.Restore(gone, at); err != nil {
		t.Fatal(err)
	}
	if got := ids(s.Recent()); !sameList(got, []string{"c", "b", "a"}) {
		t.Fatalf("after the undo: %v", got)
	}
	// Put back twice, or while it is the draft, it is listed once.
	if err := s.Restore(gone, 0); err != nil {
		t.Fatal(err)
	}
	if got := ids(s.Recent()); !sameList(got, []string{"c", "b", "a"}) {
		t.Errorf("after a second undo: %v", got)
	}
	gone, at, _ = s.Delete("a")
	if err := s.Save(SavedCard{ID: "a2", Title: "a", Fragment: gone.Fragment}); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(gone, at); err != nil {
		t.Fatal(err)
	}
	if got := ids(s.Recent()); !sameList(got, []string{"d", "c", "b"}) {
		t.Errorf("after putting back the draft: %v", got)
	}
	// A pinned card comes back among the pinned ones.
	_ = s.SetPinned("b", true)
	gone, at, _ = s.Delete("b")
	_ = s.Restore(gone, 2)
	if got := s.Recent(); got[0].ID != "b" || !got[0].Pinned {
		t.Errorf("a pinned card put back: %v", ids(got))
	}
	if _, _, err := s.Delete("gone"); !errors.Is(err, ErrNotListed) {
		t.Errorf("deleting a card not listed: %v", err)
	}
}

func TestEveryListedCardHasAnID(t *testing.T) {
	s := testStore(t)
	if err := s.storage.Set(recentKey, []SavedCard{{Title: "Old", Fragment: cardLink(t, "Old", nil)}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(SavedCard{Title: "Draft", Fragment: cardLink(t, "Draft", nil)}); err != nil {
		t.Fatal(err)
	}
	saveCards(t, s, "next")
	list := s.Recent()
	if len(list) != 2 || list[0].ID == "" || list[1].ID == "" || list[0].ID == list[1].ID {
		t.Errorf("recent %+v, want two cards with IDs of their own", list)
	}
}
