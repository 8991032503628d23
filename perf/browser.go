//go:build perf

package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/threatcard/threatcard/internal/headless"
)

// browser is one headless Chromium with a fresh profile and one tab.
type browser struct {
	tab     context.Context // the tab; every action on it has a deadline
	cancel  []context.CancelFunc
	profile string
}

// startBrowser starts chromium (the binary the end-to-end tests use) with a
// new, empty profile and the same switches as those tests: no sandbox (CI
// runs as root), no GPU, no background traffic, and every host but the
// loopback address unresolvable. initScript runs in every document the tab
// loads, before the page's own scripts.
func startBrowser(chromium, initScript string, timeout time.Duration) (*browser, error) {
	profile, err := os.MkdirTemp("", "threatcard-perf-profile-")
	if err != nil {
		return nil, err
	}
	b := &browser{profile: profile}
	opts := headless.Options(chromium, profile)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b.cancel = append(b.cancel, cancelAlloc)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	b.cancel = append(b.cancel, cancelTab)
	if err := chromedp.Do(tab); err != nil {
		b.close()
		return nil, fmt.Errorf("starting %s: %w", chromium, err)
	}
	if initScript != "" {
		if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: initScript}); err != nil {
			b.close()
			return nil, err
		}
	}
	tab, cancelTimeout := context.WithTimeout(tab, timeout)
	b.cancel = append(b.cancel, cancelTimeout)
	b.tab = tab
	return b, nil
}

// close ends the browser and removes its profile.
func (b *browser) close() {
	for i := len(b.cancel) - 1; i >= 0; i-- {
		b.cancel[i]()
	}
	os.RemoveAll(b.profile)
}

// navigate loads url in the tab and waits for its load event.
func (b *browser) navigate(url string) error {
	return chromedp.Do(b.tab, chromedp.Navigate(url))
}

// eval evaluates a JavaScript expression in the page, awaiting a promise.
func eval[T any](b *browser, expr string) (T, error) {
	return chromedp.Run(b.tab, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}
