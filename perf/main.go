//go:build perf

// Command perf measures threatcard's performance figures and prints them,
// one "name: value" line each, on standard output; how each was measured,
// the absolute numbers behind the ratios, and any goal a figure misses go
// to standard error. make bench runs it from the module root:
//
//	go run -tags perf ./perf
//
// It measures threatcard against the floor go-app itself sets. It builds
// threatcard's app.wasm as shipped (in the workspace of internal/goappwasm,
// whose go-app leaves net/http out of the browser build), the go-app hello
// world (perf/hello) in the same workspace and with go-app as released, and
// a go-app page doing what a keystroke does (perf/floor), all with the same
// flags; builds a site around each with internal/site, serves them on
// loopback with internal/statichost and drives Debian's chromium through
// chromedp, as the end-to-end tests do.
//
// It is built only with -tags perf, so that the rest of the module (and go
// test ./...) never compiles the browser driver. Nothing here needs the
// network: sites are served on loopback and the browser is told that every
// other host does not exist.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	goCmd, root, work, chromium string
	flags                       []string
	runs, changes, rounds, top  int
	topFuncs                    int
	split                       bool
	profile                     int
	only                        map[string]bool
}

// groups are the names -only takes.
var groups = []string{"size", "render", "throttled", "input", "links", "score", "batch"}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("perf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	var flags, only string
	fs.StringVar(&c.goCmd, "go", "go", "the go command")
	fs.StringVar(&c.root, "root", ".", "the module's root directory")
	fs.StringVar(&c.work, "work", ".cache/perf", "directory for the builds and the sites")
	fs.StringVar(&c.chromium, "chromium", envOr("CHROMIUM", "/usr/bin/chromium"), "the Chromium binary (the one the browser tests use)")
	fs.StringVar(&flags, "buildflags", "-trimpath -gcflags=github.com/...=-l", "build flags for every wasm binary and the native binary, space-separated (make wasm's WASMFLAGS)")
	fs.IntVar(&c.runs, "runs", 5, "fresh-profile runs per app for the first-render figures (the median is printed)")
	fs.IntVar(&c.changes, "changes", 200, "changes per page for the input latency")
	fs.IntVar(&c.rounds, "rounds", 3, "alternating benchmark rounds for score_ns_ratio (the best of each is kept)")
	fs.IntVar(&c.top, "sizes", 0, "also list the N packages whose code threatcard's app.wasm has most more of than the hello world's (same build)")
	fs.IntVar(&c.topFuncs, "funcs", 0, "also list the N functions that threatcard's app.wasm has most more code of than the hello world's (same build)")
	fs.BoolVar(&c.split, "split", false, "also weigh the hello world with only the scoring packages linked in (perf/scoringonly): how threatcard's added size divides between them and the page")
	fs.IntVar(&c.profile, "profile", 0, "also profile one cold load of threatcard and the hello world, and the changes of threatcard, and list the N functions with the most time")
	fs.StringVar(&only, "only", "", "measure only these groups, comma-separated: "+strings.Join(groups, ", ")+" (render includes throttled)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "perf: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	c.flags = strings.Fields(flags)
	if only != "" {
		c.only = map[string]bool{}
		for _, g := range strings.Split(only, ",") {
			g = strings.TrimSpace(g)
			if !slices.Contains(groups, g) {
				fmt.Fprintf(stderr, "perf: -only: no group %q (there are %s)\n", g, strings.Join(groups, ", "))
				return 2
			}
			c.only[g] = true
		}
	}
	var err error
	if c.root, err = filepath.Abs(c.root); err != nil {
		fmt.Fprintln(stderr, "perf:", err)
		return 1
	}
	if !filepath.IsAbs(c.work) {
		c.work = filepath.Join(c.root, c.work)
	}
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		fmt.Fprintln(stderr, "perf:", err)
		return 1
	}
	m := &measurer{config: c, log: stderr}
	figures, err := m.all()
	if err != nil {
		fmt.Fprintln(stderr, "perf:", err)
		return 1
	}
	fmt.Fprintln(stderr)
	for _, f := range figures {
		f.print(stdout)
		if !f.met() {
			fmt.Fprintf(stderr, "perf: %s is %s; the goal is %s\n", f.name, f.text(), f.goalText())
		}
	}
	return 0
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// measurer runs the measurements and notes what it did on log.
type measurer struct {
	config
	log io.Writer

	// What a run builds once.
	goWork string             // app.wasm's workspace
	wasms  *buildSet          // the wasm binaries
	native string             // the threatcard command
	sites  map[string]siteDir // the sites, by app
}

// want reports whether a group is to be measured. The throttled first
// render is part of render.
func (m *measurer) want(group string) bool {
	return m.only == nil || m.only[group] || (group == "throttled" && m.only["render"])
}

func (m *measurer) note(format string, args ...any) {
	fmt.Fprintf(m.log, format+"\n", args...)
}

func (m *measurer) timed(what string, fn func() error) error {
	start := time.Now()
	m.note("perf: %s …", what)
	if err := fn(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	m.note("perf: %s took %.1f s", what, time.Since(start).Seconds())
	return nil
}
