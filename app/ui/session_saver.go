package ui

import (
	"errors"
	"strings"
	"time"
)

// Drafts across tabs. Every tab of the site shares one localStorage, and
// so one DraftStore. Each card a tab shows has an ID of its own (see
// newSession), under which the tab saves it; a card of another ID is never
// written over: saving one card puts the draft before it among the recent
// cards (DraftStore.Save). So two tabs on two cards never overwrite each
// other.
//
// Two tabs can show the same card (the same ID): a bare address opens the
// draft, which another tab may be editing. Each save of a card writes,
// besides the card, a stamp under the key stampPrefix+ID: a revision that
// every save of that card raises by one, the tab that saved it and when.
// A DraftSaver remembers the revision it last wrote or read. When the
// stamp has another revision, written by another tab, the card was saved
// there since: the saver writes nothing more and reports a DraftConflict,
// which says which version is newer and offers both: keep this tab's
// (saved over the other), open the other tab's, or keep both (this tab's
// becomes a copy, a card of its own). It notices at its next save, or at
// once when the browser tells it that another tab wrote (the storage
// event; Check).
//
// A full storage (QuotaExceededError) fails the write it refused, and the
// browser keeps what it held under that key; the store writes the list of
// recent cards, with the draft it replaces, before the new draft, so a
// failure between the two loses nothing either. The saver reports the
// failure and tries again at the next edit.

// stampPrefix starts the key of a card's stamp.
const stampPrefix = "threatcard.stamp."

// draftStamp is what the key stampPrefix+ID holds.
type draftStamp struct {
	Rev   int       `json:"rev"`   // +1 on every save of the card, by any tab
	Tab   string    `json:"tab"`   // the tab that saved it last
	Saved time.Time `json:"saved"` // when
}

// DraftConflict is the state of a card that another tab saved since this
// tab last saved or opened it.
type DraftConflict struct {
	Theirs    SavedCard // the card as the other tab saved it; Fragment "" when the store no longer has it
	At        time.Time // when the other tab saved it
	MineNewer bool      // this tab changed the card after that
}

func (c *DraftConflict) Error() string {
	return "this card was changed in another tab at " + c.At.Format(time.RFC3339)
}

// Message says what happened, in a person's words, with the time in the
// zone of At.
func (c *DraftConflict) Message() string {
	return "This card was changed in another tab at " + c.At.Format("15:04:05") + ". " + c.Which()
}

// Which says which version is newer, and that nothing is saved meanwhile.
func (c *DraftConflict) Which() string {
	if c.MineNewer {
		return "Your changes here are newer; they are not saved until you choose."
	}
	return "That version is newer than the one shown here; nothing here is saved until you choose."
}

// DraftSaver saves the card one tab shows (see above).
type DraftSaver struct {
	tab      string         // this tab's ID
	id       string         // the ID of the card shown
	base     int            // the revision of the card's stamp this tab last wrote or read
	dirty    bool           // edits the store does not have yet
	edited   time.Time      // when the card was last changed in this tab
	err      error          // why the last save failed, until one succeeds
	conflict *DraftConflict // the card was saved by another tab; nothing is saved until resolved
	now      func() time.Time
}

// NewDraftSaver returns the saver of a tab.
func NewDraftSaver(tab string) *DraftSaver {
	return &DraftSaver{tab: tab, now: time.Now}
}

func (sv *DraftSaver) stamp(s *DraftStore, id string) (draftStamp, bool) {
	var st draftStamp
	k := stampPrefix + id
	if id == "" || !s.storage.Contains(k) || s.storage.Get(k, &st) != nil {
		return draftStamp{}, false
	}
	return st, true
}

// Follow makes the card with the given ID the one this tab saves, as it
// is in the store now (a card opened from the store, or a new one).
func (sv *DraftSaver) Follow(s *DraftStore, id string) {
	st, _ := sv.stamp(s, id)
	sv.id, sv.base = id, st.Rev
	sv.dirty, sv.conflict = false, nil
}

// Edited records an edit of the card, to be saved.
func (sv *DraftSaver) Edited() {
	sv.dirty = true
	sv.edited = sv.now()
}

// Dirty reports whether there are edits to save.
func (sv *DraftSaver) Dirty() bool { return sv.dirty }

// Err is why the last save failed; nil after a save that worked.
func (sv *DraftSaver) Err() error { return sv.err }

// Conflict is the card's conflict with another tab, or nil.
func (sv *DraftSaver) Conflict() *DraftConflict { return sv.conflict }

// Check looks for a save of this tab's card by another tab, and reports
// whether it found one (a conflict now to be shown).
func (sv *DraftSaver) Check(s *DraftStore) bool {
	if sv.conflict != nil {
		return false
	}
	st, ok := sv.stamp(s, sv.id)
	if !ok || st.Rev == sv.base || st.Tab == sv.tab {
		return false
	}
	theirs, _ := s.Open(sv.id)
	sv.conflict = &DraftConflict{Theirs: theirs, At: st.Saved, MineNewer: sv.dirty && sv.edited.After(st.Saved)}
	return true
}

// Save saves c, the card this tab shows, under the saver's ID. It returns
// the *DraftConflict without writing while another tab's save is not
// resolved, and the store's error (a full storage) when the browser
// refused the write, which then changed nothing saved.
func (sv *DraftSaver) Save(s *DraftStore, c SavedCard) error {
	if sv.id == "" {
		// The new card a tab starts with gets its ID when first saved.
		dirty, edited := sv.dirty, sv.edited
		sv.Follow(s, newSession())
		sv.dirty, sv.edited = dirty, edited
	}
	if sv.Check(s) || sv.conflict != nil {
		return sv.conflict
	}
	c.ID = sv.id
	if err := s.Save(c); err != nil {
		sv.err = err
		return err
	}
	st := draftStamp{Rev: sv.base + 1, Tab: sv.tab, Saved: sv.now()}
	if err := s.storage.Set(stampPrefix+sv.id, st); err != nil {
		// The card is saved; another tab will not see this save as one.
		sv.err = err
		return err
	}
	sv.base, sv.dirty, sv.err = st.Rev, false, nil
	return nil
}

// KeepMine resolves a conflict by saving c, this tab's card, over the
// other tab's.
func (sv *DraftSaver) KeepMine(s *DraftStore, c SavedCard) error {
	st, _ := sv.stamp(s, sv.id)
	sv.base, sv.conflict = st.Rev, nil
	return sv.Save(s, c)
}

// TakeTheirs resolves a conflict by giving up this tab's card for the
// other tab's, which it returns (for the page to show).
func (sv *DraftSaver) TakeTheirs(s *DraftStore) (SavedCard, bool) {
	if sv.conflict == nil {
		return SavedCard{}, false
	}
	theirs, ok := s.Open(sv.id)
	sv.Follow(s, sv.id)
	return theirs, ok
}

// KeepBoth resolves a conflict by saving c, this tab's card, as a copy:
// a card of its own under newID. The other tab's stays as it saved it.
func (sv *DraftSaver) KeepBoth(s *DraftStore, c SavedCard, newID string) error {
	sv.Follow(s, newID)
	return sv.Save(s, c)
}

// Forget removes the stamps of cards the store no longer has.
func (sv *DraftSaver) Forget(s *DraftStore) {
	keep := map[string]bool{}
	if d, ok := s.Load(); ok {
		keep[d.ID] = true
	}
	for _, r := range s.Recent() {
		keep[r.ID] = true
	}
	keep[sv.id] = true
	var gone []string
	s.storage.ForEach(func(k string) {
		if id, ok := strings.CutPrefix(k, stampPrefix); ok && !keep[id] {
			gone = append(gone, k)
		}
	})
	for _, k := range gone {
		s.storage.Del(k)
	}
}

// isConflict reports whether err is a *DraftConflict.
func isConflict(err error) bool {
	_, ok := errors.AsType[*DraftConflict](err)
	return ok
}
