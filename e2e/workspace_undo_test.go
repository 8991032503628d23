//go:build e2e

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Undo and redo of edits by the buttons and the keys; the keys are the
// text field's own while the focus is in one.
func TestUndoAndRedoOfEditsByButtonsAndKeys(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	blank := eval[string](t, tb, fragmentNow)
	typeInto(t, tb, "#card-title", "Bot")
	titled := `v2&e=v0.8&thm=0.97&mf=1&d=`
	waitUntil(t, tb, "the title is in the address", `location.hash.slice(1).startsWith(`+js(titled)+`)`)
	withTitle := eval[string](t, tb, fragmentNow)
	click(t, tb, `label[for="factor-tools-2"]`) // Full; the focus leaves the title
	waitUntil(t, tb, "the factor is in the address", `location.hash.includes("f=,1,")`)
	withFactor := eval[string](t, tb, fragmentNow)

	// The button: the factor goes, the title stays (its typing was one step).
	click(t, tb, "#undo")
	waitEq(t, tb, "the address after Undo", fragmentNow, withTitle)
	// The toolbar says what the undo changed, for a field out of sight.
	waitEq(t, tb, "what Undo says", textOf("card-status"), "Undone: External Tool Control Surface: Full (1) → not set.")
	waitEq(t, tb, "Tools after Undo", `document.querySelector('input[name="factor-tools"]:checked')?.value ?? "none"`, "none")
	waitEq(t, tb, "the draft after Undo", `JSON.parse(localStorage.getItem("threatcard.draft")).fragment`, withTitle)
	click(t, tb, "#redo")
	waitEq(t, tb, "the address after Redo", fragmentNow, withFactor)
	waitEq(t, tb, "what Redo says", textOf("card-status"), "Redone: External Tool Control Surface: not set → Full (1).")

	// The keys, with the focus on a button (not a text field).
	eval[bool](t, tb, `document.getElementById("undo").focus(), true`)
	press(t, tb, "z", chromedp.ModifierCtrl)
	waitEq(t, tb, "the address after Ctrl+Z", fragmentNow, withTitle)
	press(t, tb, "z", chromedp.ModifierCtrl)
	waitEq(t, tb, "the title after a second Ctrl+Z", valueOf("card-title"), "")
	waitEq(t, tb, "the address after a second Ctrl+Z", `location.hash.slice(1) || `+js(blank), blank)
	waitEq(t, tb, "Undo says it has nothing left", `document.getElementById("undo").getAttribute("aria-disabled")`, "true")
	press(t, tb, "Z", chromedp.ModifierCtrl, chromedp.ModifierShift)
	waitEq(t, tb, "the title after Ctrl+Shift+Z", valueOf("card-title"), "Bot")
	press(t, tb, "y", chromedp.ModifierCtrl)
	waitEq(t, tb, "the address after Ctrl+Y", fragmentNow, withFactor)

	// In the title field, Ctrl+Z is the field's own: the card's factor stays.
	eval[bool](t, tb, `document.getElementById("card-title").focus(), true`)
	press(t, tb, "z", chromedp.ModifierCtrl)
	time.Sleep(300 * time.Millisecond) // an undo of the card would take one frame
	if got := eval[string](t, tb, `document.querySelector('input[name="factor-tools"]:checked')?.value ?? "none"`); got != "1" {
		t.Errorf("Ctrl+Z in the title field undid the card's factor (Tools %s)", got)
	}
}

// Deleting a threat is undone: the threat is back, and so is the link.
func TestUndoOfDeletingAThreat(t *testing.T) {
	example, _ := golden(t, "card-edition-full-model")
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+example)
	waitForEditor(t, tb)
	waitEq(t, tb, "the canonical address", fragmentNow, written(t, example))
	before := eval[string](t, tb, fragmentNow)
	n := eval[int](t, tb, `document.querySelectorAll(".tc-threat-delete").length`)
	if n == 0 {
		t.Fatal("the card has no threat to delete")
	}
	title := eval[string](t, tb, `document.querySelector(".tc-threat-delete").getAttribute("aria-label")`)
	click(t, tb, ".tc-threat-delete")
	waitEq(t, tb, "threats after the delete", `document.querySelectorAll(".tc-threat-delete").length`, n-1)
	click(t, tb, "#undo")
	waitEq(t, tb, "threats after Undo", `document.querySelectorAll(".tc-threat-delete").length`, n)
	waitEq(t, tb, "the address after Undo", fragmentNow, before)
	if got := eval[string](t, tb, `document.querySelector(".tc-threat-delete").getAttribute("aria-label")`); got != title {
		t.Errorf("the first threat is %q, want %q", got, title)
	}
}

// secondTab opens another tab in tb's browser context: the same origin's
// localStorage, as two tabs of one browser.
func secondTab(t *testing.T, tb *tab) *tab {
	t.Helper()
	rec := &recorder{}
	ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithListener(rec.listen))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	return &tab{ctx: ctx, rec: rec}
}

// savedFragments lists the fragments of the draft and the recent cards.
const savedFragments = `(() => {
  const d = JSON.parse(localStorage.getItem("threatcard.draft") || "null");
  const r = JSON.parse(localStorage.getItem("threatcard.recent") || "[]");
  return [d ? d.fragment : ""].concat(r.map((c) => c.fragment)).join("\n");
})()`

func TestTabsOnTwoCardsKeepBoth(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	a := newTab(t)
	open(t, a, s, "/")
	waitForEditor(t, a)
	b := secondTab(t, a)
	misuse, _ := golden(t, "v08-tool-misuse-scores-only")
	open(t, b, s, "/#"+misuse)
	waitForEditor(t, b)
	typeInto(t, a, "#card-title", "Card A")
	typeInto(t, b, "#card-title", "Card B")
	waitUntil(t, a, "a's card saved", `location.hash.length > 1`)
	fa, fb := eval[string](t, a, fragmentNow), eval[string](t, b, fragmentNow)
	waitEq(t, b, "b's title", valueOf("card-title"), "Card B")
	typeInto(t, a, "#card-title", " again")
	waitEq(t, a, "a's title", valueOf("card-title"), "Card A again")
	waitUntil(t, a, "a's edit in the address", `location.hash.slice(1) !== `+js(fa))
	fa = eval[string](t, a, fragmentNow)
	waitUntil(t, a, "both cards are saved", `(() => { const s = `+savedFragments+`; return s.includes(`+js(fa)+`) && s.includes(`+js(fb)+`); })()`)
	if got := eval[bool](t, b, `!!document.getElementById("tab-conflict")`); got {
		t.Error("two cards in two tabs are in conflict")
	}
}

func TestTabsOnOneCardSayWhichIsNewerAndOfferBoth(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	a := newTab(t)
	open(t, a, s, "/")
	waitForEditor(t, a)
	typeInto(t, a, "#card-title", "Shared")
	waitEq(t, a, "the draft's title", savedTitle, "Shared")
	b := secondTab(t, a)
	open(t, b, s, "/") // the bare address: the draft, the same card
	waitEq(t, b, "b shows the draft", valueOf("card-title"), "Shared")
	waitForEditor(t, b)

	typeInto(t, a, "#card-title", " by A")
	waitUntil(t, b, "b is told of a's save", `!!document.getElementById("tab-conflict")`)
	text := eval[string](t, b, textOf("tab-conflict-text"))
	if !strings.HasPrefix(text, "This card was changed in another tab at ") || !strings.Contains(text, "That version is newer") {
		t.Errorf("the conflict says %q", text)
	}
	// b's edit is kept in b and not written over a's.
	typeInto(t, b, "#card-title", " by B")
	time.Sleep(400 * time.Millisecond) // past the save delay
	if got := eval[string](t, b, `JSON.parse(localStorage.getItem("threatcard.draft")).title`); got != "Shared by A" {
		t.Errorf("the stored card is %q; b wrote over a's", got)
	}
	click(t, b, "#conflict-both")
	waitUntil(t, b, "both are saved", `(() => { const s = `+savedFragments+`; return s.split("\n").length >= 2; })() && !document.getElementById("tab-conflict")`)
	titles := eval[string](t, b, `(() => {
  const d = JSON.parse(localStorage.getItem("threatcard.draft"));
  const r = JSON.parse(localStorage.getItem("threatcard.recent") || "[]");
  return [d.title].concat(r.map((c) => c.title)).sort().join("|");
})()`)
	if !strings.Contains(titles, "Shared by A") || !strings.Contains(titles, "Shared by B") {
		t.Errorf("saved titles %q, want both tabs' cards", titles)
	}
}

// A full localStorage: the edit is refused in words, and the draft saved
// before stays.
func TestQuotaFullIsReportedAndTheDraftStays(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	typeInto(t, tb, "#card-title", "Kept")
	waitEq(t, tb, "the draft's title", savedTitle, "Kept")
	draft := eval[string](t, tb, draftJSON)
	// Fill the origin's storage to the last bytes another site's data could take.
	eval[bool](t, tb, `(() => {
  let chunk = "x".repeat(1 << 20), i = 0;
  while (chunk.length > 0) {
    try { localStorage.setItem("other.fill." + i++, chunk); } catch (e) { chunk = chunk.slice(0, chunk.length >> 1); }
  }
  return true;
})()`)
	long := "Kept, with a title far longer than the few bytes the storage has left: " + strings.Repeat("n", 100)
	paste(t, tb, "card-title", long) // one edit, one save
	waitEq(t, tb, "the message", textOf("save-error"),
		"This browser did not keep the draft: its storage for this site is full. Copy the link to keep your work.")
	if got := eval[string](t, tb, draftJSON); got != draft {
		t.Errorf("the draft changed:\n got %s\nwant %s", got, draft)
	}
	if got := eval[string](t, tb, valueOf("card-title")); got != long {
		t.Errorf("the card shown is %q", got)
	}
}
