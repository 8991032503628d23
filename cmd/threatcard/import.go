//go:build !wasm

package main

import (
	"fmt"
	"io"
	"os"

	"github.com/threatcard/threatcard/scoring/cardimport"
)

// runImport reads a published card's text or a JSON export and prints the
// card's link, or another export of it.
func runImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", "import [--base URL] [--format json|markdown|svg|aivss-report] [FILE]", stderr,
		"Reads a card from FILE (standard input without FILE, or with '-'): the text",
		"of a published agentic threat-model card, a JSON export (format threatcard/2",
		"or /1), or an OWASP AIVSS v0.8 report (Appendix A JSON), told apart by their",
		"content. Prints the card's link, \"#<fragment>\", or URL#<fragment> with --base;",
		"--format prints that export instead. What the import noticed (a report's",
		"stated scores that differ from the computed ones, say) goes to standard error.")
	format := fs.String("format", "", "print this export instead of the link: json, markdown, svg or aivss-report")
	base := fs.String("base", "", "the app's URL, put before the '#' of the link")
	report := reportFlags(fs)
	pos, code := parseFlagsAnywhere(fs, args)
	if code >= 0 {
		return code
	}
	usageErr := func(msg string) int { return usageError(stderr, "import", msg) }
	if len(pos) > 1 {
		return usageErr(fmt.Sprintf("one FILE only; %q is a second argument", pos[1]))
	}
	if msg := checkExportFlags(*format, *base); msg != "" {
		return usageErr(msg)
	}
	if msg := report.check(*format); msg != "" {
		return usageErr(msg)
	}
	in, name := stdin, "standard input"
	if len(pos) == 1 && pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			fmt.Fprintf(stderr, "threatcard import: %v\n", err)
			return 1
		}
		defer f.Close()
		in, name = f, pos[0]
	}
	data, err := io.ReadAll(io.LimitReader(in, cardimport.MaxSize+1))
	if err != nil {
		fmt.Fprintf(stderr, "threatcard import: reading %s: %v\n", name, err)
		return 1
	}
	res, err := cardimport.Import(data)
	if err != nil {
		fmt.Fprintf(stderr, "threatcard import: %v\n", err)
		return 1
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "threatcard import: warning: %s\n", w)
	}
	return writeExport(res.Card, exportOptions{*format, *base, report}, stdout, stderr, "import")
}
