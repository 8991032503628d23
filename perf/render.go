//go:build perf

package perf

import (
	"fmt"
	"time"
)

// Render is one first-render measurement, in milliseconds from the start of
// the navigation.
type Render struct {
	Compiled float64 `json:"compiled"` // app.wasm downloaded, compiled and instantiated
	Started  float64 `json:"started"`  // go-app's loading screen removed: main has run until it waits
	DOM      float64 `json:"dom"`      // the element is in the document
	Frame    float64 `json:"frame"`    // the next animation frame, which paints it
}

// Loads are the two first renders of one fresh profile.
type Loads struct {
	Cold Render // first visit: nothing cached
	Warm Render // second visit, answered by the service worker
}

// MeasureLoads opens url twice in a new browser with an empty profile: once
// cold, then, after the service worker has installed and stored all
// precached files, again from about:blank (a new navigation, not a reload).
func MeasureLoads(chromium, url string, target Target, precached int) (Loads, error) {
	var l Loads
	b, err := StartBrowser(chromium, initScript(target), 2*time.Minute)
	if err != nil {
		return l, err
	}
	defer b.Close()

	if l.Cold, err = rendered(b, url); err != nil {
		return l, fmt.Errorf("cold load: %w", err)
	}
	if err := waitForWorker(b, precached); err != nil {
		return l, err
	}
	if err := b.Navigate("about:blank"); err != nil {
		return l, err
	}
	if l.Warm, err = rendered(b, url); err != nil {
		return l, fmt.Errorf("warm load: %w", err)
	}
	controlled, err := Eval[bool](b, `navigator.serviceWorker.controller !== null`)
	if err != nil {
		return l, err
	}
	if !controlled {
		return l, fmt.Errorf("warm load: the page was not served by the service worker")
	}
	return l, nil
}

// rendered navigates and waits for the page's own record of the render.
func rendered(b *Browser, url string) (Render, error) {
	if err := b.Navigate(url); err != nil {
		return Render{}, err
	}
	r, err := Eval[Render](b, `window.__perfRendered`)
	if err != nil {
		text, _ := Eval[string](b, `document.body ? document.body.innerText.slice(0, 400) : ""`)
		return r, fmt.Errorf("%w; page text: %q", err, text)
	}
	return r, nil
}

// waitForWorker waits until the service worker is active and its cache
// holds every precached file.
func waitForWorker(b *Browser, precached int) error {
	expr := fmt.Sprintf(`(async () => {
  const reg = await navigator.serviceWorker.ready;
  for (;;) {
    let n = 0;
    for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
    if (reg.active && reg.active.state === "activated" && n === %d) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
})()`, precached)
	if _, err := Eval[bool](b, expr); err != nil {
		return fmt.Errorf("waiting for the service worker to cache %d files: %w", precached, err)
	}
	return nil
}
