package ui

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// checkFragment fails unless the session's fragment is link.Encode of its
// card: the invariant every method keeps.
func checkFragment(t *testing.T, s *Session, when string) {
	t.Helper()
	want, err := link.Encode(s.card)
	if err != nil {
		t.Fatalf("%s: the card shown does not encode: %v", when, err)
	}
	if s.fragment != want {
		t.Fatalf("%s: fragment\n got %s\nwant %s", when, s.fragment, want)
	}
	if got := card.Evaluate(s.card); !reflect.DeepEqual(got, s.eval) {
		t.Fatalf("%s: the evaluation is not the card's", when)
	}
}

func openSession(t *testing.T, c *card.Card) *Session {
	t.Helper()
	s := &Session{}
	if err := s.Open(c); err != nil {
		t.Fatal(err)
	}
	checkFragment(t, s, "opened")
	return s
}

func setTitle(title string) Edit { return func(c *card.Card) { c.Title = title } }

func setFactor(i int, v string) Edit {
	return func(c *card.Card) { c.AIVSS.Factors[i] = decimal.Some(decimal.MustParse(v)) }
}

// deleteThreat removes threat i of layer l, copy-on-write.
func deleteThreat(l maestro.Layer, i int) Edit {
	return func(c *card.Card) {
		e := c.MAESTRO.Layer(l)
		e.Threats = append(e.Threats[:i:i], e.Threats[i+1:]...)
	}
}

func sealed(e Edit) []Edit { return []Edit{e} }

// A table of histories: edits (each sealed after it unless merged), then
// undos and redos, then the title the card must have and whether more
// undo or redo is possible.
func TestSessionUndoAndRedo(t *testing.T) {
	type op struct {
		edit  Edit
		seal  bool // seal the step after the edit
		undo  int  // then undo this many times …
		redo  int  // … and redo this many
		title string
		steps int // undo steps after the op
		redos int // redo steps after the op
	}
	tests := []struct {
		name string
		ops  []op
	}{
		{"one edit undone and redone", []op{
			{edit: setTitle("a"), seal: true, title: "a", steps: 1},
			{undo: 1, title: "", steps: 0, redos: 1},
			{redo: 1, title: "a", steps: 1},
		}},
		{"three edits, two undone, one redone", []op{
			{edit: setTitle("a"), seal: true, title: "a", steps: 1},
			{edit: setTitle("b"), seal: true, title: "b", steps: 2},
			{edit: setTitle("c"), seal: true, title: "c", steps: 3},
			{undo: 2, title: "a", steps: 1, redos: 2},
			{redo: 1, title: "b", steps: 2, redos: 1},
		}},
		{"a new edit after an undo forgets the redo", []op{
			{edit: setTitle("a"), seal: true, title: "a", steps: 1},
			{edit: setTitle("b"), seal: true, title: "b", steps: 2},
			{undo: 1, title: "a", steps: 1, redos: 1},
			{edit: setTitle("z"), seal: true, title: "z", steps: 2},
			{redo: 1, title: "z", steps: 2},
		}},
		{"undo and redo past the ends do nothing", []op{
			{edit: setTitle("a"), seal: true, title: "a", steps: 1},
			{undo: 3, title: "", redos: 1},
			{redo: 5, title: "a", steps: 1},
		}},
		{"keystrokes in one field are one step", []op{
			{edit: setTitle("T"), title: "T", steps: 1},
			{edit: setTitle("Ti"), title: "Ti", steps: 1},
			{edit: setTitle("Tic"), seal: true, title: "Tic", steps: 1},
			{edit: setTitle("Tick"), title: "Tick", steps: 2},
			{undo: 1, title: "Tic", steps: 1, redos: 1},
			{undo: 1, title: "", redos: 2},
		}},
		{"an edit of another part is a step of its own", []op{
			{edit: setTitle("T"), title: "T", steps: 1},
			{edit: setFactor(0, "1"), title: "T", steps: 2},
			{edit: setTitle("Ti"), title: "Ti", steps: 3},
			{undo: 1, title: "T", steps: 2, redos: 1},
		}},
		{"a refused edit is no step and does not end a burst", []op{
			{edit: setTitle("T"), title: "T", steps: 1},
			{edit: setTitle(strings.Repeat("n", card.MaxTitle+1)), title: "T", steps: 1},
			{edit: setTitle("Ti"), title: "Ti", steps: 1},
			{undo: 1, title: "", redos: 1},
		}},
		{"an edit that changes nothing is no step", []op{
			{edit: setTitle("a"), seal: true, title: "a", steps: 1},
			{edit: setTitle("a"), seal: true, title: "a", steps: 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openSession(t, card.NewCard())
			for i, o := range tt.ops {
				when := "op " + strconv.Itoa(i)
				if o.edit != nil {
					_ = s.Apply(o.edit) // refusals are part of the table
					if o.seal {
						s.Seal()
					}
				}
				for range o.undo {
					s.Undo()
				}
				for range o.redo {
					s.Redo()
				}
				checkFragment(t, s, when)
				if s.card.Title != o.title || len(s.undo) != o.steps || len(s.redo) != o.redos {
					t.Fatalf("%s: title %q, %d undo, %d redo; want %q, %d, %d", when, s.card.Title,
						len(s.undo), len(s.redo), o.title, o.steps, o.redos)
				}
				if s.CanUndo() != (o.steps > 0) || s.CanRedo() != (o.redos > 0) {
					t.Fatalf("%s: CanUndo %v, CanRedo %v", when, s.CanUndo(), s.CanRedo())
				}
			}
		})
	}
}

// 150 edits of different kinds are undone one by one back to the card
// opened, each undo showing the card before its edit, and redone to the
// last; beyond MaxUndo the oldest steps are forgotten.
func TestSessionUndoesMoreThanAHundredSteps(t *testing.T) {
	const n = 150
	start := cardtest.Hand()
	s := openSession(t, start)
	seen := []string{s.fragment}
	for i := range n {
		var e Edit
		switch i % 3 {
		case 0:
			e = setTitle("title " + strconv.Itoa(i))
		case 1: // the factor to the next of 0, 0.5, 1
			e = func(c *card.Card) {
				f := &c.AIVSS.Factors[i%10]
				next := decimal.MustParse("0")
				if v, ok := f.Get(); ok && v != decimal.MustParse("1") {
					next = v + decimal.MustParse("0.5")
				}
				*f = decimal.Some(next)
			}
		default:
			e = func(c *card.Card) { c.MAESTRO.Layer(maestro.DataOperations).Notes = "note " + strconv.Itoa(i) }
		}
		rev := s.rev
		if err := s.Apply(e); err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		s.Seal()
		if s.rev != rev+1 {
			t.Fatalf("edit %d changed nothing", i)
		}
		seen = append(seen, s.fragment)
	}
	if len(s.undo) != n {
		t.Fatalf("%d steps, want %d", len(s.undo), n)
	}
	for i := n - 1; i >= 0; i-- {
		if !s.Undo() {
			t.Fatalf("undo %d refused", n-i)
		}
		checkFragment(t, s, "undo")
		if s.fragment != seen[i] {
			t.Fatalf("after %d undos the card is not the one before edit %d", n-i, i)
		}
	}
	if s.Undo() || s.card != start {
		t.Fatal("undo went past the card opened")
	}
	for i := 1; i <= n; i++ {
		if !s.Redo() || s.fragment != seen[i] {
			t.Fatalf("redo %d does not show the card after edit %d", i, i-1)
		}
	}
	if s.Redo() {
		t.Fatal("redo beyond the last edit")
	}

	for i := range MaxUndo + 50 {
		if err := s.Apply(setTitle("again " + strconv.Itoa(i))); err != nil {
			t.Fatal(err)
		}
		s.Seal()
	}
	undone := 0
	for s.Undo() {
		undone++
	}
	if undone != MaxUndo || s.card.Title != "again 49" {
		t.Errorf("%d undone to %q; want %d to the title of edit 49", undone, s.card.Title, MaxUndo)
	}
}

// Deleting a threat, a finding, is undone exactly: the card and its link
// are the ones before, its findings and revisions move back.
func TestSessionUndoesDeletingAThreat(t *testing.T) {
	before := cardtest.HandWithFindings()
	s := openSession(t, before)
	fragment, findings := s.fragment, s.headline.Findings
	textRev := s.textRev
	if err := s.Apply(deleteThreat(maestro.FoundationModels, 0)); err != nil {
		t.Fatal(err)
	}
	if s.headline.Findings != findings-1 || len(s.card.MAESTRO.Layer(maestro.FoundationModels).Threats) != 1 {
		t.Fatalf("after the delete: %d findings", s.headline.Findings)
	}
	if s.textRev == textRev {
		t.Error("deleting a threat did not move the text revision")
	}
	// A threat typed into next is a step of its own, not part of the delete.
	if err := s.Apply(func(c *card.Card) {
		e := c.MAESTRO.Layer(maestro.FoundationModels)
		e.Threats = append(e.Threats[:0:0], e.Threats...)
		e.Threats[0].Description = "typed"
	}); err != nil {
		t.Fatal(err)
	}
	s.Undo()
	textRev = s.textRev
	if !s.Undo() {
		t.Fatal("no step to undo")
	}
	checkFragment(t, s, "undo")
	if s.fragment != fragment || !reflect.DeepEqual(s.card, before) || s.headline.Findings != findings {
		t.Errorf("the threat is not back as it was:\n got %s\nwant %s", s.fragment, fragment)
	}
	if s.textRev == textRev {
		t.Error("undo did not move the text revision (the MAESTRO editor would not redraw)")
	}
	s.Redo()
	if len(s.card.MAESTRO.Layer(maestro.FoundationModels).Threats) != 1 {
		t.Error("redo did not delete the threat again")
	}
}

// Undoing a change of the card's AIVSS inputs moves the score revision of
// a card with findings, which inherit them.
func TestSessionUndoMovesTheScoreRevisionOfFindings(t *testing.T) {
	s := openSession(t, cardtest.HandWithFindings())
	if err := s.Apply(setFactor(2, "0")); err != nil {
		t.Fatal(err)
	}
	rev := s.scoreRev
	s.Undo()
	if s.scoreRev == rev {
		t.Error("undo of a factor did not move scoreRev")
	}
}

func TestSessionRefusesABrokenCardAndKeepsItsOwn(t *testing.T) {
	s := openSession(t, cardtest.Hand())
	before, rev := s.card, s.rev
	err := s.Apply(func(c *card.Card) { c.Title = "bell\x07" })
	var refused *EditRefusedError
	if !errors.As(err, &refused) || refused.Field == nil || refused.Field.Loc.Path() != "title" {
		t.Fatalf("err %#v, want a refusal of the title", err)
	}
	if s.card != before || s.rev != rev || s.CanUndo() {
		t.Error("a refused edit changed the card or made a step")
	}
	checkFragment(t, s, "refused")
	s.Refuse(err)
	if err := s.Apply(setTitle("fine")); err != nil || s.refused != nil {
		t.Errorf("an accepted edit kept the refusal: %v, %v", err, s.refused)
	}
	var empty Session
	if err := empty.Apply(setTitle("x")); err == nil || empty.Undo() || empty.Redo() {
		t.Error("a session without a card took an edit or a step")
	}
}

// Opening a card starts a new history; a link keeps its own spelling until
// Canonical or the first edit.
func TestSessionOpenStartsANewHistory(t *testing.T) {
	s := openSession(t, cardtest.Hand())
	s.Apply(setTitle("a"))
	s.Undo()
	if !s.CanRedo() {
		t.Fatal("no redo")
	}
	c, err := link.Decode(halfFilledLink)
	if err != nil {
		t.Fatal(err)
	}
	spelled := strings.Replace(halfFilledLink, "thm=0.5", "thm=0.50", 1)
	s.OpenLink(c, spelled)
	if s.CanUndo() || s.CanRedo() || s.fragment != spelled {
		t.Fatalf("after OpenLink: undo %v, redo %v, fragment %s", s.CanUndo(), s.CanRedo(), s.fragment)
	}
	if !s.Canonical() || s.Canonical() {
		t.Error("Canonical did not change the fragment once")
	}
	checkFragment(t, s, "canonical")

	s.OpenLink(c, spelled)
	if err := s.Apply(setTitle("b")); err != nil {
		t.Fatal(err)
	}
	checkFragment(t, s, "edit of a link")
	s.Undo()
	if s.fragment != halfFilledLink {
		t.Errorf("undo gives %s, want the canonical link %s", s.fragment, halfFilledLink)
	}
	if err := s.Open(&card.Card{Title: strings.Repeat("n", card.MaxTitle+1)}); err == nil || s.card != c {
		t.Error("Open took a card that is not valid")
	}
}

func TestPartChanged(t *testing.T) {
	base := cardtest.Hand()
	with := func(e Edit) *card.Card { c := *base; e(&c); return &c }
	tests := []struct {
		name string
		edit Edit
		want string
	}{
		{"title", setTitle("x"), "title"},
		{"summary", func(c *card.Card) { c.Summary = "x" }, "summary"},
		{"a factor", setFactor(3, "1"), "aivss-factor-3"},
		{"the vector", func(c *card.Card) { c.AIVSS.CVSSVector = "" }, "aivss-cvss"},
		{"layer notes", func(c *card.Card) { c.MAESTRO.Layer(2).Notes = "x" }, "layer-2"},
		{"one threat", func(c *card.Card) {
			e := c.MAESTRO.Layer(1)
			e.Threats = append(e.Threats[:0:0], e.Threats...)
			e.Threats[1].Title = "x"
		}, "threat-1-1"},
		{"a cross-layer threat", func(c *card.Card) {
			c.MAESTRO.CrossLayer = append(c.MAESTRO.CrossLayer[:0:0], c.MAESTRO.CrossLayer...)
			c.MAESTRO.CrossLayer[0].Description = "x"
		}, "threat-0-0"},
		{"a deleted threat never merges", deleteThreat(1, 0), ""},
		{"two parts never merge", func(c *card.Card) { c.Title, c.Summary = "x", "y" }, ""},
		{"nothing", func(*card.Card) {}, ""},
	}
	for _, tt := range tests {
		if got := partChanged(base, with(tt.edit)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
