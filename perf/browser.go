//go:build perf

package perf

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/threatcard/threatcard/internal/headless"
)

// Browser is one headless Chromium with a fresh profile and one tab.
type Browser struct {
	Tab     context.Context // the tab; every action on it has a deadline
	cancel  []context.CancelFunc
	profile string
}

// StartBrowser starts chromium (the binary the end-to-end tests use) with a
// new, empty profile and the same switches as those tests: no sandbox (CI
// runs as root), no GPU, no background traffic, and every host but the
// loopback address unresolvable. initScript runs in every document the tab
// loads, before the page's own scripts.
func StartBrowser(chromium, initScript string, timeout time.Duration) (*Browser, error) {
	profile, err := os.MkdirTemp("", "threatcard-perf-profile-")
	if err != nil {
		return nil, err
	}
	b := &Browser{profile: profile}
	opts := headless.Options(chromium, profile)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b.cancel = append(b.cancel, cancelAlloc)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	b.cancel = append(b.cancel, cancelTab)
	if err := chromedp.Do(tab); err != nil {
		b.Close()
		return nil, fmt.Errorf("starting %s: %w", chromium, err)
	}
	if initScript != "" {
		if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: initScript}); err != nil {
			b.Close()
			return nil, err
		}
	}
	tab, cancelTimeout := context.WithTimeout(tab, timeout)
	b.cancel = append(b.cancel, cancelTimeout)
	b.Tab = tab
	return b, nil
}

// Close ends the browser and removes its profile.
func (b *Browser) Close() {
	for i := len(b.cancel) - 1; i >= 0; i-- {
		b.cancel[i]()
	}
	os.RemoveAll(b.profile)
}

// Navigate loads url in the tab and waits for its load event.
func (b *Browser) Navigate(url string) error {
	return chromedp.Do(b.Tab, chromedp.Navigate(url))
}

// Eval evaluates a JavaScript expression in the page, awaiting a promise.
func Eval[T any](b *Browser, expr string) (T, error) {
	return chromedp.Run(b.Tab, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}
