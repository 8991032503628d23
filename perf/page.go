//go:build perf

package main

import "encoding/json"

// target says when an app has rendered: the element matching selector,
// drawn by the running app (not the prerendered copy in the page's HTML),
// with every one of texts in its text, and go-app's loading screen, which
// covers the page, gone.
type target struct {
	selector string
	texts    []string // none: any non-empty text
}

// initScript is installed in every document before the page's scripts.
//
// It records, in page time (performance.now(), whose origin is the start of
// the navigation), when target first appears, so the browser's round trips
// to this program never count. window.__perfRendered resolves to the time
// of the animation frame after that, the frame that shows the element, and
// the DOM time, with two phases before: when WebAssembly.instantiateStreaming
// finished (download and compilation) and when go-app removed its loading
// screen (the Go program's main has run until it first waited, which
// includes the first render). It also reports every history.replaceState
// or pushState to window.__perfOnURL, which the keystroke measurement uses
// to see the new fragment the moment the app writes it.
func initScript(t target) string {
	sel, _ := json.Marshal(t.selector)
	texts, _ := json.Marshal(append([]string{}, t.texts...))
	return `(() => {
  const selector = ` + string(sel) + `, want = ` + string(texts) + `;
  let prerendered = null, started = false, done = false, resolve;
  const phases = {compiled: 0, started: 0};
  window.__perfRendered = new Promise((r) => { resolve = r; });
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...args) => {
    const r = await instantiate.apply(WebAssembly, args);
    phases.compiled = performance.now();
    window.__perfMemory = r.instance.exports.mem; // Go's linear memory
    return r;
  };
  const check = () => {
    if (!started || done) return;
    if (document.getElementById("app-wasm-loader")) return;
    if (!phases.started) phases.started = performance.now();
    const el = document.querySelector(selector);
    if (!el || el === prerendered) return;
    const text = el.textContent.trim();
    if (text === "" || !want.every((w) => text.includes(w))) return;
    done = true;
    observer.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() => resolve({dom, frame: performance.now(), compiled: phases.compiled, started: phases.started}));
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
