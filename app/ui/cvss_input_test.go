//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// cvssOf returns the CVSS input as the page would draw it now, keeping the
// component's own state (what was typed and picked) from before.
func cvssOf(p *Page, c *CVSSInput) *CVSSInput {
	if c == nil {
		c = &CVSSInput{}
	}
	c.Editor, c.Vector, c.Score = p, p.card.AIVSS.CVSSVector, p.card.AIVSS.CVSSScore
	c.VectorInvalid, c.ScoreInvalid = p.invalidFields[vectorFieldID] != "", p.invalidFields[scoreFieldID] != ""
	c.OnUpdate(app.Context{})
	c.seen = c.Vector
	return c
}

func TestMetricButtonsSetTheVectorOnceAllBaseMetricsAreChosen(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/")
	c := cvssOf(p, nil)
	picks := [][2]string{{"E", "P"}, {"AV", "N"}, {"AC", "L"}, {"AT", "N"}, {"PR", "N"}, {"UI", "N"}, {"VC", "H"},
		{"VI", "H"}, {"VA", "H"}, {"SC", "N"}, {"SI", "N"}}
	for _, pk := range picks {
		c.pick(ctx, pk[0], pk[1])
		c = cvssOf(p, c)
	}
	if p.card.AIVSS.CVSSVector != "" {
		t.Fatalf("a vector with 10 Base metrics: %s", p.card.AIVSS.CVSSVector)
	}
	v := render(t, c)
	if got := v.text("cvss-vector-hint"); got != "10 of 11 Base metrics chosen; the score needs all 11." {
		t.Errorf("hint %q", got)
	}
	if got := v.text("cvss-SA"); !strings.Contains(got, "not set"+"High HLow LNone N") {
		t.Errorf("SA is not shown unset: %q", got)
	}
	c.pick(ctx, "SA", "N")
	c = cvssOf(p, c)
	if want := "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P"; p.card.AIVSS.CVSSVector != want {
		t.Errorf("vector %s, want %s", p.card.AIVSS.CVSSVector, want)
	}
	v = render(t, c)
	if got := v.checked("cvss-E"); len(got) != 1 || got[0] != "P" {
		t.Errorf("E checked %v", got)
	}
	if v.has("cvss-MAV") {
		t.Error("the Environmental group, folded with nothing set, draws its buttons before it is opened")
	}
	c.opened[cvss4.Environmental] = true
	v = render(t, c)
	if got := v.checked("cvss-MAV"); len(got) != 1 || got[0] != "X" {
		t.Errorf("MAV checked %v once its group is opened, want X (not defined)", got)
	}
	groups := v.root.all(func(n *htmlNode) bool { return n.tag == "details" && n.attrs["class"] == "tc-metric-group" })
	if got := groups[0].all(func(n *htmlNode) bool { return n.tag == "summary" })[0].textContent(); got != "Threat metrics (E: POC)" {
		t.Errorf("folded group summary %q", got)
	}
}

func TestTheVectorFieldKeepsTheLastValidVector(t *testing.T) {
	const vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#v1&e=v0.8&c="+vector)
	c := cvssOf(p, nil)
	const empty = `not a CVSS v4.0 vector: empty vector; a CVSS v4.0 vector starts with "CVSS:4.0/"`
	const short = "not a CVSS v4.0 vector: mandatory Base metrics AT, PR, UI, VC, VI, VA, SC, SI, SA are missing; " +
		"a vector has all 11 Base metrics, AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA, in any order here"
	const v31 = `not a CVSS v4.0 vector: "CVSS:3.1" is not CVSS v4.0; the vector must start with "CVSS:4.0/"`
	tests := []struct {
		text  string
		want  string // the error shown under the field
		score string // what the result says
	}{
		{"", "N" + empty[1:] + ". The card keeps " + vector + ".",
			"not scored: the CVSS vector is " + empty + "; the card keeps " + vector},
		{"CVSS:4.0/AV:N/AC:L", "N" + short[1:] + ". The card keeps " + vector + ".",
			"not scored: the CVSS vector is " + short + "; the card keeps " + vector},
		{"CVSS:3.1/AV:N", "N" + v31[1:] + ". The card keeps " + vector + ".",
			"not scored: the CVSS vector is " + v31 + "; the card keeps " + vector},
	}
	for _, tt := range tests {
		c.typeVector(ctx, tt.text, false)
		c = cvssOf(p, c)
		v := render(t, c)
		if got := v.text("cvss-vector-error"); got != tt.want {
			t.Errorf("%q: error\n got %s\nwant %s", tt.text, got, tt.want)
		}
		if got, _ := v.attr("cvss-vector", "value"); got != tt.text {
			t.Errorf("%q: the field shows %q", tt.text, got)
		}
		if p.card.AIVSS.CVSSVector != vector {
			t.Errorf("%q: the card's vector became %q", tt.text, p.card.AIVSS.CVSSVector)
		}
		// The result names the field and says why, with no score.
		if got := render(t, p).text("score"); got != tt.score {
			t.Errorf("%q: #score\n got %s\nwant %s", tt.text, got, tt.score)
		}
	}
}

// A vector is taken as a person writes it: any case, any order of the
// metrics, spaces around it; leaving the field shows it in canonical form.
func TestTheVectorFieldTakesAVectorInAnyCaseAndOrder(t *testing.T) {
	const canonical = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	tests := []struct{ name, typed string }{
		{"lower case", "cvss:4.0/av:n/ac:l/at:n/pr:n/ui:n/vc:h/vi:h/va:h/sc:n/si:n/sa:n"},
		{"another order", "CVSS:4.0/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N"},
		{"spaces and a trailing slash", "  CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			p := newPage()
			navigate(t, ctx, p, "https://example.org/")
			c := cvssOf(p, nil)
			c.typeVector(ctx, tt.typed, false)
			c = cvssOf(p, c)
			if p.card.AIVSS.CVSSVector != canonical {
				t.Fatalf("the card's vector is %q, want %s", p.card.AIVSS.CVSSVector, canonical)
			}
			if got, _ := render(t, c).attr("cvss-vector", "value"); got != tt.typed {
				t.Errorf("while typed, the field shows %q", got)
			}
			c.typeVector(ctx, tt.typed, true) // the field is left
			c = cvssOf(p, c)
			if got, _ := render(t, c).attr("cvss-vector", "value"); got != canonical {
				t.Errorf("once left, the field shows %q, want the canonical vector", got)
			}
		})
	}
}

func TestByScoreAndBackByMetrics(t *testing.T) {
	const vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#v1&e=v0.8&c="+vector)
	c := cvssOf(p, nil)

	c.setMode(ctx, true)
	c = cvssOf(p, c)
	// The base score of this vector is 9.3 (testdata/cvss4-base-reference.txt.gz).
	if in := p.card.AIVSS; in.CVSSVector != "" || in.CVSSScore != decimal.Some(decimal.MustParse("9.3")) {
		t.Fatalf("by score: vector %q, score %+v", in.CVSSVector, in.CVSSScore)
	}
	v := render(t, c)
	if got, _ := v.attr("cvss-score", "value"); got != "9.3" || v.has("cvss-vector") {
		t.Errorf("score field %q; vector field shown %v", got, v.has("cvss-vector"))
	}
	if got := v.checked("cvss-mode"); len(got) != 1 || got[0] != "score" {
		t.Errorf("mode %v", got)
	}

	c.typeScore(ctx, "7.", false) // on the way to 7.5, and 7 itself
	c = cvssOf(p, c)
	if c.score.msg != "" || p.card.AIVSS.CVSSScore.Value.Format(1) != "7.0" {
		t.Errorf("7.: message %q, score %s", c.score.msg, p.card.AIVSS.CVSSScore.Value)
	}
	c.typeScore(ctx, "7.5", true)
	c = cvssOf(p, c)
	if c.score.msg != "" || p.card.AIVSS.CVSSScore.Value.Format(1) != "7.5" {
		t.Errorf("7.5: message %q, score %s", c.score.msg, p.card.AIVSS.CVSSScore.Value)
	}

	c.setMode(ctx, false)
	cvssOf(p, c) // draws the input again, as the page would
	if in := p.card.AIVSS; in.CVSSVector != vector || in.CVSSScore.Set {
		t.Errorf("back to metrics: vector %q, score %+v; want the metrics chosen before", in.CVSSVector, in.CVSSScore)
	}
}

// The vector VP scores 7.3 (High) on its Base metrics
// (testdata/cvss4-base-reference.txt.gz); with E:U its CVSS-BT score is
// 4.1 (Medium; Red Hat's cvss40.js, scoring/cvss4 score_test.go). AIVSS
// takes the base score. v0.8's ThM is Exploit Maturity (Table 4a), so E:U
// sets it to 0.50 (Unreported). With the factors of worked example 3.6.8
// (Factor_Sum 6.5) and MF 1: AARS = (10 − 7.3) × 0.65 × 0.50 = 0.8775,
// AIVSS = RoundHalfUp(7.3 + 0.8775, 1) = RoundHalfUp(8.1775, 1) = 8.2 High.
const (
	vectorVP  = "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"
	factorsVP = "&f=1,1,0,0,1,1,0.5,1,1,0"
)

func TestAVectorWhoseExploitMaturitySetsThMClearsAContradictingThMAndSaysSo(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#v1&e=v0.8&c="+vectorVP+factorsVP+"&thm=0.97&mf=1")
	c := cvssOf(p, nil)
	c.typeVector(ctx, vectorVP+"/E:U", true)
	c = cvssOf(p, c)

	if want := "v2&e=v0.8&c=" + vectorVP + "/E:U" + factorsVP + "&mf=1"; p.fragment != want {
		t.Errorf("link\n got %s\nwant %s (the card's own ThM cleared)", p.fragment, want)
	}
	if want := "The vector's Exploit Maturity E:U (Unreported) sets ThM to 0.50 in OWASP AIVSS v0.8, so the ThM set before, " +
		"0.97 (Proof-of-Concept), is cleared: exploit maturity counts once."; c.thmNote != want {
		t.Errorf("note\n got %s\nwant %s", c.thmNote, want)
	}
	if got := render(t, c).text("cvss-thm-note"); got != c.thmNote {
		t.Errorf("#cvss-thm-note %q", got)
	}
	v := render(t, p)
	for id, want := range map[string]string{
		"score":             "AIVSS 8.2 High",
		"thm-source":        "Set by the vector's Exploit Maturity E:U (Unreported): 0.50",
		"cvss-score-value":  "7.3 (High)",
		"cvss-nomenclature": "CVSS-BT score",
		"cvss-other-score":  "4.1 (Medium)",
		"cvss-exploit":      "E:U (Unreported) — sets ThM to 0.50 (Unreported) in OWASP AIVSS v0.8",
	} {
		if got := v.text(id); got != want {
			t.Errorf("#%s\n got %s\nwant %s", id, got, want)
		}
	}
	if got := listTexts(v, "formula")[1]; !strings.HasSuffix(got, "AARS = (10 − 7.3) × (6.5 / 10) × 0.50 = 0.8775") {
		t.Errorf("formula line 2 %q", got)
	}
	if _, disabled := v.attr("thm", "disabled"); !disabled {
		t.Error("the ThM set by the vector can be edited")
	}
	if got := v.selected("thm"); got != "0.50" {
		t.Errorf("the ThM field shows %q, want the vector's 0.50", got)
	}

	// By score: the bare score has no Exploit Maturity; the ThM the vector
	// set stays, as the card's own, and the score with it.
	c.setMode(ctx, true)
	c = cvssOf(p, c)
	if want := "v2&e=v0.8&c=7.3" + factorsVP + "&thm=0.5&mf=1"; p.fragment != want {
		t.Errorf("by score: link\n got %s\nwant %s", p.fragment, want)
	}
	if want := "ThM stays 0.50 (Unreported), which the vector's Exploit Maturity E:U set; a bare score has no Exploit Maturity, " +
		"so the card now holds it as its own."; c.thmNote != want {
		t.Errorf("by score: note\n got %s\nwant %s", c.thmNote, want)
	}
	if got := render(t, p).text("score"); got != "AIVSS 8.2 High" {
		t.Errorf("by score: #score %q", got)
	}
}

// A card opened from a link with a ThM that contradicts its vector's E
// shows the error, naming both; the ThM field offers to leave ThM to the
// vector, which scores the card (8.2 High, as above).
func TestALinkWithAThMThatContradictsTheVectorShowsTheErrorAndAWayOut(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#v1&e=v0.8&c="+vectorVP+"/E:U"+factorsVP+"&thm=0.97&mf=1")
	v := render(t, p)
	const conflict = "the threat multiplier (ThM) is 0.97 (Proof-of-Concept), but the CVSS vector's Exploit Maturity E:U (Unreported) " +
		"sets it to 0.50 in OWASP AIVSS v0.8; exploit maturity counts once: leave ThM to the vector, or change one of the two"
	if got := v.text("score"); got != "error: "+conflict {
		t.Errorf("#score\n got %s\nwant error: %s", got, conflict)
	}
	if got := v.text("thm-error"); got != "T"+conflict[1:]+"." {
		t.Errorf("#thm-error %q", got)
	}
	if _, disabled := v.attr("thm", "disabled"); disabled {
		t.Error("the contradicting ThM cannot be changed")
	}
	opts := v.root.byID("thm").all(func(n *htmlNode) bool { return n.tag == "option" })
	if len(opts) == 0 || opts[0].attrs["value"] != unsetOption || opts[0].textContent() != "Leave it to the vector: 0.50 Unreported" {
		t.Fatalf("the first choice is not to leave ThM to the vector")
	}
	s := &scaleInput{Editor: p, Edition: "v0.8", Which: "thm", Value: p.card.AIVSS.ThM}
	s.choose(ctx, unsetOption)
	if got := render(t, p).text("score"); got != "AIVSS 8.2 High" {
		t.Errorf("ThM left to the vector: #score %q", got)
	}
}

// The card edition's ThM is a number of its own, not Exploit Maturity: E
// is shown with the vector and not applied. Factor_Sum 4.1, ThM 1, MF
// 0.85, CVSS 7.3 (the base score): AARS = 2.7 × 0.41 = 1.107, AIVSS =
// (7.3 + 1.107) × 0.85 = 7.14595, shown 7.1 High.
func TestTheCardEditionShowsTheVectorsExploitMaturityButDoesNotApplyIt(t *testing.T) {
	p := newPage()
	navigate(t, testContext(t), p, "https://example.org/#v1&e=card&c="+vectorVP+"/E:U&f=0.6,0.5,0,0.7,0.4,0.5,0.2,0.1,0.6,0.5&thm=1&mf=0.85")
	v := render(t, p)
	for id, want := range map[string]string{
		"score":        "AIVSS 7.1 High",
		"thm-source":   "The vector's Exploit Maturity E:U (Unreported) is shown with the vector but not applied: in the AgentReady threat-model cards edition ThM is a number of its own.",
		"cvss-exploit": "E:U (Unreported) — shown, not applied: in the AgentReady threat-model cards edition ThM is a number of its own",
	} {
		if got := v.text(id); got != want {
			t.Errorf("#%s\n got %s\nwant %s", id, got, want)
		}
	}
	if got, _ := v.attr("thm", "value"); got != "1.00" {
		t.Errorf("#thm %q, want the card's own 1.00", got)
	}
}
