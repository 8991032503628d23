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
	if got := v.text("cvss-SA"); !strings.HasSuffix(got, "not set"+"High HLow LNone N") {
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
	if got := v.root.all(func(n *htmlNode) bool { return n.tag == "summary" })[0].textContent(); got != "Threat metrics (E: POC)" {
		t.Errorf("folded group summary %q", got)
	}
}

func TestTheVectorFieldKeepsTheLastValidVector(t *testing.T) {
	const vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#v1&e=v0.8&c="+vector)
	c := cvssOf(p, nil)
	tests := []struct {
		text string
		want string // the error shown
	}{
		{"", `Not a CVSS v4.0 vector: empty vector; a CVSS v4.0 vector starts with "CVSS:4.0/". The card keeps ` + vector + "."},
		{"CVSS:4.0/AV:N/AC:L", "Not a CVSS v4.0 vector: mandatory Base metric AT is missing at the end, after AC; " +
			"the 11 Base metrics AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA are mandatory, in this order. The card keeps " + vector + "."},
		{"cvss:4.0/AV:N", `Not a CVSS v4.0 vector: prefix "cvss:4.0" must be written "CVSS:4.0" (upper case). The card keeps ` + vector + "."},
	}
	for _, tt := range tests {
		c.typeVector(ctx, tt.text)
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

	c.typeScore(ctx, "7.", false) // on the way to 7.5: no message yet
	c = cvssOf(p, c)
	if c.score.msg != "" || p.card.AIVSS.CVSSScore.Value.Format(1) != "9.3" {
		t.Errorf("half-typed: message %q, score %s", c.score.msg, p.card.AIVSS.CVSSScore.Value)
	}
	c.typeScore(ctx, "7.", true)
	if c.score.msg != "Not a score: write it like 7.5 (0.0 to 10.0). The card keeps 9.3." {
		t.Errorf("left half-typed: message %q", c.score.msg)
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
