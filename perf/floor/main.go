// Command floor is the baseline of threatcard's input latency: a go-app v10
// page whose one button changes a number and the address's fragment
// (baseline.Floor). make bench builds it like threatcard's app.wasm and
// times its clicks with the same page-side code as threatcard's changes.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/perf/baseline"
)

func main() {
	app.Route("/", func() app.Composer { return &baseline.Floor{} })
	app.RunWhenOnBrowser()
}
