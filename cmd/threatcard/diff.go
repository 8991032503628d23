//go:build !wasm

package main

import (
	"fmt"
	"io"

	"github.com/threatcard/threatcard/scoring/carddiff"
	"github.com/threatcard/threatcard/scoring/link"
)

// runDiff compares the cards two links carry. Its exit status is diff's:
// 0 the same, 1 different, 2 a link that cannot be read or a usage error.
func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("diff", "diff LINK_A LINK_B [--format text|markdown|json]", stderr,
		"Compares the card LINK_B carries with LINK_A's: each card's score and severity,",
		"the delta (B − A), and every input, layer, threat and finding that differs, by",
		"its path in the JSON export (aivss.factors.autonomy, aivss.cvss_vector.VA,",
		"maestro.layers[2].threats[0].state). A LINK is a whole threatcard URL or its",
		"fragment (quote it for the shell: it holds '&').",
		"",
		"Exit status: 0 the cards are the same, 1 they differ, 2 a link cannot be read",
		"or the command line is wrong.")
	format := fs.String("format", "text", "what to print: text, markdown or json")
	pos, code := parseFlagsAnywhere(fs, args)
	if code >= 0 {
		return code
	}
	switch {
	case len(pos) < 2:
		return usageError(stderr, "diff", "give two links, LINK_A and LINK_B")
	case len(pos) > 2:
		return usageError(stderr, "diff", fmt.Sprintf("two links only; %q is a third argument", pos[2]))
	}
	switch *format {
	case "text", "markdown", "json":
	default:
		return usageError(stderr, "diff", fmt.Sprintf("unknown --format %q; formats are text, markdown and json", *format))
	}
	a, err := link.Decode(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "threatcard diff: LINK_A: %s\n", decodeProblem(err))
		return 2
	}
	b, err := link.Decode(pos[1])
	if err != nil {
		fmt.Fprintf(stderr, "threatcard diff: LINK_B: %s\n", decodeProblem(err))
		return 2
	}
	d := carddiff.Compare(a, b)
	var out []byte
	switch *format {
	case "markdown":
		out = []byte(d.Markdown())
	case "json":
		out = d.JSON()
	default:
		out = []byte(d.Text())
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintf(stderr, "threatcard diff: %v\n", err)
		return 2
	}
	if d.Same() {
		return 0
	}
	return 1
}
