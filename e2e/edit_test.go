//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Hand arithmetic, AIVSS v0.8 (exact decimals, the score rounded half up
// to one decimal, severity on the rounded score):
//
//	AARS  = (10 − CVSS) × (Factor_Sum / 10) × ThM
//	AIVSS = RoundHalfUp((CVSS + AARS) × MF, 1)
//
// With CVSS 4.0, ThM 1 and MF 1 every factor at Partial (0.5) gives
// Factor_Sum 5.0, AARS 6 × 0.5 = 3.0 and AIVSS 7.0 High. The card is
// opened from its format 1 link, as shared before findings; the links the
// page writes after an edit are format 2.
const (
	factorsBefore = "v1&e=v0.8&c=4.0&f=0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5&thm=1&mf=1"

	// Tools (the second factor) set to None: Factor_Sum 4.5, AARS
	// 6 × 0.45 = 2.7, AIVSS 6.7 Medium.
	factorsToolsNone = "v2&e=v0.8&c=4.0&f=0.5,0,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5&thm=1&mf=1"

	// Then Autonomy (the first) moved from Partial to Full with the
	// keyboard: Factor_Sum 5.0 again, AIVSS 7.0 High, right on the band's
	// lower edge.
	factorsAutonomyFull = "v2&e=v0.8&c=4.0&f=1,0,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5&thm=1&mf=1"
)

func TestChangingAFactorUpdatesScoreAndLink(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+factorsBefore)
	waitEq(t, tb, "#score before the change", scoreText, "AIVSS 7.0 High")
	history := eval[int](t, tb, "history.length")

	t.Run("a click on a factor's button", func(t *testing.T) {
		click(t, tb, `label[for="factor-tools-0"]`) // None
		waitEq(t, tb, "#score", scoreText, "AIVSS 6.7 Medium")
		waitEq(t, tb, "the address", fragmentNow, factorsToolsNone)
		if got := eval[int](t, tb, "history.length"); got != history {
			t.Errorf("history.length %d, was %d: the edit added a history entry", got, history)
		}
		if got := eval[string](t, tb, `document.querySelector('input[name="factor-tools"]:checked')?.value ?? "none"`); got != "0" {
			t.Errorf("the checked button of Tools has value %q, want 0", got)
		}
	})
	t.Run("an arrow key on a factor's buttons", func(t *testing.T) {
		if err := chromedp.Do(tb.ctx, chromedp.Focus("#factor-autonomy-1")); err != nil { // Partial, checked
			t.Fatal(err)
		}
		press(t, tb, kb.ArrowRight) // to Full
		waitEq(t, tb, "#score", scoreText, "AIVSS 7.0 High")
		waitEq(t, tb, "the address", fragmentNow, factorsAutonomyFull)
		if got := eval[int](t, tb, "history.length"); got != history {
			t.Errorf("history.length %d, was %d: the edit added a history entry", got, history)
		}
	})
	t.Run("the draft follows", func(t *testing.T) {
		waitEq(t, tb, "the draft's link", `JSON.parse(localStorage.getItem("threatcard.draft")).fragment`, factorsAutonomyFull)
	})
	t.Run("a reload shows the edited card", func(t *testing.T) {
		if err := chromedpReload(tb); err != nil {
			t.Fatal(err)
		}
		waitForApp(t, tb)
		waitEq(t, tb, "#score after the reload", scoreText, "AIVSS 7.0 High")
		if got := eval[string](t, tb, fragmentNow); got != factorsAutonomyFull {
			t.Errorf("the address after the reload is #%s", got)
		}
	})
}
