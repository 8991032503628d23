//go:build e2e

package e2e

import (
	"os"
	"testing"
)

// offGridLink has a factor v0.8 does not take (its factors are 0, 0.5 or
// 1); offGridError is what the page says of it.
const (
	offGridLink  = "v1&e=v0.8&f=0,0.7,0,0,0,0,0,0,0,0"
	offGridError = "The link's factors part (f=) is not right: External Tool Control Surface is 0.7; OWASP AIVSS v0.8 takes 0, 0.5 or 1."
)

// The draft: a new card (v0.8, ThM 0.97, MF 1) given a title and one
// factor (Tools at Full).
const (
	draftTitle    = "My draft"
	draftFragment = "v2&e=v0.8&f=,1,,,,,,,,&thm=0.97&mf=1&d="
)

func TestABadLinkShowsItsErrorAndKeepsTheDraft(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitEq(t, tb, "the new card's edition", valueOf("edition"), "v0.8")
	typeInto(t, tb, "#card-title", draftTitle)
	click(t, tb, `label[for="factor-tools-2"]`) // Full
	waitUntil(t, tb, "the draft has the title and the factor", `(() => {
  const d = JSON.parse(localStorage.getItem("threatcard.draft") || "{}");
  return d.title === `+js(draftTitle)+` && (d.fragment || "").startsWith(`+js(draftFragment)+`) && d.fragment === location.hash.slice(1);
})()`)
	draft := eval[string](t, tb, draftJSON)
	fragment := eval[string](t, tb, fragmentNow)

	// The error state, then back to the draft with "open my draft".
	checkErrorThenDraft := func(t *testing.T) {
		waitEq(t, tb, "#link-error's message", textOf("error-text"), offGridError)
		if got := eval[bool](t, tb, `!!document.getElementById("link-error") && !document.getElementById("score")`); !got {
			t.Errorf("the error panel is not shown alone")
		}
		if got := eval[string](t, tb, draftJSON); got != draft {
			t.Errorf("the draft changed while the error was shown:\n got %s\nwant %s", got, draft)
		}
		waitUntil(t, tb, `"open my draft" is offered`, `!!document.getElementById("open-draft")`)
		click(t, tb, "#open-draft")
		waitEq(t, tb, "the title after opening the draft", valueOf("card-title"), draftTitle)
		waitEq(t, tb, "the address after opening the draft", fragmentNow, fragment)
		if got := eval[string](t, tb, `document.querySelector('input[name="factor-tools"]:checked')?.value ?? "none"`); got != "1" {
			t.Errorf("Tools is %q in the reopened draft, want 1", got)
		}
		if got := eval[string](t, tb, draftJSON); got != draft {
			t.Errorf("the draft changed:\n got %s\nwant %s", got, draft)
		}
	}
	t.Run("opened in the same page", func(t *testing.T) {
		eval[string](t, tb, "location.hash = "+js("#"+offGridLink))
		checkErrorThenDraft(t)
	})
	t.Run("opened as a new page", func(t *testing.T) {
		open(t, tb, s, "/#"+offGridLink)
		checkErrorThenDraft(t)
	})
	// A link of the layer overview names a section, not a card: opened in
	// a tab of its own it shows the draft at that section.
	t.Run("a layer overview link opened as a new page", func(t *testing.T) {
		open(t, tb, s, "/#layer-3")
		waitEq(t, tb, "the title", valueOf("card-title"), draftTitle)
		waitEq(t, tb, "the address", fragmentNow, fragment)
		waitEq(t, tb, "the focus", `document.activeElement?.id ?? ""`, "layer-3-title")
		if got := eval[bool](t, tb, `!!document.getElementById("link-error")`); got {
			t.Error("the bad-link error is shown")
		}
	})
}

// An import opens the card with a new history entry: Back returns to the
// card shown before, and Forward to the imported one.
func TestBackAfterAnImportReturnsToTheCardBefore(t *testing.T) {
	misuse, misuseCard := golden(t, "v08-tool-misuse-scores-only")
	_, example := golden(t, "gpt-image-2")
	text, err := os.ReadFile("../testdata/card-gpt-image-2.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+misuse)
	checkCardShown(t, tb, &misuseCard)
	history := eval[int](t, tb, "history.length")
	openImport(t, tb) // the import box is in the toolbar's Import panel
	paste(t, tb, "import-text", string(text))
	click(t, tb, "#import-submit")
	checkCardShown(t, tb, &example)
	imported := eval[string](t, tb, fragmentNow)
	if got := eval[int](t, tb, "history.length"); got != history+1 {
		t.Errorf("history.length %d after the import, want %d", got, history+1)
	}
	eval[bool](t, tb, "history.back(), true")
	// The golden link is format 1: the entry Back returns to holds the
	// format 2 link the page put in its place when it opened it.
	waitEq(t, tb, "the address after Back", fragmentNow, written(t, misuse))
	checkCardShown(t, tb, &misuseCard)
	eval[bool](t, tb, "history.forward(), true")
	waitEq(t, tb, "the address after Forward", fragmentNow, imported)
	checkCardShown(t, tb, &example)
}
