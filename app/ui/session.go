package ui

import (
	"reflect"
	"strconv"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// MaxUndo is how many steps a tab can undo. Older steps are forgotten.
const MaxUndo = 200

// Session is the card a tab shows and everything that follows from it: its
// evaluation, the summary of its findings, its link fragment, the revision
// counters the page's parts redraw on, the last edit a panel asked for that
// was refused, and the undo and redo history. It knows nothing of the
// browser: the page (go-app) wires it to the address, the draft store and
// the buttons, and the tests drive it natively.
//
// The card and its fragment change together in one method, set, and only
// there: every way of changing the card (Open, OpenLink, Apply, Undo,
// Redo) ends in it. The fragment is link.Encode of the card, with one
// exception that Canonical ends: a card just read from a link (OpenLink)
// keeps that link, which decodes to it, until Canonical (or the first
// edit) encodes it. Encoding is the costliest step of opening a link, and
// the first frame of a page opened from a ticket does without it.
//
// History. Each accepted edit is one step that Undo takes back and Redo
// does again, up to MaxUndo steps; a new edit after an undo forgets what
// could be redone. A refused edit, and an edit that leaves the card as it
// was, is no step. A burst of edits of one part of the card (a title typed
// key by key, a slider dragged, one threat's text) is one step: an edit
// merges into the step before it when both changed the same one part
// (partChanged) and nothing sealed that step in between. The page seals
// the step when the focus leaves an element, so typing in the title, then
// in the summary, then in the title again is three steps. Undo, Redo and
// opening a card seal it too. Opening another card (a link, an import, a
// recent card, a new card) starts a new, empty history: the card before
// is not lost, it stays among the recent cards and one Back away.
type Session struct {
	card     *card.Card       // the card shown; nil until a card is opened
	eval     card.Evaluation  // card.Evaluate(card)
	headline findingsHeadline // headlineOf(card)
	fragment string           // link.Encode(card); see canon
	canon    bool             // fragment is link.Encode(card), not the link the card was read from

	rev      int // +1 on every change of the card shown
	textRev  int // +1 when the card's text changes (title, summary, MAESTRO model)
	scoreRev int // +1 when the AIVSS inputs of a card with findings change, which the findings inherit

	refused error // the last edit a panel asked for that was refused, until the next accepted one

	undo, redo []*card.Card // the cards before each step, and after each step undone; newest last
	burst      string       // the part of the card the newest step changed while later edits of it merge; "" sealed
}

// set is the one place the card and its fragment change (see Session).
// fragment is link.Encode(c), or with canon false a link that decodes to c.
func (s *Session) set(c *card.Card, fragment string, canon bool) {
	if c != s.card {
		s.rev++
	}
	s.card, s.fragment, s.canon = c, fragment, canon
	s.eval = card.Evaluate(c)
	s.headline = headlineOf(c)
}

// Open shows c with an empty history. It fails, changing nothing, for a
// card that is not valid or does not fit in a link.
func (s *Session) Open(c *card.Card) error {
	f, err := link.Encode(c)
	if err != nil {
		return err
	}
	s.set(c, f, true)
	s.opened()
	return nil
}

// OpenLink shows c, read from the link fragment, with an empty history.
// The fragment stays the link until Canonical.
func (s *Session) OpenLink(c *card.Card, fragment string) {
	s.set(c, fragment, false)
	s.opened()
}

func (s *Session) opened() {
	s.textRev++
	s.refused = nil
	s.undo, s.redo, s.burst = nil, nil, ""
}

// Canonical makes the fragment link.Encode of the card, and reports
// whether it changed.
func (s *Session) Canonical() bool {
	if s.card == nil || s.canon {
		return false
	}
	f, err := link.Encode(s.card)
	if err != nil {
		return false // not expected: the card came from Decode, which validates it
	}
	changed := f != s.fragment
	s.set(s.card, f, true)
	return changed
}

// Apply applies e to a copy of the card and keeps the copy if it is a
// valid card that fits in a link, as one step of the history (or part of
// the step before; see Session). Otherwise it returns an
// *EditRefusedError and nothing changes.
func (s *Session) Apply(e Edit) error {
	if s.card == nil {
		return &EditRefusedError{Msg: "no card is shown; open a card first"}
	}
	s.Canonical()
	prev := s.card
	next := *prev
	e(&next)
	f, err := link.Encode(&next) // validates the card first
	if err != nil {
		return refusal(err)
	}
	s.refused = nil
	if f == s.fragment {
		return nil // the same card: no step
	}
	part := partChanged(prev, &next)
	if part == "" || part != s.burst || len(s.undo) == 0 {
		s.undo = append(s.undo, prev)
		if len(s.undo) > MaxUndo {
			s.undo = append(s.undo[:0:0], s.undo[len(s.undo)-MaxUndo:]...)
		}
	}
	s.burst = part
	s.redo = nil
	s.move(&next, f)
	return nil
}

// move makes next, whose link is f, the card shown, and moves the revision
// counters of what changed.
func (s *Session) move(next *card.Card, f string) {
	prev := s.card
	textChanged := textDiffers(prev, next)
	hadFindings := s.headline.Findings > 0
	s.set(next, f, true)
	if textChanged {
		s.textRev++
	}
	if next.AIVSS != prev.AIVSS && (hadFindings || s.headline.Findings > 0) {
		s.scoreRev++
	}
}

// Refuse records err, an edit a panel asked for that was refused, until
// the next accepted edit or card.
func (s *Session) Refuse(err error) { s.refused = err }

// Seal ends the newest step: the next edit is a step of its own.
func (s *Session) Seal() { s.burst = "" }

// CanUndo reports whether there is a step to undo.
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }

// CanRedo reports whether there is an undone step to do again.
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

// Undo takes back the newest step; it reports whether there was one.
func (s *Session) Undo() bool {
	return s.travel(&s.undo, &s.redo)
}

// Redo does the newest undone step again; it reports whether there was
// one.
func (s *Session) Redo() bool {
	return s.travel(&s.redo, &s.undo)
}

// travel shows the newest card of from, keeping the card shown in to.
func (s *Session) travel(from, to *[]*card.Card) bool {
	if s.card == nil || len(*from) == 0 {
		return false
	}
	next := (*from)[len(*from)-1]
	f, err := link.Encode(next)
	if err != nil {
		return false // not expected: every card of the history was encoded once
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, s.card)
	s.burst, s.refused = "", nil
	s.move(next, f)
	return true
}

// partChanged names the one part of the card that differs between a and
// b: "title", "summary", an AIVSS input ("aivss-factor-3"), a layer's
// status and notes ("layer-2"), or one threat of a layer (0 for the
// cross-layer threats) whose number of threats did not change
// ("threat-2-0"). It returns "" when several parts differ or threats were
// added or removed: such an edit is always a step of its own.
func partChanged(a, b *card.Card) string {
	var parts []string
	if a.Title != b.Title {
		parts = append(parts, "title")
	}
	if a.Summary != b.Summary {
		parts = append(parts, "summary")
	}
	if x, y := a.AIVSS, b.AIVSS; x != y {
		if x.Edition != y.Edition {
			parts = append(parts, "aivss-edition")
		}
		if x.CVSSVector != y.CVSSVector || x.CVSSScore != y.CVSSScore {
			parts = append(parts, "aivss-cvss")
		}
		for i := range x.Factors {
			if x.Factors[i] != y.Factors[i] {
				parts = append(parts, "aivss-factor-"+strconv.Itoa(i))
			}
		}
		if x.ThM != y.ThM {
			parts = append(parts, "aivss-thm")
		}
		if x.MF != y.MF {
			parts = append(parts, "aivss-mf")
		}
		if len(parts) == 0 {
			parts = append(parts, "aivss")
		}
	}
	ma, mb := &a.MAESTRO, &b.MAESTRO
	threats := func(layer int, ta, tb []maestro.Threat) {
		if len(ta) != len(tb) {
			parts = append(parts, "", "") // added or removed: never merges
			return
		}
		if len(ta) == 0 || &ta[0] == &tb[0] {
			return
		}
		for i := range ta {
			if !reflect.DeepEqual(ta[i], tb[i]) {
				parts = append(parts, "threat-"+strconv.Itoa(layer)+"-"+strconv.Itoa(i))
			}
		}
	}
	for i := range ma.Layers {
		la, lb := &ma.Layers[i], &mb.Layers[i]
		if la.Status != lb.Status || la.Notes != lb.Notes {
			parts = append(parts, "layer-"+strconv.Itoa(i+1))
		}
		threats(i+1, la.Threats, lb.Threats)
	}
	threats(0, ma.CrossLayer, mb.CrossLayer)
	if len(parts) != 1 {
		return ""
	}
	return parts[0]
}

// cardSession is Session under a name of the package's own, so that the
// Page can embed it as an unexported field.
type cardSession = Session
