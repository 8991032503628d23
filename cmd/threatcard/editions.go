//go:build !wasm

package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
)

// runEditions lists the AIVSS editions with their factors, values, ThM and
// MF choices, formula, rounding and bands.
func runEditions(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("editions", "editions", stderr,
		"Lists each AIVSS edition: its factors in order, the values they take,",
		"the threat multiplier and mitigation factor choices, and how it computes.")
	if status, ok := parseFlagsOnly(fs, args); !ok {
		return status
	}
	w := bufio.NewWriter(stdout)
	for i, e := range aivss.Editions() {
		if i > 0 {
			fmt.Fprintln(w)
		}
		writeEdition(w, e)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "threatcard editions: %v\n", err)
		return 1
	}
	return 0
}

func writeEdition(w io.Writer, e *aivss.Edition) {
	def := ""
	if e.ID == aivss.Default {
		def = ", the default"
	}
	fmt.Fprintf(w, "%s: %s (%s, %s%s)\n", e.ID, e.Name, e.Date, e.Status, def)
	fmt.Fprintf(w, "  source: %s\n", e.Source)
	fmt.Fprintf(w, "  factors, in order, each %s:\n", levels(&e.Levels))
	for i, f := range e.Factors {
		fmt.Fprintf(w, "  %2d  %-26s %s\n", i+1, f.ID, f.Name)
	}
	fmt.Fprintf(w, "  thm: %s; default %s\n", e.ThM.Labelled(), e.ThM.Default.Format(2))
	if e.HasMF {
		fmt.Fprintf(w, "  mf:  %s; default %s\n", e.MF.Labelled(), e.MF.Default.Format(2))
	} else {
		fmt.Fprintln(w, "  mf:  none in this edition (leave it out, or give 1)")
	}
	fmt.Fprintln(w, "  formula:")
	for _, line := range e.Formula {
		fmt.Fprintf(w, "    %s\n", line)
	}
	fmt.Fprintf(w, "  rounding: %s\n", e.Rounding)
	fmt.Fprintf(w, "  bands: %s\n", e.Bands)
}

// levels shows the factor values: "0 (None), 0.5 (Partial), 1 (Full)", or
// the range of a continuous scale.
func levels(s *aivss.Scale) string {
	if s.Choices == nil {
		return "any value from " + s.Values() + " with at most two decimals"
	}
	parts := make([]string, len(s.Choices))
	for i, c := range s.Choices {
		parts[i] = c.Value.Format(0) + " (" + c.Label + ")"
	}
	return strings.Join(parts, ", ")
}
