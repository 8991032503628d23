//go:build e2e

package e2e

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp/kb"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
)

// selectField focuses the text field with the given id and selects its
// text, so that the next key typed replaces it, as a person does with a
// double click.
func selectField(t *testing.T, tb *tab, id string) {
	t.Helper()
	eval[bool](t, tb, fmt.Sprintf(`(() => { const el = document.getElementById(%s); el.focus(); el.select(); return true; })()`, js(id)))
}

// Typing 11 after 9.3 passes through 1, a score the card takes (1.0),
// then 11, which it does not: the card goes back to 9.3, in the address
// and the draft, the result shows no score and names the field, and the
// field says what the card keeps.
func TestElevenAfterNinePointThreeKeepsNinePointThree(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitEq(t, tb, "#score of the new card", scoreText, newCardScore)
	click(t, tb, `label[for="cvss-mode-score"]`)
	typeInto(t, tb, "#cvss-score", "9.3")
	press(t, tb, kb.Tab) // leaves the field: the change event
	const kept = "v2&e=v0.8&c=9.3&thm=0.97&mf=1"
	waitEq(t, tb, "the address with 9.3", fragmentNow, kept)

	selectField(t, tb, "cvss-score")
	press(t, tb, "1")
	waitEq(t, tb, "the address with 1, a score", fragmentNow, "v2&e=v0.8&c=1.0&thm=0.97&mf=1")
	press(t, tb, "1")
	const why = "the CVSS score is 11.0; a CVSS v4.0 score is 0.0 to 10.0 with one decimal"
	waitEq(t, tb, "#score", scoreText, "not scored: "+why+"; the card keeps 9.3")
	if got := eval[string](t, tb, fragmentNow); got != kept {
		t.Errorf("the address is #%s, want #%s", got, kept)
	}
	waitEq(t, tb, "the draft's link", `JSON.parse(localStorage.getItem("threatcard.draft")).fragment`, kept)
	if got := eval[string](t, tb, textOf("cvss-score-error")); got != "Not accepted: "+why+". The card keeps 9.3." {
		t.Errorf("the field says %q", got)
	}
	if got := eval[string](t, tb, valueOf("cvss-score")); got != "11" {
		t.Errorf("the field holds %q, want what was typed", got)
	}
	if got := eval[string](t, tb, `document.getElementById("cvss-score").getAttribute("aria-invalid") ?? ""`); got != "true" {
		t.Errorf("aria-invalid %q", got)
	}
	if got := eval[string](t, tb, `document.getElementById("formula-title").textContent`); got != "Formula" {
		t.Errorf("the formula is worked out (%q) while the result shows no score", got)
	}
}

// A decimal comma in a card-edition factor is the number it means: 0,5 is
// 0.5 in the card and its link, and the field shows 0.50 once left. The
// card is opened from a format 1 link, as shared before findings; the
// address then holds the format 2 link threatcard writes.
func TestADecimalCommaInACardEditionFactor(t *testing.T) {
	const before = "v1&e=card&c=7.5&f=0.6,0.5,0,0.7,0.4,0.5,0.2,0.1,0.6,0.5&thm=1&mf=0.85"
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+before)
	// Factor_Sum 4.1, AARS (10 − 7.5) × 0.41 × 1 = 1.025, AIVSS
	// (7.5 + 1.025) × 0.85 = 7.24625, shown 7.2 High.
	waitEq(t, tb, "#score", scoreText, "AIVSS 7.2 High")
	selectField(t, tb, "factor-autonomy_of_action")
	typeInto(t, tb, "#factor-autonomy_of_action", "0,5")
	press(t, tb, kb.Tab)
	const after = "v2&e=card&c=7.5&f=0.5,0.5,0,0.7,0.4,0.5,0.2,0.1,0.6,0.5&thm=1&mf=0.85"
	waitEq(t, tb, "the address", fragmentNow, after)
	waitEq(t, tb, "the field once left", valueOf("factor-autonomy_of_action"), "0.50")
	if got := eval[string](t, tb, valueOf("factor-autonomy_of_action-range")); got != "50" {
		t.Errorf("the slider is at %q, want 50", got)
	}
	// Factor_Sum 4.0, AARS 1.0, AIVSS (7.5 + 1.0) × 0.85 = 7.225, shown 7.2.
	waitEq(t, tb, "#score", scoreText, "AIVSS 7.2 High")
}

// Switching the edition says what carried over, in a note the person sees
// beside the edition: from v0.8 to the card edition, nine of the golden
// card's ten factors carry over (Natural Language Interface has no
// counterpart), and ThM 0.97 and MF 1 are values the card edition takes.
func TestSwitchingTheEditionShowsWhatCarriedOver(t *testing.T) {
	const v08 = "v1&e=v0.8&c=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H&f=1,1,1,1,1,1,0.5,1,1,0.5&thm=0.97&mf=1"
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+v08)
	waitForEditor(t, tb)
	eval[bool](t, tb, `(() => { const s = document.getElementById("edition"); s.value = "card"; s.dispatchEvent(new Event("change", { bubbles: true })); return true; })()`)
	waitUntil(t, tb, "the note about the switch", textOf("edition-note")+`.startsWith("Switched from OWASP AIVSS v0.8 to AgentReady threat-model cards.")`)
	note := eval[string](t, tb, textOf("edition-note"))
	for _, part := range []string{"has no counterpart of Natural Language Interface", "To set: Goal-Driven Planning", "ThM kept as 0.97", "MF kept as 1.00"} {
		if !strings.Contains(note, part) {
			t.Errorf("the note does not say %q: %s", part, note)
		}
	}
	if !eval[bool](t, tb, `(() => { const r = document.getElementById("edition-note").getBoundingClientRect();
  const st = getComputedStyle(document.getElementById("edition-note"));
  return r.height > 0 && r.width > 0 && st.visibility === "visible" && st.display !== "none"; })()`) {
		t.Error("the note is not visible")
	}
	if got := eval[string](t, tb, textOf("factors-hint")); !strings.HasSuffix(got, "9 of 10 set.") {
		t.Errorf("factors hint %q", got)
	}
	if got := eval[string](t, tb, valueOf("mf")); got != "1.00" {
		t.Errorf("MF field %q, want 1.00", got)
	}
	waitEq(t, tb, "#score", scoreText, "incomplete: missing Goal-Driven Planning")
}

// longDecimals finds a number written with more than six decimals.
var longDecimals = regexp.MustCompile(`\d\.\d{7,}`)

// complete fills in the inputs c leaves unset, with values its edition
// takes drawn from r, so that the card has a score and the result shows
// all its numbers. Where the edition's ThM is Exploit Maturity and the
// vector has E, ThM is left to the vector.
func complete(c *card.Card, r *rand.Rand) {
	in := &c.AIVSS
	ed, _ := aivss.Lookup(in.Edition)
	pick := func(s *aivss.Scale) decimal.Decimal {
		if s.Choices != nil {
			return s.Choices[r.IntN(len(s.Choices))].Value
		}
		lo, hi := s.Min.Hundredths(), s.Max.Hundredths()
		return decimal.FromHundredths(lo + r.Int64N(hi-lo+1))
	}
	if in.CVSSVector == "" && !in.CVSSScore.Set {
		in.CVSSScore = decimal.Some(decimal.FromHundredths(10 * r.Int64N(101)))
	}
	for i := range in.Factors {
		if !in.Factors[i].Set {
			in.Factors[i] = decimal.Some(pick(&ed.Levels))
		}
	}
	exploit := false
	if v, err := cvss4.Parse(in.CVSSVector); err == nil {
		_, exploit = ed.ThMOfExploitMaturity(v.ExploitMaturity())
	}
	switch {
	case exploit:
		in.ThM = decimal.Optional{}
	case !in.ThM.Set:
		in.ThM = decimal.Some(pick(&ed.ThM))
	}
	if ed.HasMF && !in.MF.Set {
		in.MF = decimal.Some(pick(&ed.MF))
	}
}

// No number on the page has more than six decimals, whatever the card:
// random cards of every edition (scoring/card/cardtest, a fixed seed),
// most of them completed so that the result shows its formula and
// shares, each opened from its link in turn. (The card edition computes
// in float64: 0.25 × 0.7 is 0.17500000000000002.)
func TestNoNumberOnThePageHasMoreThanSixDecimals(t *testing.T) {
	const perEdition = 10
	r := rand.New(rand.NewPCG(10, 2026))
	count := map[string]int{}
	var links []string
	for len(links) < perEdition*len(aivss.Editions()) {
		c := cardtest.Random(r)
		if count[c.AIVSS.Edition] == perEdition {
			continue
		}
		count[c.AIVSS.Edition]++
		if count[c.AIVSS.Edition] > 2 {
			complete(c, r)
		}
		// The title tells the page that shows it from the one before.
		c.Title = fmt.Sprintf("random card %d %s", len(links), c.Title)
		for utf8.RuneCountInString(c.Title) > card.MaxTitle {
			c.Title = string([]rune(c.Title)[:card.MaxTitle])
		}
		fragment, err := link.Encode(c)
		if err != nil {
			t.Fatalf("random card %d: %v", len(links), err)
		}
		links = append(links, fragment)
	}

	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	for i, fragment := range links {
		eval[bool](t, tb, fmt.Sprintf(`(() => { location.hash = %s; return true; })()`, js(fragment)))
		waitUntil(t, tb, fmt.Sprintf("random card %d is shown", i),
			fmt.Sprintf(`%s.startsWith(%s)`, valueOf("card-title"), js(fmt.Sprintf("random card %d ", i))))
		text := eval[string](t, tb, `document.body.innerText`)
		if m := longDecimals.FindAllString(text, -1); len(m) > 0 {
			t.Errorf("random card %d (#%s) shows %q", i, fragment, m)
		}
	}
}
