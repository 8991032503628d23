//go:build wasm

// In the browser, threatcard is the web app: the same routes that
// `threatcard build` prerendered, now live. None of the command line is
// compiled in (main.go and the subcommands are built only without wasm).
package main

import (
	"runtime/debug"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/app/ui"
)

// The page's heap is a few MiB live, and every edit allocates a new card,
// its link and a redrawn component tree: at Go's default GOGC of 100 the
// collector's pauses set the slowest keystrokes. At 300 the p95 of a
// change is ~1 ms shorter (input_latency_ratio 1.21–1.23 against
// 1.26–1.31, alternating runs) for 20 MiB of WebAssembly memory instead
// of 12; the memory limit makes the collector work harder again before a
// very large card could take more than 64 MiB (docs/performance.md).
const (
	gcPercent   = 300
	memoryLimit = 64 << 20
)

func main() {
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(memoryLimit)
	ui.Register()
	ui.PollUpdates(time.Hour)
	app.RunWhenOnBrowser()
}
