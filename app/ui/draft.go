package ui

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// MaxRecent is how many earlier cards the draft store keeps besides the
// draft and the pinned cards (MaxPinned).
const MaxRecent = 10

// The localStorage keys. Every project on a GitHub Pages user site shares
// one origin, hence the prefix.
const (
	draftKey     = "threatcard.draft"
	recentKey    = "threatcard.recent"
	canonicalKey = "threatcard.canonical" // the link format the saved fragments were made canonical in (see Canonicalize)
)

// SavedCard is a card as the draft store keeps it: its link fragment, which
// holds the whole card, and what a list of cards shows about it.
type SavedCard struct {
	ID       string    `json:"id"`    // one per card opened in a tab (see Page.session)
	Title    string    `json:"title"` // "" for an untitled card
	Score    string    `json:"score"` // the score as shown, "7.2"; "" while incomplete
	Severity string    `json:"severity,omitempty"`
	Fragment string    `json:"fragment"` // link.Encode of the card
	Saved    time.Time `json:"saved"`
	Pinned   bool      `json:"pinned,omitempty"` // listed first, never pushed out (see recent_store.go)
}

// Entry returns what the recent-cards list shows of s.
func (s SavedCard) Entry() RecentEntry {
	return RecentEntry{ID: s.ID, Title: s.Title, Score: s.Score, Severity: s.Severity, Fragment: s.Fragment,
		Saved: s.Saved, Pinned: s.Pinned}
}

// DraftStore keeps the card being worked on (the draft) and up to
// MaxRecent cards worked on before it, in the browser's localStorage, so
// that closing the tab loses nothing. The draft is rewritten on every edit;
// when a different card becomes the draft, the old one moves to the top of
// the recent list (below the pinned ones). A card nobody put anything
// into is never listed: it holds nothing to lose. recent_store.go has the
// list's rules and its changes (rename, pin, delete and restore).
//
// Each card keeps its own ID while it is edited; a card with the same
// fragment as a listed one replaces it, so reloading a page or opening a
// listed card does not list it twice. Two tabs share the store: each keeps
// its own card as the draft while it saves, and the other's card waits in
// the recent list.
type DraftStore struct {
	storage app.BrowserStorage
	now     func() time.Time
}

// NewDraftStore returns a store that keeps its cards in storage
// (ctx.LocalStorage() in the app).
func NewDraftStore(storage app.BrowserStorage) *DraftStore {
	return &DraftStore{storage: storage, now: time.Now}
}

// Load returns the draft, if there is one that can be read.
func (s *DraftStore) Load() (SavedCard, bool) {
	var d SavedCard
	if !s.storage.Contains(draftKey) || s.storage.Get(draftKey, &d) != nil || d.Fragment == "" {
		return SavedCard{}, false
	}
	return d, true
}

// Recent returns the cards worked on before the draft, newest first.
func (s *DraftStore) Recent() []SavedCard {
	var list []SavedCard
	if !s.storage.Contains(recentKey) || s.storage.Get(recentKey, &list) != nil {
		return nil
	}
	return list
}

// RecentEntries returns Recent as the recent-cards list shows it.
func (s *DraftStore) RecentEntries() []RecentEntry {
	list := s.Recent()
	entries := make([]RecentEntry, 0, len(list))
	for _, c := range list {
		if !emptyUntitled(c) { // listed by an earlier build
			entries = append(entries, c.Entry())
		}
	}
	return entries
}

// Open returns the card with the given ID, the draft or a recent one.
func (s *DraftStore) Open(id string) (SavedCard, bool) {
	if d, ok := s.Load(); ok && d.ID == id {
		return d, true
	}
	for _, c := range s.Recent() {
		if c.ID == id {
			return c, true
		}
	}
	return SavedCard{}, false
}

// Save makes c the draft, stamped with the current time. The previous
// draft, if it was another card, moves to the top of the recent list, and
// an entry of the list that is c (same ID or same fragment) leaves it.
func (s *DraftStore) Save(c SavedCard) (err error) {
	defer func() {
		if err != nil {
			app.Log("threatcard: the draft was not saved:", err)
		}
	}()
	c.Saved = s.now()
	old, hadDraft := s.Load()
	keep, changed := recentAfterSave(s.Recent(), old, hadDraft, &c)
	if changed {
		if err := s.storage.Set(recentKey, keep); err != nil {
			return err
		}
	}
	return s.storage.Set(draftKey, c)
}

// Canonicalize gives every saved card the fragment link.Encode writes
// for it, once per browser and link format: a new format (v2 after v1)
// gives every card a new canonical link, so the key holds link.Version,
// and a browser that made its cards canonical in an older format (whose
// builds wrote true) does it again. Earlier builds saved a card opened from an
// address with the address's fragment, which may be another spelling of
// its link (percent-escapes a chat added, "1.00"); the same card opened
// again now saves the canonical one, and would be listed twice. A card listed twice after the change, or listed while it
// is the draft, is listed once. A fragment that no longer decodes is kept
// as it is. Saved times do not change.
func (s *DraftStore) Canonicalize() error {
	var version int
	if s.storage.Contains(canonicalKey) && s.storage.Get(canonicalKey, &version) == nil && version == link.Version {
		return nil
	}
	changed := false
	canonical := func(f string) string {
		if c, err := link.Canonical(f); err == nil && c != f {
			changed = true
			return c
		}
		return f
	}
	seen := map[string]bool{}
	d, hasDraft := s.Load()
	if hasDraft {
		d.Fragment = canonical(d.Fragment)
		seen[d.Fragment] = true
	}
	recent := s.Recent()
	keep := recent[:0:0]
	for _, r := range recent {
		r.Fragment = canonical(r.Fragment)
		if seen[r.Fragment] {
			changed = true
			continue
		}
		seen[r.Fragment] = true
		keep = append(keep, r)
	}
	if changed {
		if err := s.storage.Set(recentKey, keep); err != nil {
			return err
		}
		if hasDraft {
			if err := s.storage.Set(draftKey, d); err != nil {
				return err
			}
		}
	}
	return s.storage.Set(canonicalKey, link.Version)
}

// saveProblem is the message for a draft the browser did not keep, in a
// person's words; the browser's own error went to the console (Save).
func saveProblem(err error) string {
	why := "This browser did not keep the draft"
	if strings.Contains(strings.ToLower(err.Error()), "quota") {
		why += ": its storage for this site is full"
	}
	return why + ". Copy the link to keep your work."
}

// Remove takes the card with the given ID off the recent list.
func (s *DraftStore) Remove(id string) error {
	recent := s.Recent()
	for i, r := range recent {
		if r.ID == id {
			return s.storage.Set(recentKey, append(recent[:i], recent[i+1:]...))
		}
	}
	return nil
}

// blankFragment is the link of card.NewCard, a card nobody has touched.
var blankFragment = sync.OnceValue(func() string {
	f, err := link.Encode(card.NewCard())
	if err != nil {
		panic("the new card does not encode: " + err.Error())
	}
	return f
})

// sessions numbers the cards opened in this tab.
var sessions atomic.Int64

// newSession returns an ID for a card that has just been opened: unique in
// this tab, and, by the time in it, across tabs.
func newSession() string {
	return strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.FormatInt(sessions.Add(1), 36)
}
