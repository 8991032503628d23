//go:build !wasm

package ui

import (
	"strings"
	"testing"
)

// openGolden returns a page showing one of the golden links.
func openGolden(t *testing.T, name string) (*Page, goldenLink) {
	t.Helper()
	g := loadGoldenLink(t, name)
	p := newPage()
	navigate(t, testContext(t), p, "https://example.org/#"+g.Fragment)
	if p.failure != nil {
		t.Fatal(p.failure)
	}
	return p, g
}

func listTexts(v view, id string) []string {
	var out []string
	for _, li := range v.root.byID(id).all(func(n *htmlNode) bool { return n.tag == "li" }) {
		out = append(out, li.textContent())
	}
	return out
}

// The numbers are worked example 3.6.1 of v0.8 (testdata/aivss-vectors.json:
// CVSS 9.4, Factor_Sum 9.0, AARS 0.5238, raw 9.9238, AIVSS 9.9). Each share
// is (10 − 9.4) × (f / 10) × 0.97: 0.0582 for a factor at 1, 0.0291 at 0.5.
// The macro vector follows the specification's EQ rules (section 8.1):
// UI:A gives EQ1 1, subsequent-system impacts H give EQ4 1, the rest 0.
func TestResultShowsFormulaSharesAndCVSS(t *testing.T) {
	p, g := openGolden(t, "v08-tool-misuse-scores-only")
	v := render(t, p)
	wantFormula := []string{
		"Factor_Sum = the sum of the 10 factorsFactor_Sum = 9.0",
		"AARS = (10 − CVSS) × (Factor_Sum / 10) × ThMAARS = (10 − 9.4) × (9.0 / 10) × 0.97 = 0.5238",
		"AIVSS = RoundHalfUp((CVSS + AARS) × MF, 1)AIVSS = RoundHalfUp((9.4 + 0.5238) × 1.00, 1) = RoundHalfUp(9.9238, 1) = 9.9",
	}
	if got := listTexts(v, "formula"); strings.Join(got, "\n") != strings.Join(wantFormula, "\n") {
		t.Errorf("formula\n got %q\nwant %q", got, wantFormula)
	}
	if got := v.text("formula-title"); got != "Formula with this card's numbers" {
		t.Errorf("formula title %q", got)
	}
	if got := v.text("shares-title"); got != "Each factor's share of the uplift (AARS 0.5238)" {
		t.Errorf("shares title %q", got)
	}
	shares := listTexts(v, "shares")
	if len(shares) != 10 || shares[0] != "Execution Autonomy0.05820.0582" || shares[6] != "Persistent State Retention0.02910.0291" {
		t.Errorf("shares %q", shares)
	}
	if v.has("shares-rounded") {
		t.Error("shares exact to four decimals are said to be rounded")
	}
	meters := v.root.byID("shares").all(func(n *htmlNode) bool { return n.tag == "meter" })
	if len(meters) != 10 || meters[9].attrs["value"] != "0.0291" || meters[9].attrs["max"] != "0.5238" ||
		meters[9].attrs["aria-labelledby"] != "share-self_mod" {
		t.Errorf("meters: %d, last %v", len(meters), meters[len(meters)-1].attrs)
	}
	for id, want := range map[string]string{"cvss-score-value": "9.4 (Critical)", "cvss-macrovector": "100100"} {
		if got := v.text(id); got != want {
			t.Errorf("#%s %q, want %q", id, got, want)
		}
	}
	if got := v.text("cvss-result"); !strings.Contains(got, "Base score (CVSS-B)9.4 (Critical) — what AIVSS takes") {
		t.Errorf("the CVSS details do not label the base score as what AIVSS takes: %q", got)
	}
	if v.has("cvss-other-score") || v.has("cvss-nomenclature") {
		t.Error("a vector of Base metrics only shows a second score")
	}
	if v.has("cvss-rounding-note") {
		t.Errorf("a rounding note for %s, which go-cvss scores the same", *g.Card.AIVSS.CVSSVector)
	}
	if got, _ := v.attr("score", "aria-live"); got != "polite" {
		t.Errorf("#score aria-live %q", got)
	}
	if got, _ := v.attr("score", "role"); got != "status" {
		t.Errorf("#score role %q", got)
	}
	if got, _ := v.attr("score", "class"); got != "tc-score tc-sev-critical" {
		t.Errorf("#score class %q", got)
	}
}

func TestResultOfV05ShowsItsVectorAndFactorValuesAsParts(t *testing.T) {
	p, _ := openGolden(t, "v05-calculator-defaults")
	v := render(t, p)
	// The reference calculator's defaults (testdata/aivss-vectors.json): AARS 2.0, raw 5.4805, shown 5.5.
	formula := listTexts(v, "formula")
	if len(formula) != 3 || !strings.HasSuffix(formula[1], "AIVSS = ((9.3 + 2.0) / 2) × 0.97 = 5.4805, shown 5.5") ||
		!strings.HasSuffix(formula[2], "Vector: (CVSS:9.3/AARS:2.0)") {
		t.Errorf("formula %q", formula)
	}
	if got := v.text("shares-title"); got != "Each factor's part of AARS (2.0), which is their sum" {
		t.Errorf("shares title %q", got)
	}
	// At one precision, one decimal in v0.5, so that they line up.
	if got := listTexts(v, "shares"); got[0] != "Autonomy of Action0.50.5" || got[9] != "Opacity and Reflexivity0.00.0" {
		t.Errorf("shares %q", got)
	}
}

// testdata/cvss4-base-reference.txt.gz scores this vector 8.6; go-cvss
// v0.6.4 shows 8.5 (scoring/cvss4 TestGoCVSSScoreDiffers).
func TestResultNotesTheGoCVSSRounding(t *testing.T) {
	const vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:L/VA:H/SC:H/SI:H/SA:H"
	p := newPage()
	navigate(t, testContext(t), p, "https://example.org/#v1&e=v0.8&c="+vector+"&thm=0.97&mf=1")
	v := render(t, p)
	if got := v.text("cvss-score-value"); got != "8.6 (High)" {
		t.Errorf("CVSS %q", got)
	}
	want := "Calculators without the 2024 rounding fix, such as go-cvss, show 8.5 for this vector; 8.6 is the score with the fix."
	if got := v.text("cvss-rounding-note"); got != want {
		t.Errorf("note\n got %s\nwant %s", got, want)
	}
	if got := v.text("formula-title"); got != "Formula" || v.has("shares") {
		t.Errorf("an incomplete card shows %q and shares: %v", got, v.has("shares"))
	}
}

// The card edition computes in float64, whose texts carry noise
// (0.25 × 0.7 is 0.17500000000000002); the result writes each share at
// one precision, four decimals, so that they line up: a factor f's share
// is (10 − 7.5) × (f / 10) × 1 = 0.25 f. The edition's notes are titled
// in a sentence.
func TestResultOfTheCardEditionWritesSharesAtOnePrecision(t *testing.T) {
	p, _ := openGolden(t, "card-edition-full-model") // f=0.6,0.5,0,0.7,0.4,0.5,0.2,0.1,0.6,0.5, CVSS 7.5, ThM 1
	v := render(t, p)
	want := []string{"0.1500", "0.1250", "0.0000", "0.1750", "0.1000", "0.1250", "0.0500", "0.0250", "0.1500", "0.1250"}
	var got []string
	for _, n := range v.root.byID("shares").all(func(n *htmlNode) bool { return n.attrs["class"] == "tc-share-value" }) {
		got = append(got, n.textContent())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("shares\n got %q\nwant %q", got, want)
	}
	// AARS = 2.5 × 0.41 = 1.025.
	if got := v.text("shares-title"); got != "Each factor's share of the uplift (AARS 1.025)" && got != "Each factor's share of the uplift (AARS ≈ 1.025)" {
		t.Errorf("shares title %q", got)
	}
	summary := v.root.byID("result").all(func(n *htmlNode) bool { return n.tag == "summary" })
	if len(summary) != 1 || summary[0].textContent() != "Rounding and bands in AgentReady threat-model cards" {
		t.Errorf("the edition's notes are not titled \"Rounding and bands in AgentReady threat-model cards\"")
	}
}

// Shares rounded to four decimals may not add up to AARS as shown, and the
// result says so: CVSS 8.7, each factor 0.5, ThM 0.97 gives shares of 1.3
// × 0.05 × 0.97 = 0.06305, shown 0.0631, ten of which are 0.631 against
// the AARS of 0.6305.
func TestRoundedSharesAreSaidToBeRounded(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#v1&e=v0.8&c=8.7&f=0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5&thm=0.97&mf=1")
	v := render(t, p)
	if got := listTexts(v, "shares")[0]; got != "Execution Autonomy0.06310.0631" {
		t.Errorf("first share %q", got)
	}
	if got := v.text("shares-rounded"); got != "Shares are rounded to four decimals, so they may not add up to AARS exactly." {
		t.Errorf("note on rounded shares %q", got)
	}
}
