//go:build e2e

package e2e

import "github.com/chromedp/chromedp"

func chromedpReload(tb *tab) error {
	return chromedp.Do(tb.ctx, chromedp.Reload())
}

func chromedpClick(tb *tab, id string) error {
	return chromedp.Do(tb.ctx, chromedp.Click(chromedp.ID(id)))
}
