//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// cutLink is the example card's link cut inside its text, as a ticket that
// keeps only a link's first 500 characters leaves it.
var cutLink = gptImage2Link[:500]

// The scores of a link cut short open under a banner that says the text is
// lost and what was intact; nothing is saved, and the cut link stays in
// the address.
func TestACutLinkShowsItsScoreUnderABannerAndSavesNothing(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	draft, _ := p.drafts(ctx).Load()
	recent := p.drafts(ctx).Recent()

	navigate(t, ctx, p, "https://example.org/#"+cutLink)
	if p.failure != nil {
		t.Fatalf("the cut link failed: %v", p.failure)
	}
	v := render(t, p)
	if !v.has(cutBannerID) {
		t.Fatal("no banner")
	}
	if got, want := v.text(cutTitleID), "This link was cut short: its text is lost"; got != want {
		t.Errorf("banner heading %q, want %q", got, want)
	}
	if got := v.text(cutBannerID); !strings.Contains(got, "what arrived whole: the link's edition and factors.") {
		t.Errorf("the banner does not say what was intact: %q", got)
	}
	if got, want := v.text("score"), "incomplete: missing CVSS, ThM, MF"; got != want {
		t.Errorf("#score reads %q, want the cut card's %q", got, want)
	}
	if got, _ := v.attr("card-title", "value"); got != "" {
		t.Errorf("the title field holds %q", got)
	}
	if got := v.text(cutOpenDraftID); got != "Open my draft instead: Untitled card" {
		t.Errorf("#%s reads %q", cutOpenDraftID, got)
	}
	if got := ctx.Page().URL().Fragment; got != cutLink {
		t.Errorf("the address changed to #%s", got)
	}
	if after, _ := p.drafts(ctx).Load(); after != draft {
		t.Errorf("the draft changed:\n%+v\nwant %+v", after, draft)
	}
	if got := p.drafts(ctx).Recent(); len(got) != len(recent) {
		t.Errorf("the recent cards changed: %+v", got)
	}

	// The same address read again (a second event) changes nothing.
	navigate(t, ctx, p, "https://example.org/#"+cutLink)
	if p.cut == nil || p.failure != nil {
		t.Errorf("read again: cut %v, failure %v", p.cut, p.failure)
	}
	if after, _ := p.drafts(ctx).Load(); after != draft {
		t.Errorf("read again, the draft changed:\n%+v", after)
	}
}

// Editing the scores of a cut link makes them a card of their own: saved
// as the draft, the draft before among the recent cards, its own link in
// the address, and the banner still there, saying so.
func TestEditingACutLinkMakesItANewCard(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	old, _ := p.drafts(ctx).Load()
	navigate(t, ctx, p, "https://example.org/#"+cutLink)

	if err := p.edit(ctx, func(c *card.Card) { c.Title = "GPT Image 2, scores only" }); err != nil {
		t.Fatal(err)
	}
	d, ok := p.drafts(ctx).Load()
	if !ok || d.ID == old.ID || d.Title != "GPT Image 2, scores only" || d.Fragment != p.fragment {
		t.Errorf("draft %+v; want the edited card under a new ID", d)
	}
	if r := p.drafts(ctx).Recent(); len(r) != 1 || r[0].ID != old.ID {
		t.Errorf("recent %+v; want the draft before", r)
	}
	if got := ctx.Page().URL().Fragment; got != p.fragment {
		t.Errorf("address #%s, want the card's own link #%s", got, p.fragment)
	}
	v := render(t, p)
	if !v.has(cutBannerID) || !strings.Contains(v.text(cutBannerID), "You changed it, so it is saved in this browser as a new card") {
		t.Errorf("after the edit the banner reads %q", v.text(cutBannerID))
	}
	if v.has(cutOpenDraftID) {
		t.Error("the edited card, the draft now, offers the draft")
	}

	// Another card: the banner goes.
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	if render(t, p).has(cutBannerID) {
		t.Error("the banner stays over another card")
	}
}

// A link written another way than link.Encode writes it shows its card
// with the canonical link in the address and in the store, so that one
// card is listed once.
func TestANonCanonicalLinkBecomesTheCanonicalOne(t *testing.T) {
	spellings := []struct{ name, fragment string }{
		{"a number with more digits", strings.Replace(halfFilledLink, "thm=0.5", "thm=0.50", 1)},
		{"format 1, its parts in another order", strings.Replace(halfFilledLink, "v2&e=v0.8&c=7.1", "v1&c=7.1&e=v0.8", 1)},
		{"format 1", strings.Replace(halfFilledLink, "v2&", "v1&", 1)},
		{"an escaped character", strings.Replace(halfFilledLink, "e=v0.8", "e=v0%2E8", 1)},
	}
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/")
	for _, s := range spellings {
		t.Run(s.name, func(t *testing.T) {
			if s.fragment == halfFilledLink {
				t.Fatal("the spelling is the canonical link")
			}
			navigate(t, ctx, p, "https://example.org/#"+s.fragment)
			if p.failure != nil {
				t.Fatal(p.failure)
			}
			if got := ctx.Page().URL().EscapedFragment(); got != halfFilledLink {
				t.Errorf("address #%s, want #%s", got, halfFilledLink)
			}
			if d, _ := p.drafts(ctx).Load(); d.Fragment != halfFilledLink {
				t.Errorf("draft fragment %s", d.Fragment)
			}
			// Away and back: the card stays one entry.
			navigate(t, ctx, p, "https://example.org/#"+gptImage2Link)
		})
	}
	n := 0
	for _, r := range p.drafts(ctx).Recent() {
		if r.Fragment == halfFilledLink {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the card is listed %d times among the recent cards: %+v", n, p.drafts(ctx).Recent())
	}
}

// The error state names a link's part by its name, and lengths in
// characters.
func TestTheErrorStateSaysWhatIsWrongInWords(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a part of the link", &link.Error{Part: "f", Pos: -1, Msg: "External Tool Control Surface is 0.7; OWASP AIVSS v0.8 takes 0, 0.5 or 1"},
			"The link's factors part (f=) is not right: External Tool Control Surface is 0.7; OWASP AIVSS v0.8 takes 0, 0.5 or 1."},
		{"the version", &link.Error{Part: "version", Pos: 0, Msg: `a threatcard link starts with its version, v1; this one starts "hello"`},
			`A threatcard link starts with its version, v1; this one starts "hello".`},
		{"too long", &FragmentTooLongError{Length: 400000, Max: 393216},
			"This link is 400,000 characters long; threatcard opens links of up to 393,216 characters."},
		{"a caught panic stays as it is", &PanicError{During: "reading the link", Value: "boom"}, "internal error while reading the link: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := failureText(tt.err); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
