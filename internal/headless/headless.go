// Package headless holds the one way this project starts Chromium, for the
// end-to-end tests and the performance figures alike, so that both measure
// the same browser.
package headless

import "github.com/chromedp/chromedp"

// Options are the chromedp allocator options for the chromium binary at
// path with the profile directory profile (give a new, empty one): no
// sandbox (CI runs as root), no GPU, no background traffic, and every host
// but the loopback address unresolvable, so that a stray request to
// another origin fails even where a check missed it.
func Options(path, profile string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)
}
