//go:build !wasm

package ui

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testStore returns a store over a fresh in-memory localStorage whose clock
// advances a minute on each save.
func testStore(t *testing.T) *DraftStore {
	t.Helper()
	s := NewDraftStore(testContext(t).LocalStorage())
	clock := time.Date(2026, 3, 18, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time {
		clock = clock.Add(time.Minute)
		return clock
	}
	return s
}

func fragments(list []SavedCard) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = c.Fragment
	}
	return out
}

func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDraftStoreKeepsTheDraftAndListsEarlierCards(t *testing.T) {
	type save struct{ id, fragment string }
	tests := []struct {
		name       string
		saves      []save
		wantDraft  string
		wantRecent []string
	}{
		{"nothing saved", nil, "", []string{}},
		{"edits of one card stay one draft", []save{{"a", "f1"}, {"a", "f2"}, {"a", "f3"}}, "f3", []string{}},
		{"another card pushes the draft to the list", []save{{"a", "f1"}, {"b", "g1"}, {"c", "h1"}}, "h1", []string{"g1", "f1"}},
		{"a listed card opened again leaves the list", []save{{"a", "f1"}, {"b", "g1"}, {"c", "f1"}}, "f1", []string{"g1"}},
		{"a reload (same fragment, new id) is not listed", []save{{"a", "f1"}, {"b", "f1"}}, "f1", []string{}},
		{"an untouched new card is never listed", []save{{"a", blankFragment()}, {"b", "g1"}}, "g1", []string{}},
		{"two tabs take turns", []save{{"a", "f1"}, {"b", "g1"}, {"a", "f2"}, {"b", "g2"}}, "g2", []string{"f2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testStore(t)
			for _, sv := range tt.saves {
				if err := s.Save(SavedCard{ID: sv.id, Fragment: sv.fragment}); err != nil {
					t.Fatal(err)
				}
			}
			d, ok := s.Load()
			if ok != (tt.wantDraft != "") || d.Fragment != tt.wantDraft {
				t.Errorf("draft %q (%v), want %q", d.Fragment, ok, tt.wantDraft)
			}
			if got := fragments(s.Recent()); !sameList(got, tt.wantRecent) {
				t.Errorf("recent %v, want %v", got, tt.wantRecent)
			}
		})
	}
}

func TestDraftStoreListsAtMostTenCardsNewestFirst(t *testing.T) {
	s := testStore(t)
	for i := 0; i < MaxRecent+3; i++ {
		n := strconv.Itoa(i)
		if err := s.Save(SavedCard{ID: "id" + n, Fragment: "f" + n, Title: "card " + n}); err != nil {
			t.Fatal(err)
		}
	}
	recent := s.Recent()
	if len(recent) != MaxRecent {
		t.Fatalf("%d recent cards, want %d", len(recent), MaxRecent)
	}
	if recent[0].Fragment != "f11" || recent[MaxRecent-1].Fragment != "f2" {
		t.Errorf("recent from %s to %s, want f11 to f2", recent[0].Fragment, recent[MaxRecent-1].Fragment)
	}
	if !recent[0].Saved.After(recent[1].Saved) {
		t.Errorf("saved times %v, %v not newest first", recent[0].Saved, recent[1].Saved)
	}
	entries := s.RecentEntries()
	if entries[0].Title != "card 11" || entries[0].Fragment != "f11" || !entries[0].Saved.Equal(recent[0].Saved) {
		t.Errorf("entry %+v", entries[0])
	}

	if c, ok := s.Open("id5"); !ok || c.Fragment != "f5" {
		t.Errorf("Open(id5) = %+v, %v", c, ok)
	}
	if c, ok := s.Open("id12"); !ok || c.Fragment != "f12" {
		t.Errorf("Open of the draft = %+v, %v", c, ok)
	}
	if _, ok := s.Open("id0"); ok {
		t.Error("a card dropped from the list can still be opened")
	}
	if err := s.Remove("id5"); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Open("id5"); ok || len(s.Recent()) != MaxRecent-1 {
		t.Error("Remove left the card in the list")
	}
}

func TestDraftStoreIgnoresUnreadableData(t *testing.T) {
	storage := testContext(t).LocalStorage()
	storage.Set(draftKey, "not a card")
	storage.Set(recentKey, map[string]int{"x": 1})
	s := NewDraftStore(storage)
	if d, ok := s.Load(); ok {
		t.Errorf("Load = %+v from junk", d)
	}
	if r := s.Recent(); len(r) != 0 {
		t.Errorf("Recent = %+v from junk", r)
	}
	if err := s.Save(SavedCard{ID: "a", Fragment: "f1"}); err != nil {
		t.Fatal(err)
	}
	if d, ok := s.Load(); !ok || d.Fragment != "f1" {
		t.Errorf("after a save over junk: %+v, %v", d, ok)
	}
}

// Cards saved by earlier builds under another spelling of their link get
// the canonical one, once, and a card listed twice, or listed while it is
// the draft, is listed once.
func TestCanonicalizeGivesSavedCardsTheirOneLink(t *testing.T) {
	escaped := strings.Replace(halfFilledLink, "e=v0.8", "e=v0%2E8", 1)
	zeros := strings.Replace(halfFilledLink, "thm=0.5", "thm=0.50", 1)
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	gEscaped := strings.Replace(g.Fragment, "CVSS:4.0/", "CVSS%3A4.0%2F", 1)
	s := testStore(t)
	for i, f := range []string{escaped, "v1&broken", zeros, g.Fragment, gEscaped} {
		if err := s.Save(SavedCard{ID: strconv.Itoa(i), Fragment: f}); err != nil {
			t.Fatal(err)
		}
	}
	before := s.Recent()
	if err := s.Canonicalize(); err != nil {
		t.Fatal(err)
	}
	d, _ := s.Load()
	if d.Fragment != g.Link || d.ID != "4" {
		t.Errorf("draft %+v; want card 4 with the golden link", d)
	}
	// Card 3 is the draft's card; cards 2 and 0 are one card.
	if got, want := fragments(s.Recent()), []string{halfFilledLink, "v1&broken"}; !sameList(got, want) {
		t.Errorf("recent %q, want %q", got, want)
	}
	if got := s.Recent()[0]; got.ID != "2" || !got.Saved.Equal(before[1].Saved) {
		t.Errorf("first recent card %+v; want card 2, its saved time kept", got)
	}

	// Once per browser: a later non-canonical save stays.
	if err := s.Save(SavedCard{ID: "5", Fragment: escaped}); err != nil {
		t.Fatal(err)
	}
	if err := s.Canonicalize(); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Load(); d.Fragment != escaped {
		t.Errorf("canonicalized twice: draft %s", d.Fragment)
	}
}

// halfFilledLinkV1 is scoring/link/testdata/links/v08-incomplete.link as
// format 1 wrote it: halfFilledLink's card.
const halfFilledLinkV1 = "v1&e=v0.8&c=7.1&f=1,,,,0.5,,,,,&thm=0.5&d=YhT0SMxJ003LzMkBVYJFiWklgAAAAP__"

// A browser whose cards a build of link format 1 made canonical (it wrote
// true under the key) has them made canonical again in format 2: its v1
// links become v2, so that opening one again does not list it twice.
func TestCanonicalizeRunsAgainForANewLinkFormat(t *testing.T) {
	s := testStore(t)
	if err := s.Save(SavedCard{ID: "1", Fragment: halfFilledLinkV1}); err != nil {
		t.Fatal(err)
	}
	if err := s.storage.Set(canonicalKey, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Canonicalize(); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Load(); d.Fragment != halfFilledLink {
		t.Errorf("draft %s, want its format 2 link %s", d.Fragment, halfFilledLink)
	}
}

func TestSaveProblemSaysWhyInWords(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"storage full", errors.New(`setting storage value failed {"key":"threatcard.draft","storage-type":"localStorage"}: QuotaExceededError: Failed to execute 'setItem' on 'Storage': Setting the value of 'threatcard.draft' exceeded the quota.`),
			"This browser did not keep the draft: its storage for this site is full. Copy the link to keep your work."},
		{"anything else", errors.New("setting storage value failed: SecurityError: access is denied for this document"),
			"This browser did not keep the draft. Copy the link to keep your work."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := saveProblem(tt.err); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
