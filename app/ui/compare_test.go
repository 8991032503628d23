//go:build !wasm

package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
)

func compareLink(t *testing.T, c *card.Card) string {
	t.Helper()
	l, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// handMF is cardtest.Hand with MF 0.83: 9.60555 × 0.83 = 7.9726065 → 8.0
// High, where Hand is 9.6 Critical.
func handMF() *card.Card {
	c := cardtest.Hand()
	c.AIVSS.MF = decimal.Some(decimal.MustParse("0.83"))
	return c
}

func TestCompareFragmentKeepsEachLinkWhole(t *testing.T) {
	a := "v2&e=v0.8&c=9.3&s=1.1;F%C3%9C;;;;;&d=x"
	b := "v2&e=v0.5"
	f := CompareFragment(a, b)
	if want := "compare&a=v2%26e%3Dv0.8%26c%3D9.3%26s%3D1.1;F%25C3%259C;;;;;%26d%3Dx&b=v2%26e%3Dv0.5"; f != want {
		t.Errorf("CompareFragment = %q, want %q", f, want)
	}
	ga, gb, err := ParseCompare(f)
	if err != nil || ga != a || gb != b {
		t.Errorf("ParseCompare = %q, %q, %v", ga, gb, err)
	}
}

func TestParseCompareSaysWhatIsWrongNamingTheCard(t *testing.T) {
	tests := []struct {
		fragment, card, msg string
	}{
		{"compare", "A", "the address has no link of card A (a=)"},
		{"compare&a=v2%26e%3Dv0.8", "B", "the address has no link of card B (b=)"},
		{"compare&b=v2&a=v2", "A", `the address has "b=v2" where card A's link (a=) belongs`},
		{"compare&a=&b=v2", "A", "its link (a=) is empty"},
		{"compare&a=v2&b=v2%zz", "B", "its link (b=) has a broken percent escape"},
		{"compare&a=v2&e=v0.8&b=v2", "B", `the address has "e=v0.8" where card B's link (b=) belongs`},
		{"compare&a=v2&b=v2&e=v0.8", "", `The address has "e=v0.8" after card B's link`},
	}
	for _, tt := range tests {
		_, _, err := ParseCompare(tt.fragment)
		ce, ok := errors.AsType[*CompareError](err)
		if !ok || ce.Card != tt.card || !strings.Contains(ce.Msg, tt.msg) {
			t.Errorf("%q: %v (card %q), want card %q and %q", tt.fragment, err, ce.Card, tt.card, tt.msg)
		}
	}
	// A link that does not decode: the decoder's problem, naming card B.
	cmp := openComparison(CompareFragment(compareLink(t, cardtest.Hand()), "v2&e=v0.9"))
	if cmp.err == nil || !strings.HasPrefix(cmp.err.Error(), "Card B: The link's edition part (e=) is not right") {
		t.Errorf("a bad link B: %v", cmp.err)
	}
}

// The page sends a compare address to the compare view: both cards'
// scores, the delta and the changes in words, and links to open each.
func TestPageShowsTheComparisonOfACompareAddress(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	la, lb := compareLink(t, cardtest.Hand()), compareLink(t, handMF())
	navigate(t, ctx, p, "https://example.org/#"+CompareFragment(la, lb))
	v := render(t, p)
	if got := v.text("compare-a-score"); got != "AIVSS 9.6 Critical" {
		t.Errorf("A's score %q", got)
	}
	if got := v.text("compare-b-score"); got != "AIVSS 8.0 High" {
		t.Errorf("B's score %q", got)
	}
	if got := v.text(compareDeltaID); got != "Change in AIVSS score (B − A): −1.6 (B is lower)" {
		t.Errorf("delta %q", got)
	}
	for _, want := range []string{
		"Changed: MF: None (1) → Partial (0.83)",
		"Changed, computed: AIVSS score: 9.6 Critical → 8.0 High",
		"Changed, computed: AIVSS severity: Critical → High",
	} {
		if got := v.text(compareChangesID); !strings.Contains(got, want) {
			t.Errorf("changes %q lack %q", got, want)
		}
	}
	if href, _ := v.attr(compareOpenAID, "href"); href != "#"+la {
		t.Errorf("open A %q", href)
	}
	if href, _ := v.attr(compareOpenBID, "href"); href != "#"+lb {
		t.Errorf("open B %q", href)
	}
	if href, _ := v.attr(compareSwapID, "href"); href != "#"+CompareFragment(lb, la) {
		t.Errorf("swap %q", href)
	}
	if v.has("score-value") {
		t.Error("the calculator is drawn beside the comparison")
	}
	// Opening card B leaves the comparison for the card.
	navigate(t, ctx, p, "https://example.org/#"+lb)
	v = render(t, p)
	if p.compare != nil || v.has(compareID) || v.text("score-value") != "8.0" {
		t.Errorf("card B not shown after the comparison")
	}
}

func TestPageShowsWhyAComparisonCannotBeOpened(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#compare&a="+escapeCompare(compareLink(t, cardtest.Hand())))
	v := render(t, p)
	if got := v.text(compareErrorID); !strings.HasPrefix(got, "Card B: the address has no link of card B (b=).") {
		t.Errorf("error %q", got)
	}
}

// Natively there is no clipboard: the Markdown is offered in a field,
// as carddiff writes it.
func TestCompareViewOffersItsMarkdown(t *testing.T) {
	ctx := testContext(t)
	cmp := openComparison(CompareFragment(compareLink(t, cardtest.Hand()), compareLink(t, handMF())))
	cv := &CompareView{Fragment: cmp.fragment, Diff: cmp.diff, LinkA: cmp.linkA, LinkB: cmp.linkB}
	cv.copyMarkdown(ctx, app.Event{})
	v := render(t, cv)
	md := v.text(compareFallbackID)
	for _, want := range []string{
		"- **A:** **Ticket triage bot** — AIVSS 9.6 Critical (OWASP AIVSS v0.8)",
		"- **Delta (B − A):** -1.6",
		"| — | MF | None (1) | Partial (0.83) | changed |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if !strings.HasPrefix(v.text(compareStatusID), "Not copied: ") {
		t.Errorf("status %q", v.text(compareStatusID))
	}
}

// Compare with…: a pasted link is card A, the card shown card B.
func TestCompareWithAPastedLink(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	lb := compareLink(t, handMF())
	navigate(t, ctx, p, "https://example.org/#"+lb)
	la := compareLink(t, cardtest.Hand())
	if err := p.compareAgainst(ctx, "  https://elsewhere.example/app/#"+la+" "); err != nil {
		t.Fatal(err)
	}
	if got := ctx.Page().URL().EscapedFragment(); got != CompareFragment(la, lb) {
		t.Errorf("address #%s", got)
	}
	if v := render(t, p); v.text("compare-a-score") != "AIVSS 9.6 Critical" || v.text("compare-b-score") != "AIVSS 8.0 High" {
		t.Error("the comparison is not shown")
	}
	if err := p.compareAgainst(ctx, "v2&e=v0.9"); err == nil || !strings.Contains(err.Error(), "edition part (e=)") {
		t.Errorf("a bad link: %v", err)
	}
}
