//go:build perf

package perf

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"
)

// Change alternates one factor of a complete card between two values that
// give different scores.
type Change struct {
	Factor string // the factor's id, e.g. "autonomy"
	From   string // its value in the card's link
	To     string
}

// MeasureInput opens url (a complete card), waits for its first render and
// for the service worker to finish caching the site (on a first visit it
// downloads and stores everything again, app.wasm included, which would
// load the first changes with work a person's later keystrokes never
// meet), then changes the factor n times, From → To → From …, 50 ms
// apart. Each change is timed inside the page, from just before the change
// event is dispatched until both the score text (#score-value) and the URL
// fragment have changed.
//
// A three-way factor is a group of radio buttons named factor-<id>, changed
// by a click (which dispatches input and change); the card edition's
// factor is the number input #factor-<id>, changed by setting its value and
// dispatching input and change.
func MeasureInput(chromium, url string, target Target, precached int, c Change, n int) (Latencies, error) {
	b, err := StartBrowser(chromium, initScript(target), 5*time.Minute)
	if err != nil {
		return Latencies{}, err
	}
	defer b.Close()
	if _, err := rendered(b, url); err != nil {
		return Latencies{}, err
	}
	if err := waitForWorker(b, precached); err != nil {
		return Latencies{}, err
	}
	lat, err := changeFactor(b, c, n)
	if err != nil {
		return lat, err
	}
	lat.MemoryBytes, err = Eval[int](b, `window.__perfMemory ? window.__perfMemory.buffer.byteLength : 0`)
	return lat, err
}

// changeFactor makes the n changes of MeasureInput in the page b shows.
func changeFactor(b *Browser, c Change, n int) (Latencies, error) {
	args, _ := json.Marshal(map[string]any{"factor": c.Factor, "values": []string{c.To, c.From}, "n": n, "gap": 50})
	times, err := Eval[[][3]float64](b, `(async (a) => {
  const radios = document.getElementsByName("factor-" + a.factor);
  const set = (v) => {
    if (radios.length > 0) {
      const r = [...radios].find((r) => Number(r.value) === Number(v));
      if (!r) throw new Error("no radio button factor-" + a.factor + " with value " + v);
      r.click();
      return;
    }
    const input = document.getElementById("factor-" + a.factor);
    if (!input) throw new Error("no input for factor " + a.factor);
    input.value = v;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
  };
  // The inputs are drawn a frame after the score (the first frame shows
  // only the result): wait for them.
  for (let waited = 0; radios.length === 0 && !document.getElementById("factor-" + a.factor); waited += 20) {
    if (waited > 10000) throw new Error("no input for factor " + a.factor + " after 10 s");
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
    // The next change comes 50 ms later, as from a fast typist (about
    // 12 keys a second leave 80 ms), after the frame has painted.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, a.gap)));
  }
  return out;
})(`+string(args)+`)`)
	if err != nil {
		return Latencies{}, fmt.Errorf("changing factor %s: %w", c.Factor, err)
	}
	lat := Latencies{}
	for _, t := range times {
		lat.Both = append(lat.Both, t[0])
		lat.URL = append(lat.URL, t[1])
		lat.Score = append(lat.Score, t[2])
	}
	return lat, nil
}

// Latencies are the times, in milliseconds from dispatching a change, until
// the fragment and the score text both changed, and each of them alone;
// and the size of the app's WebAssembly memory after the changes (Go's
// heap lives in it, and it never shrinks).
type Latencies struct {
	Both, URL, Score []float64
	MemoryBytes      int
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of xs by the
// nearest-rank method.
func Percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(float64(len(s))*p/100)) - 1
	return s[max(0, min(rank, len(s)-1))]
}

// Median returns the median of xs.
func Median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
