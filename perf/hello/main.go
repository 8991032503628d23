// Command hello is the baseline of threatcard's performance figures: the
// smallest go-app v10 app, one route rendering <h1>Hello</h1>
// (baseline.Hello). make bench builds it with the same flags as
// threatcard's app.wasm, serves it from a site made by the same builder,
// and compares sizes and first-render times against it.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/perf/baseline"
)

func main() {
	app.Route("/", func() app.Composer { return &baseline.Hello{} })
	app.RunWhenOnBrowser()
}
