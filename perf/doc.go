//go:build perf

// Package perf measures threatcard against the floor go-app itself sets:
// the size of the WebAssembly binary, the time to the first render and per
// keystroke in headless Chromium, the length of links, and the speed of
// native scoring. make bench runs it through perf/cmd/bench, which prints
// one "name: value" line per figure.
//
// The package is built only with -tags perf, so that the rest of the
// module (and go test ./...) never compiles the browser driver. Nothing
// here needs the network: sites are served on loopback and the browser is
// told that every other host does not exist.
package perf
