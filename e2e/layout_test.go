//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// On a phone the calculator is one column. A card opened there is read for
// its score: the result stands above the inputs, inside the first screen,
// and stays where it was first drawn when the inputs follow a frame later.
func TestANarrowScreenShowsTheResultFirstAndKeepsItInPlace(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	// The result's top after every change to the page the app makes,
	// from its first frame on.
	if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__resultTops = [];
new MutationObserver(() => {
  const result = document.getElementById("result");
  if (!result || document.getElementById("app-wasm-loader")) return;
  const top = result.getBoundingClientRect().top + scrollY;
  if (window.__resultTops.at(-1) !== top) window.__resultTops.push(top);
}).observe(document, {childList: true, subtree: true});`,
	}); err != nil {
		t.Fatal(err)
	}
	open(t, tb, s, "/#"+factorsBefore)
	waitEq(t, tb, "#score", scoreText, "AIVSS 7.0 High")
	waitForEditor(t, tb)

	tops := eval[[]float64](t, tb, `window.__resultTops`)
	if len(tops) != 1 {
		t.Errorf("the result moved as the page was drawn: its top was at %v px", tops)
	}
	now := eval[float64](t, tb, `document.getElementById("result").getBoundingClientRect().top + scrollY`)
	if h := eval[float64](t, tb, `innerHeight`); now >= h {
		t.Errorf("the result starts %v px down the page, below the first screen (%v px)", now, h)
	}
	if !eval[bool](t, tb, `document.getElementById("result").getBoundingClientRect().bottom <= document.getElementById("factor-tools").getBoundingClientRect().top`) {
		t.Error("the result is not above the factor inputs")
	}
}
