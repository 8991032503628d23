//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardtext"
	"github.com/threatcard/threatcard/scoring/export"
)

// runImport reads a published card's text or a JSON export and prints the
// card's link, or another export of it.
func runImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", "import [--base URL] [--format json|markdown|svg] [FILE]", stderr,
		"Reads a card from FILE (standard input without FILE, or with '-'): the text",
		"of a published agentic threat-model card, or a JSON export (format",
		"threatcard/1, told apart by its first character '{'). Prints the card's",
		"link, \"#<fragment>\", or URL#<fragment> with --base; --format prints that",
		"export instead. What the import of card text noticed goes to standard error.")
	format := fs.String("format", "", "print this export instead of the link: json, markdown or svg")
	base := fs.String("base", "", "the app's URL, put before the '#' of the link")
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
	data, err := io.ReadAll(io.LimitReader(in, export.MaxJSON+1))
	if err != nil {
		fmt.Fprintf(stderr, "threatcard import: reading %s: %v\n", name, err)
		return 1
	}
	if len(data) > export.MaxJSON {
		fmt.Fprintf(stderr, "threatcard import: %s is larger than %d bytes; no card is that long\n", name, export.MaxJSON)
		return 1
	}
	c, warnings, err := importCard(data)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "threatcard import: warning: %s\n", w)
	}
	if err != nil {
		fmt.Fprintf(stderr, "threatcard import: %v\n", err)
		return 1
	}
	return writeExport(c, *format, *base, stdout, stderr, "import")
}

// importCard reads a JSON export, or else a published card's text. A
// document whose first character, after white space and a byte-order
// mark, is '{' is JSON.
func importCard(data []byte) (*card.Card, []cardtext.Warning, error) {
	noBOM := bytes.TrimPrefix(data, []byte("\ufeff"))
	if trimmed := bytes.TrimLeft(noBOM, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '{' {
		c, err := export.ParseJSON(noBOM)
		return c, nil, err
	}
	res, err := cardtext.Parse(string(data))
	if err != nil {
		return nil, nil, err
	}
	return res.Card, res.Warnings, nil
}
