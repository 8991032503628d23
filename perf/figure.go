//go:build perf

package main

import (
	"fmt"
	"io"
	"strconv"
)

// figure is one measured number with the goal it is held to.
type figure struct {
	name  string
	value float64
	unit  string // how value is printed: see text
	goal  goal
}

// goal is an upper bound on a figure; a zero goal means "reported only".
type goal struct {
	max       float64
	inclusive bool // ≤ rather than <
}

// met reports whether the figure keeps its goal.
func (f figure) met() bool {
	switch {
	case f.goal.max == 0:
		return true
	case f.goal.inclusive:
		return f.value <= f.goal.max
	default:
		return f.value < f.goal.max
	}
}

// text is the figure's value as printed: integers for counts, three
// decimals for ratios, seconds and MiB, one for milliseconds.
func (f figure) text() string {
	switch f.unit {
	case "count":
		return strconv.FormatInt(int64(f.value), 10)
	case "ms":
		return strconv.FormatFloat(f.value, 'f', 1, 64)
	default:
		return strconv.FormatFloat(f.value, 'f', 3, 64)
	}
}

// goalText describes the goal, e.g. "≤ 1.3", or "reported".
func (f figure) goalText() string {
	if f.goal.max == 0 {
		return "reported"
	}
	op := "<"
	if f.goal.inclusive {
		op = "≤"
	}
	return op + " " + strconv.FormatFloat(f.goal.max, 'f', -1, 64)
}

// print writes "name: value", the line make bench promises.
func (f figure) print(w io.Writer) {
	fmt.Fprintf(w, "%s: %s\n", f.name, f.text())
}
