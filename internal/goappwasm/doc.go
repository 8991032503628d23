// Package goappwasm prepares the Go workspace that threatcard's app.wasm is
// built in: the pinned go-app, changed only so that its browser build does
// not link net/http.
//
// go-app's package app declares its HTTP server (Handler, in http.go) and
// the server's resource resolvers (resource.go) in files without a build
// constraint, so every GOOS=js build links net/http and with it crypto/tls,
// its FIPS self-tests, and their tables, though no browser code runs them.
// The change gives those two files the constraint !wasm and adds one file of
// our own (shim_wasm.go.txt, 25 lines of code) with the four names the rest
// of the package uses from them in the browser. It removes about a quarter
// of go-app's hello world once gzipped (docs/performance.md has the figures).
//
// The repository holds only that change: Workspace copies go-app's package
// tree from the module cache into a directory under .cache, applies the
// change there, and writes a go.work that uses this module and replaces
// go-app with the copy. app.wasm is built with GOWORK pointing at it; go.mod
// has no replace directive, so native builds and go install use go-app
// unchanged. Workspace refuses a go-app whose version or changed files
// differ from what the change was made for.
package goappwasm
