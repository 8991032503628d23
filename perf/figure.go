//go:build perf

package perf

import (
	"fmt"
	"io"
	"strconv"
)

// Figure is one measured number with the goal it is held to.
type Figure struct {
	Name  string
	Value float64
	Unit  string // how Value is printed: see format
	Goal  Goal
}

// Goal is an upper bound on a figure; a zero Goal means "reported only".
type Goal struct {
	Max       float64
	Inclusive bool // ≤ rather than <
}

// Met reports whether the figure keeps its goal.
func (f Figure) Met() bool {
	switch {
	case f.Goal.Max == 0:
		return true
	case f.Goal.Inclusive:
		return f.Value <= f.Goal.Max
	default:
		return f.Value < f.Goal.Max
	}
}

// Text is the figure's value as printed: integers for counts, three
// decimals for ratios and seconds, one for milliseconds.
func (f Figure) Text() string {
	switch f.Unit {
	case "count":
		return strconv.FormatInt(int64(f.Value), 10)
	case "ms":
		return strconv.FormatFloat(f.Value, 'f', 1, 64)
	default:
		return strconv.FormatFloat(f.Value, 'f', 3, 64)
	}
}

// GoalText describes the goal, e.g. "≤ 1.15", or "reported".
func (f Figure) GoalText() string {
	if f.Goal.Max == 0 {
		return "reported"
	}
	op := "<"
	if f.Goal.Inclusive {
		op = "≤"
	}
	return op + " " + strconv.FormatFloat(f.Goal.Max, 'f', -1, 64)
}

// Print writes "name: value", the line make bench promises.
func (f Figure) Print(w io.Writer) {
	fmt.Fprintf(w, "%s: %s\n", f.Name, f.Text())
}
