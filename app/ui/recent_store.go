package ui

import (
	"errors"
	"slices"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// MaxPinned is how many recent cards may be pinned. Pinned cards are listed
// first and never pushed out by newer ones; they do not count against
// MaxRecent.
const MaxPinned = 10

// The recent list, as the draft store keeps it:
//
//   - Pinned cards come first, then the others, each group newest first.
//   - A card that becomes the draft leaves the list and keeps its pin: the
//     draft carries it (SavedCard.Pinned), and it is listed pinned again
//     when another card becomes the draft.
//   - A card nobody put anything into (no title, text, threats or AIVSS
//     input, its edition's ThM and MF or none) is not listed when another
//     card replaces it as the draft: it holds nothing to lose.
//   - Renaming a listed card changes its title, in its link too: the card
//     opens with the new title. Its place and saved time stay.
//   - A deleted card can be put back where it was (Restore), which the
//     list offers until the next action.

// recentAfterSave returns the recent list once c becomes the draft in place
// of old (hadDraft: there was one), and whether it changed. c takes the pin
// of the listed card it is, or of the draft it continues.
func recentAfterSave(recent []SavedCard, old SavedCard, hadDraft bool, c *SavedCard) ([]SavedCard, bool) {
	changed := false
	keep := recent[:0:0]
	for _, r := range recent {
		if r.ID != "" && r.ID == c.ID || r.Fragment == c.Fragment {
			changed = true
			c.Pinned = c.Pinned || r.Pinned
			continue
		}
		keep = append(keep, r)
	}
	sameCard := old.ID == c.ID || old.Fragment == c.Fragment
	if hadDraft && sameCard {
		c.Pinned = c.Pinned || old.Pinned
	}
	if hadDraft && !sameCard && !emptyUntitled(old) {
		keep = slices.DeleteFunc(keep, func(r SavedCard) bool { return r.Fragment == old.Fragment }) // a card is listed once
		if old.ID == "" {
			old.ID = newSession() // the list's changes find a card by its ID
		}
		keep = slices.Insert(keep, firstPlace(keep, old.Pinned), old)
		changed = true
	}
	for i := range keep {
		if keep[i].ID == "" { // listed by an earlier build
			keep[i].ID, changed = newSession(), true
		}
	}
	if trimmed := trimRecent(keep); len(trimmed) != len(keep) {
		keep, changed = trimmed, true
	}
	return keep, changed
}

// firstPlace is where a card goes in list to be the newest of its group:
// the top for a pinned card, after the pinned ones for another.
func firstPlace(list []SavedCard, pinned bool) int {
	if pinned {
		return 0
	}
	n := 0
	for _, r := range list {
		if r.Pinned {
			n++
		}
	}
	return n
}

// trimRecent keeps every pinned card and the MaxRecent newest others.
func trimRecent(list []SavedCard) []SavedCard {
	others := 0
	return slices.DeleteFunc(list, func(r SavedCard) bool {
		if r.Pinned {
			return false
		}
		others++
		return others > MaxRecent
	})
}

// pinnedFirst orders list pinned cards first, then newest first within
// each group.
func pinnedFirst(list []SavedCard) {
	slices.SortStableFunc(list, func(a, b SavedCard) int {
		switch {
		case a.Pinned == b.Pinned:
			return b.Saved.Compare(a.Saved)
		case a.Pinned:
			return -1
		}
		return 1
	})
}

// emptyUntitled reports whether s is a card nobody has put anything into.
func emptyUntitled(s SavedCard) bool {
	if strings.TrimSpace(s.Title) != "" {
		return false
	}
	if s.Fragment == blankFragment() {
		return true
	}
	c, err := link.Decode(s.Fragment)
	return err == nil && emptyCard(c)
}

// emptyCard reports whether c holds nothing of a person's: no title,
// summary, layer status, notes or threat, no CVSS and no factor, and ThM
// and MF unset or its edition's defaults (a new card has those filled in).
func emptyCard(c *card.Card) bool {
	if strings.TrimSpace(c.Title) != "" || strings.TrimSpace(c.Summary) != "" || c.MAESTRO.NumThreats() > 0 {
		return false
	}
	for _, l := range c.MAESTRO.Layers {
		if l.Status != 0 || strings.TrimSpace(l.Notes) != "" {
			return false
		}
	}
	in := &c.AIVSS
	if in.CVSSVector != "" || in.CVSSScore.Set {
		return false
	}
	for _, f := range in.Factors {
		if f.Set {
			return false
		}
	}
	ed, err := aivss.Lookup(in.Edition)
	if err != nil {
		return false
	}
	thm := !in.ThM.Set || in.ThM.Value == ed.ThM.Default
	mf := !in.MF.Set || ed.HasMF && in.MF.Value == ed.MF.Default
	return thm && mf
}

// ErrNotListed is the error of a change to a recent card that is no longer
// in the list (another tab took it, or it was opened).
var ErrNotListed = errors.New("this card is no longer among the recent cards")

// TooManyPinnedError is the refusal to pin more than MaxPinned cards.
type TooManyPinnedError struct{}

func (*TooManyPinnedError) Error() string {
	return "up to 10 cards can be pinned; unpin one first"
}

// Rename gives the listed card with the given ID the title, in its link
// too; its place in the list and its saved time stay. A title the card
// does not take (too long) is refused with the card's reason.
func (s *DraftStore) Rename(id, title string) error {
	recent := s.Recent()
	i := slices.IndexFunc(recent, func(r SavedCard) bool { return r.ID == id })
	if i < 0 {
		return ErrNotListed
	}
	c, err := link.Decode(recent[i].Fragment)
	if err != nil {
		return err
	}
	c.Title = strings.TrimSpace(title)
	fragment, err := link.Encode(c)
	if err != nil {
		return err
	}
	recent[i].Title, recent[i].Fragment = c.Title, fragment
	return s.storage.Set(recentKey, recent)
}

// SetPinned pins or unpins the listed card with the given ID; pinned cards
// are listed first.
func (s *DraftStore) SetPinned(id string, pinned bool) error {
	recent := s.Recent()
	i := slices.IndexFunc(recent, func(r SavedCard) bool { return r.ID == id })
	if i < 0 {
		return ErrNotListed
	}
	if recent[i].Pinned == pinned {
		return nil
	}
	if pinned && firstPlace(recent, false) >= MaxPinned {
		return &TooManyPinnedError{}
	}
	recent[i].Pinned = pinned
	pinnedFirst(recent)
	return s.storage.Set(recentKey, recent) // an unpinned card stays listed until a newer one pushes it out
}

// Delete takes the card with the given ID off the recent list and returns
// it with its place, for Restore.
func (s *DraftStore) Delete(id string) (SavedCard, int, error) {
	recent := s.Recent()
	i := slices.IndexFunc(recent, func(r SavedCard) bool { return r.ID == id })
	if i < 0 {
		return SavedCard{}, 0, ErrNotListed
	}
	gone := recent[i]
	return gone, i, s.storage.Set(recentKey, slices.Delete(recent, i, i+1))
}

// Restore puts a deleted card back at its place in the list (or the
// nearest one its group allows: a pinned card goes among the pinned ones
// by its saved time). A card listed again meanwhile, or that
// is the draft, is not listed twice.
func (s *DraftStore) Restore(c SavedCard, at int) error {
	if d, ok := s.Load(); ok && (d.ID == c.ID || d.Fragment == c.Fragment) {
		return nil
	}
	recent := s.Recent()
	if slices.ContainsFunc(recent, func(r SavedCard) bool { return r.ID == c.ID || r.Fragment == c.Fragment }) {
		return nil
	}
	i := min(max(at, 0), len(recent))
	if c.Pinned {
		recent = slices.Insert(recent, i, c)
		pinnedFirst(recent)
	} else {
		recent = slices.Insert(recent, max(i, firstPlace(recent, false)), c) // below the pinned ones
	}
	return s.storage.Set(recentKey, recent)
}
