// Command hello is the baseline of threatcard's performance figures: the
// smallest go-app v10 app, one route rendering <h1>Hello</h1>. make bench
// builds it with the same flags as threatcard's app.wasm, serves it from the
// same site, and compares sizes and first-render times against it.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello renders the one element the benchmark waits for.
type hello struct {
	app.Compo
}

func (h *hello) Render() app.UI {
	return app.H1().ID("hello").Text("Hello")
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
