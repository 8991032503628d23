//go:build perf

package main

import (
	"fmt"
	"time"
)

// render is one first-render measurement, in milliseconds from the start of
// the navigation.
type render struct {
	Compiled float64 `json:"compiled"` // app.wasm downloaded, compiled and instantiated
	Started  float64 `json:"started"`  // go-app's loading screen removed: main has run until it waits
	DOM      float64 `json:"dom"`      // the element is in the document
	Frame    float64 `json:"frame"`    // the next animation frame, which paints it
}

// loads are the two first renders of one fresh profile.
type loads struct {
	cold render // first visit: nothing cached
	warm render // second visit, answered by the service worker
}

// measureLoads opens url twice in a new browser with an empty profile: once
// cold, then, after the service worker has installed and stored all
// precached files, again from about:blank (a new navigation, not a reload).
func measureLoads(chromium, url string, t target, precached int) (loads, error) {
	var l loads
	b, err := startBrowser(chromium, initScript(t), 2*time.Minute)
	if err != nil {
		return l, err
	}
	defer b.close()

	if l.cold, err = rendered(b, url); err != nil {
		return l, fmt.Errorf("cold load: %w", err)
	}
	if err := waitForWorker(b, precached); err != nil {
		return l, err
	}
	if err := b.navigate("about:blank"); err != nil {
		return l, err
	}
	if l.warm, err = rendered(b, url); err != nil {
		return l, fmt.Errorf("warm load: %w", err)
	}
	controlled, err := eval[bool](b, `navigator.serviceWorker.controller !== null`)
	if err != nil {
		return l, err
	}
	if !controlled {
		return l, fmt.Errorf("warm load: the page was not served by the service worker")
	}
	return l, nil
}

// rendered navigates and waits for the page's own record of the render.
func rendered(b *browser, url string) (render, error) {
	if err := b.navigate(url); err != nil {
		return render{}, err
	}
	r, err := eval[render](b, `window.__perfRendered`)
	if err != nil {
		text, _ := eval[string](b, `document.body ? document.body.innerText.slice(0, 400) : ""`)
		return r, fmt.Errorf("%w; page text: %q", err, text)
	}
	return r, nil
}

// waitForWorker waits until the service worker is active and its cache
// holds every precached file.
func waitForWorker(b *browser, precached int) error {
	expr := fmt.Sprintf(`(async () => {
  const reg = await navigator.serviceWorker.ready;
  for (;;) {
    let n = 0;
    for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
    if (reg.active && reg.active.state === "activated" && n === %d) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
})()`, precached)
	if _, err := eval[bool](b, expr); err != nil {
		return fmt.Errorf("waiting for the service worker to cache %d files: %w", precached, err)
	}
	return nil
}
