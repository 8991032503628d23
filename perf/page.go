//go:build perf

package perf

import "encoding/json"

// Target says when an app has rendered: the element matching Selector,
// inserted by the running app (not the prerendered copy in the page's
// HTML), with Text in its text, and go-app's loading screen, which covers
// the page, gone.
type Target struct {
	Selector string
	Text     string // "" accepts any non-empty text
}

// initScript is installed in every document before the page's scripts.
//
// It records, in page time (performance.now(), whose origin is the start of
// the navigation), when target first appears, so the browser's round trips
// to this program never count. window.__perfRendered resolves to the time
// of the animation frame after that, the frame that shows the element, and
// the DOM time. It also reports every history.replaceState/pushState to
// window.__perfOnURL, which the keystroke measurement uses to see the new
// fragment the moment the app writes it.
func initScript(t Target) string {
	sel, _ := json.Marshal(t.Selector)
	text, _ := json.Marshal(t.Text)
	return `(() => {
  const selector = ` + string(sel) + `, want = ` + string(text) + `;
  let prerendered = null, started = false, done = false, resolve;
  window.__perfRendered = new Promise((r) => { resolve = r; });
  const check = () => {
    if (!started || done || document.getElementById("app-wasm-loader")) return;
    const el = document.querySelector(selector);
    if (!el || el === prerendered) return;
    const text = el.textContent.trim();
    if (text === "" || (want !== "" && !text.includes(want))) return;
    done = true;
    observer.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() => resolve({dom, frame: performance.now()}));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {childList: true, subtree: true, characterData: true});
  document.addEventListener("DOMContentLoaded", () => {
    prerendered = document.querySelector(selector);
    started = true;
    check();
  });
  for (const name of ["replaceState", "pushState"]) {
    const original = History.prototype[name];
    History.prototype[name] = function (...args) {
      const r = original.apply(this, args);
      if (window.__perfOnURL) window.__perfOnURL();
      return r;
    };
  }
})();`
}
