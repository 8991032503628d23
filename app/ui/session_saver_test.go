package ui

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// fakeStorage is a localStorage shared by the tabs of a test, which, like
// a browser's, refuses a write that would make it hold more than limit
// bytes (keys and values), and then keeps what it held.
type fakeStorage struct {
	items map[string]string
	limit int // 0: no limit
}

func newFakeStorage() *fakeStorage { return &fakeStorage{items: map[string]string{}} }

func (f *fakeStorage) size() int {
	n := 0
	for k, v := range f.items {
		n += len(k) + len(v)
	}
	return n
}

func (f *fakeStorage) Set(k string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	old, had := f.items[k]
	grow := len(b) - len(old)
	if !had {
		grow += len(k)
	}
	if f.limit > 0 && f.size()+grow > f.limit {
		return errors.New(`setting storage value failed: QuotaExceededError: Failed to execute 'setItem' on 'Storage': Setting the value of '` + k + `' exceeded the quota.`)
	}
	f.items[k] = string(b)
	return nil
}

func (f *fakeStorage) Get(k string, v any) error {
	s, ok := f.items[k]
	if !ok {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

func (f *fakeStorage) Del(k string)           { delete(f.items, k) }
func (f *fakeStorage) Len() int               { return len(f.items) }
func (f *fakeStorage) Clear()                 { f.items = map[string]string{} }
func (f *fakeStorage) Contains(k string) bool { _, ok := f.items[k]; return ok }
func (f *fakeStorage) ForEach(fn func(k string)) {
	for k := range f.items {
		fn(k)
	}
}

// tabs are two tabs (a store and a saver each) over one storage, with a
// clock that moves a minute at each reading.
type testTab struct {
	store *DraftStore
	saver *DraftSaver
}

func twoTabs(storage *fakeStorage) (a, b testTab) {
	clock := time.Date(2026, 3, 18, 10, 0, 0, 0, time.UTC)
	now := func() time.Time {
		clock = clock.Add(time.Minute)
		return clock
	}
	mk := func(tab string) testTab {
		s := NewDraftStore(storage)
		s.now = now
		sv := NewDraftSaver(tab)
		sv.now = now
		return testTab{s, sv}
	}
	return mk("tab-a"), mk("tab-b")
}

// saved returns the card with the given ID as the store has it, the draft
// or a recent one.
func savedFragment(t *testing.T, s *DraftStore, id string) string {
	t.Helper()
	c, ok := s.Open(id)
	if !ok {
		t.Fatalf("card %s is not saved", id)
	}
	return c.Fragment
}

func TestTwoTabsOnTwoCardsNeverOverwriteEachOther(t *testing.T) {
	a, b := twoTabs(newFakeStorage())
	a.saver.Follow(a.store, "x")
	b.saver.Follow(b.store, "y")
	for i := range 5 {
		n := string(rune('0' + i))
		a.saver.Edited()
		if err := a.saver.Save(a.store, SavedCard{Fragment: "x" + n}); err != nil {
			t.Fatal(err)
		}
		b.saver.Edited()
		if err := b.saver.Save(b.store, SavedCard{Fragment: "y" + n}); err != nil {
			t.Fatal(err)
		}
		if a.saver.Check(a.store) || b.saver.Check(b.store) {
			t.Fatal("a conflict between two cards")
		}
		if got := savedFragment(t, a.store, "x"); got != "x"+n {
			t.Errorf("card x is %s, want x%s", got, n)
		}
		if got := savedFragment(t, a.store, "y"); got != "y"+n {
			t.Errorf("card y is %s, want y%s", got, n)
		}
	}
}

// openSame gives both tabs card x, saved by a and opened by b from the
// store (a bare address in a second tab).
func openSame(t *testing.T) (a, b testTab, storage *fakeStorage) {
	t.Helper()
	storage = newFakeStorage()
	a, b = twoTabs(storage)
	a.saver.Follow(a.store, "x")
	if err := a.saver.Save(a.store, SavedCard{Fragment: "x1"}); err != nil {
		t.Fatal(err)
	}
	d, _ := b.store.Load()
	b.saver.Follow(b.store, d.ID)
	return a, b, storage
}

func TestTwoTabsOnOneCardSayWhichIsNewerAndLoseNothing(t *testing.T) {
	t.Run("the other tab saved; this one has no edits: theirs is newer", func(t *testing.T) {
		a, b, _ := openSame(t)
		a.saver.Edited()
		if err := a.saver.Save(a.store, SavedCard{Fragment: "x2"}); err != nil {
			t.Fatal(err)
		}
		if !b.saver.Check(b.store) {
			t.Fatal("b did not notice a's save")
		}
		c := b.saver.Conflict()
		if c.MineNewer || c.Theirs.Fragment != "x2" || !strings.Contains(c.Message(), "That version is newer") {
			t.Errorf("conflict %+v: %s", c, c.Message())
		}
		if !strings.HasPrefix(c.Message(), "This card was changed in another tab at "+c.At.Format("15:04:05")+".") {
			t.Errorf("message %q", c.Message())
		}
		theirs, ok := b.saver.TakeTheirs(b.store)
		if !ok || theirs.Fragment != "x2" || b.saver.Conflict() != nil {
			t.Errorf("take theirs: %+v, %v", theirs, ok)
		}
		b.saver.Edited()
		if err := b.saver.Save(b.store, SavedCard{Fragment: "x3"}); err != nil {
			t.Errorf("saving after taking theirs: %v", err)
		}
	})
	t.Run("this tab edited after the other saved: mine is newer, and is not written", func(t *testing.T) {
		a, b, _ := openSame(t)
		a.saver.Edited()
		a.saver.Save(a.store, SavedCard{Fragment: "x2"})
		b.saver.Edited()
		err := b.saver.Save(b.store, SavedCard{Fragment: "mine"})
		var c *DraftConflict
		if !errors.As(err, &c) || !c.MineNewer || !strings.Contains(c.Message(), "Your changes here are newer") {
			t.Fatalf("err %v", err)
		}
		if got := savedFragment(t, a.store, "x"); got != "x2" {
			t.Fatalf("b's save overwrote a's: %s", got)
		}
		if err := b.saver.Save(b.store, SavedCard{Fragment: "mine again"}); !isConflict(err) {
			t.Errorf("a second save while the conflict is open: %v", err)
		}
		// Keep both: b's card becomes a copy; a's stays.
		if err := b.saver.KeepBoth(b.store, SavedCard{Fragment: "mine"}, "x-copy"); err != nil {
			t.Fatal(err)
		}
		if savedFragment(t, a.store, "x") != "x2" || savedFragment(t, a.store, "x-copy") != "mine" {
			t.Error("keep both did not keep both")
		}
		if a.saver.Check(a.store) {
			t.Error("a copy is a conflict for the tab of the original")
		}
	})
	t.Run("keep mine writes this tab's over the other's, which then hears of it", func(t *testing.T) {
		a, b, _ := openSame(t)
		a.saver.Edited()
		a.saver.Save(a.store, SavedCard{Fragment: "x2"})
		b.saver.Edited()
		b.saver.Save(b.store, SavedCard{Fragment: "mine"})
		if err := b.saver.KeepMine(b.store, SavedCard{Fragment: "mine"}); err != nil {
			t.Fatal(err)
		}
		if got := savedFragment(t, a.store, "x"); got != "mine" {
			t.Errorf("keep mine: the card is %s", got)
		}
		if !a.saver.Check(a.store) || a.saver.Conflict().Theirs.Fragment != "mine" {
			t.Error("the other tab was not told")
		}
	})
	t.Run("one tab saving again and again is no conflict", func(t *testing.T) {
		a, b, _ := openSame(t)
		for range 3 {
			a.saver.Edited()
			if err := a.saver.Save(a.store, SavedCard{Fragment: "x2"}); err != nil {
				t.Fatal(err)
			}
		}
		b.saver.Follow(b.store, "x") // b opens the card anew
		if b.saver.Check(b.store) {
			t.Error("a conflict after opening the newest version")
		}
	})
}

// A full storage refuses a save: the saver says so in words, and the
// draft and recent cards saved before are all there; once there is room,
// the next save works.
func TestAFullStorageIsReportedAndLosesNothing(t *testing.T) {
	storage := newFakeStorage()
	a, _ := twoTabs(storage)
	a.saver.Follow(a.store, "old")
	if err := a.saver.Save(a.store, SavedCard{Fragment: "old card"}); err != nil {
		t.Fatal(err)
	}
	a.saver.Follow(a.store, "draft")
	if err := a.saver.Save(a.store, SavedCard{Fragment: "draft card"}); err != nil {
		t.Fatal(err)
	}
	storage.items["other.site.data"] = strings.Repeat("x", 2000) // another project on the origin filled it
	storage.limit = storage.size() + 100

	for _, id := range []string{"draft", "new"} { // the draft edited, or another card opened
		a.saver.Follow(a.store, id)
		a.saver.Edited()
		err := a.saver.Save(a.store, SavedCard{Fragment: strings.Repeat("big ", 100)})
		if err == nil || a.saver.Err() == nil || !a.saver.Dirty() {
			t.Fatalf("%s: a save over the quota worked: %v", id, err)
		}
		if got, want := saveProblem(a.saver.Err()), "This browser did not keep the draft: its storage for this site is full. Copy the link to keep your work."; got != want {
			t.Errorf("%s: message %q", id, got)
		}
		// Nothing saved before is lost: the draft is the draft, every card
		// can be opened as it was. (Opening another card writes the recent
		// list, with the draft in it, before the new draft: the refused
		// second write leaves the draft listed there too.)
		if d, ok := a.store.Load(); !ok || d.Fragment != "draft card" {
			t.Errorf("%s: the draft is %+v", id, d)
		}
		if savedFragment(t, a.store, "old") != "old card" || savedFragment(t, a.store, "draft") != "draft card" {
			t.Errorf("%s: a card saved before changed", id)
		}
		if _, ok := a.store.Open(id); ok && id == "new" {
			t.Errorf("the refused card is saved")
		}
		if st, _ := a.saver.stamp(a.store, "draft"); st.Rev != 1 {
			t.Errorf("%s: the draft's stamp moved to %d", id, st.Rev)
		}
	}
	storage.limit = 0
	if err := a.saver.Save(a.store, SavedCard{Fragment: "new card"}); err != nil || a.saver.Err() != nil || a.saver.Dirty() {
		t.Fatalf("with room again: %v", err)
	}
	if savedFragment(t, a.store, "new") != "new card" || savedFragment(t, a.store, "old") != "old card" ||
		savedFragment(t, a.store, "draft") != "draft card" {
		t.Error("with room again, a card is missing")
	}
}

func TestForgetRemovesTheStampsOfCardsNoLongerSaved(t *testing.T) {
	storage := newFakeStorage()
	a, _ := twoTabs(storage)
	a.saver.Follow(a.store, "gone")
	a.saver.Save(a.store, SavedCard{Fragment: "g"})
	a.saver.Follow(a.store, "kept")
	a.saver.Save(a.store, SavedCard{Fragment: "k"})
	a.store.Remove("gone")
	a.saver.Forget(a.store)
	if storage.Contains(stampPrefix+"gone") || !storage.Contains(stampPrefix+"kept") {
		t.Errorf("stamps %v", storage.items)
	}
}

// A tab's first card, new and without an ID, gets one at its first save,
// and keeps it.
func TestANewCardGetsItsIDAtItsFirstSave(t *testing.T) {
	storage := newFakeStorage()
	a, b := twoTabs(storage)
	a.saver.Edited()
	if err := a.saver.Save(a.store, SavedCard{Fragment: "f1"}); err != nil {
		t.Fatal(err)
	}
	d, _ := a.store.Load()
	if d.ID == "" || !storage.Contains(stampPrefix+d.ID) {
		t.Fatalf("the card was saved as %q without its stamp", d.ID)
	}
	a.saver.Save(a.store, SavedCard{Fragment: "f2"})
	if d2, _ := a.store.Load(); d2.ID != d.ID || len(a.store.Recent()) != 0 {
		t.Errorf("the second save is another card: %q, recent %v", d2.ID, a.store.Recent())
	}
	b.saver.Follow(b.store, d.ID)
	a.saver.Save(a.store, SavedCard{Fragment: "f3"})
	if !b.saver.Check(b.store) {
		t.Error("the other tab on that card was not told")
	}
}
