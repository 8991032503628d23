package ui

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/carddiff"
	"github.com/threatcard/threatcard/scoring/link"
)

// The compare address. A comparison of two cards is the fragment
//
//	compare&a=A&b=B
//
// where A and B are the two cards' links, each what follows '#' in a
// card's address (v2&e=v0.8&…), with '%' written %25, '&' %26, '=' %3D
// and '#' %23, so that a card's own parts stay inside its value; every
// other character is as it is (a link's characters are all ones a
// fragment holds). A is the card before, B the card after: the delta is
// B − A. Read strictly: "compare" first, then a= and b=, each once, in
// that order, and nothing else; each value is percent-decoded (any
// escape) and read by link.Decode. What is wrong is said naming card A
// or card B. A link cut short is refused: a comparison needs whole cards.
//
// The page shows the comparison instead of its card (Page.compare), and
// the UI computes nothing of it: carddiff.Compare does.

// comparePrefix starts every compare fragment.
const comparePrefix = "compare"

// The ids of the compare view's elements; end-to-end tests rely on them.
const (
	compareID            = "compare"
	compareDeltaID       = "compare-delta"
	compareChangesID     = "compare-changes"
	compareCopyID        = "compare-copy-markdown"
	compareStatusID      = "compare-status"
	compareFallbackID    = "compare-fallback-text"
	compareOpenAID       = "compare-open-a"
	compareOpenBID       = "compare-open-b"
	compareSwapID        = "compare-swap"
	compareErrorID       = "compare-error"
	compareWithID        = "compare-with"
	compareWithToggleID  = "compare-with-toggle"
	compareWithInputID   = "compare-with-link"
	compareWithSubmitID  = "compare-with-submit"
	compareWithMessageID = "compare-with-message"
)

// CompareFragment is the compare fragment of the card links a and b
// (each a fragment without '#').
func CompareFragment(a, b string) string {
	return comparePrefix + "&a=" + escapeCompare(a) + "&b=" + escapeCompare(b)
}

// escapeCompare escapes the characters of a card link that would end its
// value in a compare fragment.
var compareEscaper = strings.NewReplacer("%", "%25", "&", "%26", "=", "%3D", "#", "%23")

func escapeCompare(s string) string { return compareEscaper.Replace(s) }

// isCompareFragment reports whether an address's fragment is a
// comparison (well formed or not).
func isCompareFragment(f string) bool {
	return f == comparePrefix || strings.HasPrefix(f, comparePrefix+"&")
}

// CompareError says what is wrong with a compare fragment.
type CompareError struct {
	Card string // "A" or "B"; "" for the address as a whole
	Msg  string // a sentence
	Err  error  // the decoder's error, if any
}

func (e *CompareError) Error() string {
	if e.Card == "" {
		return e.Msg
	}
	return "Card " + e.Card + ": " + e.Msg
}

func (e *CompareError) Unwrap() error { return e.Err }

// ParseCompare reads a compare fragment: the links of cards A and B, as
// given (percent-decoded), or a *CompareError.
func ParseCompare(fragment string) (a, b string, err error) {
	form := "A comparison's address is #compare&a=…&b=…, each part the whole link of a card"
	parts := strings.Split(fragment, "&")
	if len(parts) == 0 || parts[0] != comparePrefix {
		return "", "", &CompareError{Msg: form + "."}
	}
	vals := [2]string{}
	for i, name := range []string{"a", "b"} {
		card := strings.ToUpper(name)
		if len(parts) < i+2 {
			return "", "", &CompareError{Card: card, Msg: "the address has no link of card " + card + " (" + name + "=). " + form + "."}
		}
		v, ok := strings.CutPrefix(parts[i+1], name+"=")
		if !ok {
			return "", "", &CompareError{Card: card, Msg: "the address has " + quoteClip(parts[i+1]) + " where card " + card +
				"'s link (" + name + "=) belongs. " + form + "."}
		}
		dec, err := url.PathUnescape(v)
		if err != nil {
			return "", "", &CompareError{Card: card, Msg: "its link (" + name + "=) has a broken percent escape: " + err.Error() + ".", Err: err}
		}
		if dec == "" {
			return "", "", &CompareError{Card: card, Msg: "its link (" + name + "=) is empty."}
		}
		vals[i] = dec
	}
	if len(parts) > 3 {
		return "", "", &CompareError{Msg: "The address has " + quoteClip(parts[3]) + " after card B's link; " +
			"a card's own '&' and '=' must be written %26 and %3D. " + form + "."}
	}
	return vals[0], vals[1], nil
}

// quoteClip quotes s, shortened when long.
func quoteClip(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

// comparison is a compare address as the page shows it.
type comparison struct {
	fragment     string        // the address's fragment
	diff         carddiff.Diff // valid when err is nil
	linkA, linkB string        // the cards' links as link.Encode writes them
	err          error         // a *CompareError
}

// openComparison reads a compare fragment.
func openComparison(fragment string) *comparison {
	cmp := &comparison{fragment: fragment}
	la, lb, err := ParseCompare(fragment)
	if err != nil {
		cmp.err = err
		return cmp
	}
	decode := func(name, l string) (string, *card.Card, error) {
		c, err := link.Decode(l)
		if te, ok := errors.AsType[*link.TruncatedError](err); ok {
			return "", nil, &CompareError{Card: name, Msg: "its link was cut short: only " + cutParts(te) +
				" arrived whole, and a comparison needs the whole card. Copy the whole link again.", Err: err}
		}
		if err != nil {
			return "", nil, &CompareError{Card: name, Msg: linkProblem(err), Err: err}
		}
		f, err := link.Encode(c)
		if err != nil {
			return "", nil, &CompareError{Card: name, Msg: sentence(err.Error()), Err: err}
		}
		return f, c, nil
	}
	fa, ca, err := decode("A", la)
	if err != nil {
		cmp.err = err
		return cmp
	}
	fb, cb, err := decode("B", lb)
	if err != nil {
		cmp.err = err
		return cmp
	}
	cmp.linkA, cmp.linkB = fa, fb
	cmp.diff = carddiff.Compare(ca, cb)
	return cmp
}

// routeCompare sends a compare fragment to the compare view: it reports
// whether fragment is one, which the page then shows instead of its card.
// Any other fragment ends a comparison shown.
func (p *Page) routeCompare(fragment string) bool {
	if !isCompareFragment(fragment) {
		p.compare = nil
		return false
	}
	if p.compare == nil || p.compare.fragment != fragment {
		p.compare = openComparison(fragment)
	}
	return true
}

// compareTitle names the tab after the comparison shown.
func (p *Page) compareTitle(ctx app.Context) {
	t := "Comparison · threatcard"
	if p.compare.err == nil {
		d := &p.compare.diff
		t = "Comparison: AIVSS " + sideScore(&d.A) + " → " + sideScore(&d.B) + " · threatcard"
	}
	if t == p.title {
		return
	}
	p.title = t
	if app.IsClient {
		app.Window().Get("document").Set("title", t)
	} else {
		ctx.Page().SetTitle("%s", t)
	}
}

// sideScore is a side's score, or "not scored".
func sideScore(s *carddiff.Side) string {
	if s.Score == "" {
		return "not scored"
	}
	return s.Score
}

// compareView is what the page shows for a comparison.
func (p *Page) compareView() app.UI {
	c := p.compare
	return &CompareView{Fragment: c.fragment, Diff: c.diff, LinkA: c.linkA, LinkB: c.linkB, Problem: errText(c.err),
		Guard: p.handler, OnLeave: p.leaveCompare}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// leaveCompare goes from a comparison that cannot be shown to the draft.
func (p *Page) leaveCompare(ctx app.Context, e app.Event) {
	defer p.catch("leaving the comparison")
	p.compare = nil
	p.openDraft(ctx)
}

// compareAgainst shows the comparison of the card other (a link, or a
// URL with one) as A with the card shown as B, with a new history entry.
func (p *Page) compareAgainst(ctx app.Context, other string) error {
	if i := strings.IndexByte(other, '#'); i >= 0 {
		other = other[i+1:]
	}
	other = strings.TrimSpace(other)
	if other == "" {
		return errors.New("Paste the link of a card first.")
	}
	c, err := link.Decode(other)
	if te, ok := errors.AsType[*link.TruncatedError](err); ok {
		return errors.New("This link was cut short: only " + cutParts(te) + " arrived whole, and a comparison needs the whole card. Copy the whole link again.")
	}
	if err != nil {
		return errors.New(linkProblem(err))
	}
	if p.card == nil {
		return errors.New("There is no card shown to compare with.")
	}
	fa, err := link.Encode(c)
	if err != nil {
		return errors.New(sentence(err.Error()))
	}
	fragment := CompareFragment(fa, p.fragment)
	p.saveOpened(ctx) // the card shown is kept before the page leaves it
	p.flush(ctx)
	p.writeFragment(ctx, fragment, true)
	p.routeCompare(fragment)
	p.compareTitle(ctx)
	return nil
}

// compareWith is the "Compare with…" control of the card shown.
func (p *Page) compareWith() app.UI {
	return &CompareWith{Page: p, Fragment: p.fragment}
}
