package maestro

import (
	"strconv"
	"strings"
)

// ValueError reports a value that a field of the model does not take.
type ValueError struct {
	Field   string   // e.g. "status", "asi", "likelihood"
	Value   string   // the value given
	Allowed []string // what the field takes
}

func (e *ValueError) Error() string {
	return e.Field + ": " + strconv.Quote(e.Value) + " is not allowed; " + e.Field + " takes " + strings.Join(e.Allowed, ", ")
}
