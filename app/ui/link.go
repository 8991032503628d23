package ui

import (
	"errors"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// MaxFragmentBytes caps the fragment the page reads: link.MaxFragment. The
// cap is checked before any decoding, so that an oversized link costs
// nothing.
const MaxFragmentBytes = link.MaxFragment

// fragmentOf returns the fragment of u as written in the address (still
// escaped: link.Decode reads escapes itself), checking its length first.
func fragmentOf(u *url.URL) (string, error) {
	if u == nil {
		return "", &UnreadableURLError{}
	}
	f := u.EscapedFragment()
	if n := len(f); n > MaxFragmentBytes {
		return "", &FragmentTooLongError{Length: n, Max: MaxFragmentBytes}
	}
	return f, nil
}

// How the page treats the links it reads.
//
// One card, one link. link.Decode reads other spellings of a card than
// the one link.Encode writes (parts in another order, escapes, "1.00").
// The page shows such a link's card with the fragment Encode writes: it
// replaces the address with that fragment (history.replaceState, at once
// for a link opened later, in the task after the first paint for the
// address the page opens with, where the first frame's work is done) and
// saves that fragment, so a card opened from two spellings is one entry
// of the recent cards.
//
// A link cut short. A long link pasted into a ticket or a chat may lose
// its end, which is its text (the scoring parts come first). Decode then
// returns a *link.TruncatedError holding the card of the intact scoring
// parts. The page shows that card's score under a banner saying the text
// was cut off and what was intact, keeps the cut link in the address, and
// saves nothing: the draft and the recent cards stay as they were, as
// for a link that cannot be opened at all. A person who edits it makes it
// a new card of their own: from the first edit it is saved as one (the
// draft moves to the recent cards, as when any card is opened), its own
// link replaces the cut one in the address, and the banner says that the
// text is still lost.

// showCut shows the scores of a link cut short (see above); fragment is
// the cut link as the address or the import box had it.
func (p *Page) showCut(ctx app.Context, te *link.TruncatedError, fragment string) {
	p.show(ctx, te.Card, "", false)
	if p.failure != nil {
		return
	}
	p.cut, p.cutLink = te, fragment
}

// adoptCut makes the scores of a cut link a card of the person's own on
// its first edit: a new card in the store (see above), saved at once, so
// that the draft it replaces is among the recent cards, which are drawn
// again (the banner's way back to that draft is gone by then).
func (p *Page) adoptCut(ctx app.Context) {
	if p.cut != nil && p.cutLink != "" {
		p.cutLink = ""
		p.setSession(ctx, newSession())
		p.autosave(ctx)
		p.opened++
	}
}

// canonical puts the fragment link.Encode writes for the card shown into
// p.fragment and, when it differs from what the address has, into the
// address, in place of the current entry.
func (p *Page) canonical(ctx app.Context) {
	if p.card == nil || p.failure != nil || p.cut != nil {
		return
	}
	p.Canonical()
	p.writeURL(ctx, false)
}

// openLink opens the card of a threatcard link given in the import box
// (a URL or a bare fragment), as the address would, with a new history
// entry as for any import: the card Encode writes for it, or the scores of
// a link cut short with the cut link in the address. It returns the card
// shown and whether the link was cut short. A link that cannot be read
// changes nothing; the error is for the import box.
func (p *Page) openLink(ctx app.Context, raw string) (*card.Card, bool, error) {
	c, err := link.Decode(raw)
	if te, ok := errors.AsType[*link.TruncatedError](err); ok {
		fragment := raw
		if i := strings.IndexByte(raw, '#'); i >= 0 {
			fragment = raw[i+1:]
		}
		p.showCut(ctx, te, fragment)
		if p.failure == nil {
			p.writeFragment(ctx, fragment, true)
		}
		return p.card, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	p.open(ctx, c)
	return p.card, false, nil
}

// linkProblem says what is wrong with a link that could not be opened, in
// a person's words: the part of the link by its name, then what is wrong.
func linkProblem(err error) string {
	le, ok := errors.AsType[*link.Error](err)
	if !ok {
		return sentence(err.Error())
	}
	switch le.Part {
	case "e", "c", "f", "thm", "mf", "s", "d":
		return "The link's " + link.PartName(le.Part) + " part (" + le.Part + "=) is not right: " + strings.TrimSuffix(le.Msg, ".") + "."
	}
	return sentence(le.Msg)
}

// sentence makes a message a sentence: a capital first letter (when it is
// an ASCII letter) and a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	s = capitalized(s)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// cutParts names the intact parts of a cut link: "edition, CVSS, factors,
// ThM and MF".
func cutParts(te *link.TruncatedError) string {
	names := make([]string, len(te.Intact))
	for i, p := range te.Intact {
		names[i] = link.PartName(p)
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// openCut is showCut for the card the page opens with (OnInit), before it
// has a context: nothing is saved either way.
func (p *Page) openCut(te *link.TruncatedError, fragment string) {
	if err := p.setCard(te.Card); err != nil {
		p.fail(err)
		return
	}
	p.cut, p.cutLink = te, fragment
}

// cutBanner is the banner above the scores of a cut link. Until the card
// is edited it offers the draft, which is untouched.
func (p *Page) cutBanner() app.UI {
	b := &CutBanner{Intact: cutParts(p.cut), Edited: p.cutLink == ""}
	if !b.Edited && p.store != nil {
		if d, ok := p.store.Load(); ok {
			b.Draft, b.OnOpenDraft = d.Entry(), p.reopenDraft
		}
	}
	return b
}
