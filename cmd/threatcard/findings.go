//go:build !wasm

package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// runFindings prints the scored findings of the card a link carries, one
// line each, highest score first.
func runFindings(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("findings", "findings LINK", stderr,
		"Prints one line per scored finding of the card LINK carries, highest score",
		"first: <id> <score> <severity> <category> — <title>. Findings that are not",
		"scored yet are listed on standard error with what they still need.")
	pos, code := parseFlagsAnywhere(fs, args)
	if code >= 0 {
		return code
	}
	switch {
	case len(pos) == 0:
		return usageError(stderr, "findings", "give the card's LINK")
	case len(pos) > 1:
		return usageError(stderr, "findings", fmt.Sprintf("one LINK only; %q is a second argument", pos[1]))
	}
	c, err := link.Decode(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "threatcard findings: %s\n", decodeProblem(err))
		return 1
	}
	fsd := c.Findings()
	card.RankFindings(fsd)
	w := bufio.NewWriter(stdout)
	for _, f := range fsd {
		a := &f.Threat.AIVSS
		if !f.Eval.Complete() {
			why := "needs " + f.Eval.MissingText()
			if f.Eval.Err != nil {
				why = f.Eval.Err.Error()
			}
			fmt.Fprintf(stderr, "threatcard findings: %s is not scored: %s\n", a.ID, why)
			continue
		}
		category := "(no category)"
		if a.Category.Valid() {
			category = a.Category.String()
		}
		r := f.Eval.Result
		fmt.Fprintf(w, "%s %s %s %s — %s\n", a.ID, r.Score, r.Severity, category, f.Threat.Name())
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "threatcard findings: %v\n", err)
		return 1
	}
	return 0
}
