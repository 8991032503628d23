//go:build !wasm

package main

import (
	"fmt"
	"io"

	"github.com/threatcard/threatcard/app/ui"
	"github.com/threatcard/threatcard/internal/site"
)

// webRoutes are the web app's pages, which threatcard build prerenders:
// the ones the browser entry (main_wasm.go, ui.Register) routes.
func webRoutes() []site.Route {
	var out []site.Route
	for _, r := range ui.Routes() {
		out = append(out, site.Route(r))
	}
	return out
}

// runBuild writes the static web site.
func runBuild(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "build [-out dir] [-prefix /path/] [-wasm file]", stderr,
		"Writes the web app as a static site for any host, usable offline after one visit.")
	out := fs.String("out", "dist", "directory to write the site into")
	prefix := fs.String("prefix", "/", "URL path the site is served under, e.g. /threatcard/ for a GitHub Pages project site")
	wasm := fs.String("wasm", "", "the app's WebAssembly binary (GOOS=js GOARCH=wasm go build ./cmd/threatcard); default OUT/web/app.wasm")
	if status, ok := parseFlagsOnly(fs, args); !ok {
		return status
	}
	res, err := site.Build(site.Options{Out: *out, Prefix: *prefix, Wasm: *wasm, Routes: webRoutes()})
	if err != nil {
		fmt.Fprintf(stderr, "threatcard build: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s for %s: version %s, app.wasm %d bytes, %d files precached\n",
		*out, res.Prefix, res.Version, res.WasmSize, len(res.Precached))
	return 0
}
