package cardtext

import (
	"fmt"
	"strings"
	"sync"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// edition is the card edition: its factor list fixes where each factor
// row's value goes.
var edition = mustEdition()

func mustEdition() *aivss.Edition {
	ed, err := aivss.Lookup(Edition)
	if err != nil {
		panic("cardtext: " + err.Error()) // the aivss package always has it
	}
	return ed
}

// factorByKey finds a factor by the key of its name. Besides the card's
// own names it knows the short names of AIVSS v0.5 §3.2 ("Tool Use",
// "Memory Use") for the two factors the cards rename. It is built on the
// first import, not when the page starts.
var factorByKey = sync.OnceValue(func() map[string]int {
	m := make(map[string]int)
	for i, f := range edition.Factors {
		m[key(f.Name)] = i
	}
	for id, name := range map[string]string{"tool_use": "Tool Use", "memory_use": "Memory Use"} {
		i, ok := edition.FactorIndex(id)
		if !ok {
			panic("cardtext: the card edition has no factor " + id)
		}
		m[key(name)] = i
	}
	return m
})

// factorNamed returns the index of the factor called name, if any.
func factorNamed(name string) (int, bool) {
	if len(name) > maxFixed {
		return 0, false
	}
	i, ok := factorByKey()[key(name)]
	return i, ok
}

// factorNames lists the card's factor names for an error message.
func factorNames() string {
	names := make([]string, len(edition.Factors))
	for i, f := range edition.Factors {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

// parseFactorValue reads a factor value: a plain decimal from 0.00 to 1.00
// with at most two decimals.
func parseFactorValue(name, s string) (decimal.Decimal, string, error) {
	d, err := decimal.Parse(s)
	if err != nil {
		return 0, fmt.Sprintf("%s: %q is not a factor value (0.00 to 1.00, at most two decimals)", name, s), err
	}
	if d > decimal.FromInt(1) {
		return 0, fmt.Sprintf("%s: %s is above 1.00; factor values are 0.00 to 1.00", name, s), nil
	}
	return d, "", nil
}

// factorOnOneLine matches "Autonomy of Action 0.20" (a grid copied with
// its cells on one line); the name is checked separately.
var factorOnOneLine = lazy(`^(.*?\S)\s*:?\s+([0-9][0-9.]*)$`)
