//go:build perf

// Command bench measures threatcard's performance figures and prints them,
// one "name: value" line each, on standard output; how each was measured,
// the absolute numbers behind the ratios, and any goal a figure misses go
// to standard error. make bench runs it from the module root:
//
//	go run -tags perf ./perf/cmd/bench
//
// It builds threatcard's app.wasm and the hello-world baseline
// (./perf/hello) with the same flags, builds the site around each with
// internal/site, serves them on loopback and drives Debian's chromium
// through chromedp, as the end-to-end tests do. Nothing comes from the
// network.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	var flags, only string
	fs.StringVar(&c.goCmd, "go", "go", "the go command")
	fs.StringVar(&c.root, "root", ".", "the module's root directory")
	fs.StringVar(&c.work, "work", ".cache/perf", "directory for the builds and sites")
	fs.StringVar(&c.chromium, "chromium", envOr("CHROMIUM", "/usr/bin/chromium"), "the Chromium binary (the one the browser tests use)")
	fs.StringVar(&flags, "buildflags", "-trimpath -gcflags=github.com/...=-l", "build flags for both wasm binaries and the native binary, space-separated (make wasm's WASMFLAGS)")
	fs.IntVar(&c.runs, "runs", 5, "fresh-profile runs per app for the first-render figures (the median is printed)")
	fs.IntVar(&c.changes, "changes", 200, "factor changes for the input latency")
	fs.IntVar(&c.rounds, "rounds", 3, "alternating benchmark rounds for score_ns_ratio (the best of each is kept)")
	fs.IntVar(&c.top, "sizes", 0, "also list the N packages whose code threatcard's app.wasm has most more of than the hello world's")
	fs.IntVar(&c.topFuncs, "funcs", 0, "also list the N functions that threatcard's app.wasm has most more code of than the hello world's")
	fs.BoolVar(&c.split, "split", false, "also weigh the hello world with only the scoring packages linked in (perf/scoringonly): how threatcard's added size divides between them and the page")
	fs.IntVar(&c.profile, "profile", 0, "also profile one cold load of each app and list its N functions with the most time (what runs before the first render)")
	fs.StringVar(&only, "only", "", "measure only these groups, comma-separated: size, render, input, links, score, batch")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	c.flags = strings.Fields(flags)
	if only != "" {
		c.only = map[string]bool{}
		for _, g := range strings.Split(only, ",") {
			c.only[strings.TrimSpace(g)] = true
		}
	}
	var err error
	if c.root, err = filepath.Abs(c.root); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	if !filepath.IsAbs(c.work) {
		c.work = filepath.Join(c.root, c.work)
	}
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	m := &measurer{config: c, log: stderr}
	figures, err := m.all()
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	fmt.Fprintln(stderr)
	for _, f := range figures {
		f.Print(stdout)
		if !f.Met() {
			fmt.Fprintf(stderr, "bench: %s is %s; the goal is %s\n", f.Name, f.Text(), f.GoalText())
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
}

func (m *measurer) want(group string) bool { return m.only == nil || m.only[group] }

func (m *measurer) note(format string, args ...any) {
	fmt.Fprintf(m.log, format+"\n", args...)
}

func (m *measurer) timed(what string, fn func() error) error {
	start := time.Now()
	m.note("bench: %s …", what)
	if err := fn(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	m.note("bench: %s took %.1f s", what, time.Since(start).Seconds())
	return nil
}
