// Package baseline holds the go-app pages make bench measures threatcard
// against: Hello, the smallest app, for sizes and first renders, and
// Floor, the smallest page that does what a keystroke in threatcard does,
// for input latency. perf/hello and perf/floor route them in the browser;
// the bench prerenders them into their own sites, so each baseline's page
// is its own from the first byte.
package baseline
