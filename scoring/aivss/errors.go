package aivss

import (
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// UnknownEditionError reports an edition id that is not one of Editions().
type UnknownEditionError struct {
	ID string // the id as given
}

func (e *UnknownEditionError) Error() string {
	ids := make([]string, 0, len(editions))
	for _, ed := range editions {
		ids = append(ids, ed.ID)
	}
	return "unknown AIVSS edition " + strconv.Quote(e.ID) + "; editions are " + strings.Join(ids, ", ")
}

// ValueError reports an input value that an edition does not accept: a
// factor value off the edition's grid, a ThM or MF that is not one of its
// choices, or a CVSS score out of range.
type ValueError struct {
	Edition string          // the edition id
	Input   string          // "cvss", "thm", "mf", or a factor id
	Factor  bool            // whether Input is a factor id
	Value   decimal.Decimal // the value given
	Allowed string          // what the input takes, for a person to act on
}

func (e *ValueError) Error() string {
	ed, _ := Lookup(e.Edition)
	name, in := e.Input, e.Edition
	if ed != nil {
		in = ed.Called
		switch {
		case e.Factor:
			if i, ok := ed.FactorIndex(e.Input); ok {
				name = ed.Factors[i].Name + " (" + e.Input + ")"
			}
		case e.Input == "thm":
			name = "ThM"
		case e.Input == "mf":
			name = "MF"
		case e.Input == "cvss":
			name = "CVSS"
		}
	}
	return name + ": " + e.Value.String() + " is not allowed in " + in + "; " + e.Allowed
}
