//go:build js && wasm

package ui

import (
	"strings"
	"testing"
)

// In the browser: typing 11 after 9.3 in the score field passes through
// 1, which the card takes (1.0), then 11, which it does not: the card goes
// back to 9.3, in the address and the draft, and the result shows no
// score but says which field and why.
func TestElevenTypedAfterNinePointThreeLeavesTheCardAtNinePointThree(t *testing.T) {
	_, e := openPage(t, "")
	click(t, e, "cvss-mode-score")
	typeInto(t, e, "cvss-score", "9.3", true)
	typeInto(t, e, "cvss-score", "1", false)
	if got := addressFragment(); !strings.Contains(got, "&c=1.0&") {
		t.Errorf("1 is a score and is taken: address %s", got)
	}
	typeInto(t, e, "cvss-score", "11", false)
	const want = "v2&e=v0.8&c=9.3&thm=0.97&mf=1"
	if got := addressFragment(); got != want {
		t.Errorf("address %s, want %s", got, want)
	}
	if got := textOf(t, "score"); got != "not scored: the CVSS score is 11.0; a CVSS v4.0 score is 0.0 to 10.0 with one decimal; the card keeps 9.3" {
		t.Errorf("#score reads %q", got)
	}
	if got := textOf(t, "cvss-score-error"); got != "Not accepted: the CVSS score is 11.0; a CVSS v4.0 score is 0.0 to 10.0 with one decimal. The card keeps 9.3." {
		t.Errorf("the field says %q", got)
	}
	field := mustByID(t, "cvss-score")
	if field.Get("value").String() != "11" || field.Call("getAttribute", "aria-invalid").String() != "true" {
		t.Errorf("the field holds %q, aria-invalid %v", field.Get("value").String(), field.Call("getAttribute", "aria-invalid"))
	}
	waitFor(t, e, "the draft saved", func() bool { return strings.Contains(storedDraft(t), "c=9.3") })

	// Leaving the field with a score shows it as the card holds it.
	typeInto(t, e, "cvss-score", "7,5", true)
	if got := field.Get("value").String(); got != "7.5" {
		t.Errorf("the field shows %q once left, want 7.5", got)
	}
	if got := textOf(t, "score"); got != "incomplete: missing 10 of 10 factors" {
		t.Errorf("#score reads %q", got)
	}
	if field.Call("hasAttribute", "aria-invalid").Bool() && field.Call("getAttribute", "aria-invalid").String() == "true" {
		t.Error("the field is still marked invalid")
	}
}

// A decimal comma in a card-edition factor is the decimal it means: 0,5
// sets 0.5 in the card and the link, and the field shows 0.50 once left.
func TestADecimalCommaInAFactorIsTaken(t *testing.T) {
	_, e := openPage(t, goldenCopies["card-edition-full-model"])
	typeInto(t, e, "factor-autonomy_of_action", "0,", false)
	typeInto(t, e, "factor-autonomy_of_action", "0,5", false)
	typeInto(t, e, "factor-autonomy_of_action", "0,5", true)
	if got := mustByID(t, "factor-autonomy_of_action").Get("value").String(); got != "0.50" {
		t.Errorf("the field shows %q, want 0.50", got)
	}
	if got := mustByID(t, "factor-autonomy_of_action-range").Get("value").String(); got != "50" {
		t.Errorf("the slider is at %q, want 50", got)
	}
	if got := addressFragment(); !strings.Contains(got, "&f=0.5,0.5,0,0.7,") {
		t.Errorf("address %s", got)
	}
}
