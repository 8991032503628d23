//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// The expressions below read the page; each gives a string, never null,
// so that a missing element shows in a failure as "<no #id>".

// textOf is the text content of the element with the given id.
func textOf(id string) string {
	return fmt.Sprintf(`(document.getElementById(%s)?.textContent ?? "<no #%s>")`, js(id), id)
}

// valueOf is the value of the form control with the given id.
func valueOf(id string) string {
	return fmt.Sprintf(`(document.getElementById(%s)?.value ?? "<no #%s>")`, js(id), id)
}

// scoreText is what the result's live region says, with white space
// collapsed: "AIVSS 7.2 High", or "incomplete: missing CVSS, ThM, MF".
const scoreText = `(document.getElementById("score")?.textContent.replace(/\s+/g, " ").trim() ?? "<no #score>")`

// fragmentNow is the fragment of the page's address, without '#'.
const fragmentNow = `location.hash.slice(1)`

// draftJSON is the draft saved in localStorage, as stored.
const draftJSON = `(localStorage.getItem("threatcard.draft") ?? "<no draft>")`

// savedTitle is the title of the draft saved in localStorage ("" without one).
const savedTitle = `(JSON.parse(localStorage.getItem("threatcard.draft") || "{}").title ?? "")`

// waitEq polls expr until it gives want, and fails with the last value it
// gave when that takes more than 30 seconds.
func waitEq[T comparable](t *testing.T, tb *tab, what, expr string, want T) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
		if err == nil && got == want {
			return
		}
		if time.Now().After(deadline) || tb.ctx.Err() != nil {
			t.Fatalf("%s: got %#v, want %#v (error %v)\nconsole:\n%s", what, got, want, err, strings.Join(tb.rec.console(), "\n"))
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// open loads the app at path (with its fragment) as a new document and
// waits until the WebAssembly app has started.
func open(t *testing.T, tb *tab, s *server, path string) {
	t.Helper()
	tb.navigate(t, "about:blank") // so that a fragment alone is a new load too
	tb.navigate(t, s.url(path))
	waitForApp(t, tb)
}

// waitForEditor waits until the MAESTRO editor, drawn after the first
// paint, is there.
func waitForEditor(t *testing.T, tb *tab) {
	t.Helper()
	waitUntil(t, tb, "the MAESTRO editor is drawn", `!!document.getElementById("maestro-overview") && !!document.getElementById("import-text")`)
}

// actionTimeout bounds the wait for an element to act on.
const actionTimeout = 15 * time.Second

// click clicks the element the CSS selector finds, as a mouse does.
func click(t *testing.T, tb *tab, selector string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Click(selector, chromedp.NodeVisible)); err != nil {
		t.Fatalf("clicking %s: %v", selector, err)
	}
}

// typeInto focuses the field the selector finds and types text into it,
// key by key.
func typeInto(t *testing.T, tb *tab, selector, text string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.SendKeys(selector, text, chromedp.NodeVisible)); err != nil {
		t.Fatalf("typing into %s: %v", selector, err)
	}
}

// paste puts text into the text field with the given id as a paste does:
// the whole value at once, then one input event.
func paste(t *testing.T, tb *tab, id, text string) {
	t.Helper()
	eval[bool](t, tb, fmt.Sprintf(`(() => {
  const el = document.getElementById(%s);
  el.focus();
  el.value = %s;
  el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  return true;
})()`, js(id), js(text)))
}

// press sends one key (a kb constant or a character) to the focused
// element, with modifiers.
func press(t *testing.T, tb *tab, key string, mods ...chromedp.Modifier) {
	t.Helper()
	var opts []chromedp.KeyOption
	if len(mods) > 0 {
		opts = append(opts, chromedp.KeyModifiers(mods...))
	}
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(key, opts...)); err != nil {
		t.Fatalf("pressing %q: %v", key, err)
	}
}

// keyName names a key for messages.
func keyName(key string, mods ...chromedp.Modifier) string {
	names := map[string]string{
		kb.Tab: "Tab", kb.Enter: "Enter", " ": "Space",
		kb.ArrowUp: "ArrowUp", kb.ArrowDown: "ArrowDown", kb.ArrowLeft: "ArrowLeft", kb.ArrowRight: "ArrowRight",
	}
	n, ok := names[key]
	if !ok {
		n = fmt.Sprintf("%q", key)
	}
	for _, m := range mods {
		if m == chromedp.ModifierShift {
			n = "Shift+" + n
		}
	}
	return n
}
