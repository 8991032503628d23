//go:build perf

package main

import (
	"encoding/json"
	"fmt"
	"time"
)

// change is what one keystroke does to a page: in threatcard, one factor
// of a complete card alternates between two values that give different
// scores; in the floor page (perf/floor), its one button is clicked.
type change struct {
	factor   string // the factor's id, e.g. "autonomy"; "" for a button
	from, to string // its value in the card's link, and the other
	button   string // the id of the button to click
}

func (c change) String() string {
	if c.button != "" {
		return "clicks of #" + c.button
	}
	return fmt.Sprintf("changes of factor %s (%s ↔ %s)", c.factor, c.from, c.to)
}

// changeGap is the time between two changes, after the frame that shows
// the last: a fast typist's pace (about 12 keys a second leave 80 ms).
const changeGap = 50 * time.Millisecond

// measureInput opens url, waits for its first render and for the service
// worker to finish caching the site (on a first visit it downloads and
// stores everything again, app.wasm included, which would load the first
// changes with work a person's later keystrokes never meet), then makes
// the change n times, changeGap apart. Each is timed inside the page, from
// just before the change's event is dispatched until both the text of
// #score-value and the URL fragment have changed.
func measureInput(chromium, url string, t target, precached int, c change, n int) (latencies, error) {
	b, err := startBrowser(chromium, initScript(t), 5*time.Minute)
	if err != nil {
		return latencies{}, err
	}
	defer b.close()
	if _, err := rendered(b, url); err != nil {
		return latencies{}, err
	}
	if err := waitForWorker(b, precached); err != nil {
		return latencies{}, err
	}
	lat, err := makeChanges(b, c, n)
	if err != nil {
		return lat, err
	}
	lat.memoryBytes, err = eval[int](b, `window.__perfMemory ? window.__perfMemory.buffer.byteLength : 0`)
	return lat, err
}

// makeChanges makes the n changes of measureInput in the page b shows.
//
// A button is clicked. A three-way factor is a group of radio buttons
// named factor-<id>, changed by a click (which dispatches input and
// change); the card edition's factor is the number input #factor-<id>,
// changed by setting its value and dispatching input and change.
func makeChanges(b *browser, c change, n int) (latencies, error) {
	args, _ := json.Marshal(map[string]any{"factor": c.factor, "values": []string{c.to, c.from}, "button": c.button,
		"n": n, "gap": changeGap.Milliseconds()})
	times, err := eval[[][3]float64](b, `(async (a) => {
  const radios = document.getElementsByName("factor-" + a.factor);
  const ready = () => a.button ? document.getElementById(a.button) !== null
    : radios.length > 0 || document.getElementById("factor-" + a.factor) !== null;
  const set = (v) => {
    if (a.button) {
      document.getElementById(a.button).click();
      return;
    }
    if (radios.length > 0) {
      const r = [...radios].find((r) => Number(r.value) === Number(v));
      if (!r) throw new Error("no radio button factor-" + a.factor + " with value " + v);
      r.click();
      return;
    }
    const input = document.getElementById("factor-" + a.factor);
    input.value = v;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
  };
  // threatcard draws its inputs a frame after the score (the first frame
  // shows only the result): wait for them.
  for (let waited = 0; !ready(); waited += 20) {
    if (waited > 10000) throw new Error("nothing to change after 10 s: " + JSON.stringify(a));
    await new Promise((r) => setTimeout(r, 20));
  }
  const scoreText = () => { const el = document.getElementById("score-value"); return el ? el.textContent : null; };
  const out = [];
  for (let i = 0; i < a.n; i++) {
    const text = scoreText(), hash = location.hash;
    out.push(await new Promise((resolve, reject) => {
      let start, url = 0, score = 0;
      const check = () => {
        const t = performance.now(), now = scoreText();
        if (!url && location.hash !== hash) url = t - start;
        if (!score && now !== null && now !== text) score = t - start;
        if (!url || !score) return;
        observer.disconnect();
        window.__perfOnURL = null;
        clearTimeout(timer);
        resolve([Math.max(url, score), url, score]);
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, {childList: true, subtree: true, characterData: true});
      window.__perfOnURL = check;
      const timer = setTimeout(() => reject(new Error("change " + (i + 1) + ": score or fragment unchanged after 2 s (score " + JSON.stringify(scoreText()) + ")")), 2000);
      start = performance.now();
      set(a.values[i % 2]);
    }));
    // The next change comes a.gap ms after the frame has painted.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, a.gap)));
  }
  return out;
})(`+string(args)+`)`)
	if err != nil {
		return latencies{}, fmt.Errorf("%s: %w", c, err)
	}
	lat := latencies{}
	for _, t := range times {
		lat.both = append(lat.both, t[0])
		lat.url = append(lat.url, t[1])
		lat.score = append(lat.score, t[2])
	}
	return lat, nil
}

// latencies are the times, in milliseconds from dispatching a change, until
// the fragment and the score text both changed, and each of them alone;
// and the size of the app's WebAssembly memory after the changes (Go's
// heap lives in it, and it never shrinks).
type latencies struct {
	both, url, score []float64
	memoryBytes      int
}
