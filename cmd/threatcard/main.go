//go:build !wasm

// Command threatcard scores AI agents with OWASP AIVSS and MAESTRO.
//
// Natively it is a command line (cvss, score, editions, import, export,
// serve, build); compiled to WebAssembly it is the web app itself.
package main

import (
	"fmt"
	"io"
	"os"
)

// command is one subcommand: it gets its arguments (without its name) and
// returns the exit status: 0 success, 1 invalid input, 2 usage error.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		// Each subcommand lives in a file of its own name.
		{"build", "write the web app as a static site", runBuild},
		{"serve", "serve a built site locally", runServe},
		{"cvss", "score CVSS v4.0 vectors", runCVSS},
		{"score", "score an agent with OWASP AIVSS (one, or JSON Lines with --batch)", runScore},
		{"editions", "list the AIVSS editions, their factors and choices", runEditions},
		{"import", "read a card's text, JSON export or OWASP AIVSS report; print its link or an export", runImport},
		{"export", "print the card a link carries as JSON, Markdown, an SVG badge or an OWASP AIVSS report", runExport},
		{"findings", "list the scored findings of the card a link carries, highest first", runFindings},
		{"diff", "compare the cards two links carry: scores, delta and what changed", runDiff},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "threatcard: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: threatcard <command> [arguments]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'threatcard <command> -h' for a command's flags.")
}
