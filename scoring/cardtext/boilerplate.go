package cardtext

import (
	"strings"
	"unicode/utf8"
)

// boiler is a kind of line that every card prints the same way and that
// carries nothing of this card: headings, the formula, footnotes.
type boiler int

const (
	notBoiler       boiler = iota
	rationaleHead          // "OWASP AIVSS score rationale"
	aivssNote              // the formula lines and the footnote under the factors
	maestroHead            // "MAESTRO 7-layer threat model" and the intro line under it
	maestroFooter          // "MAESTRO — the 7-layer agentic threat-modeling framework (…)"
	tableHeadOrRule        // "| Factor | Value | |" and "|---|---|"
)

var formulaLine = lazy(`(?i)^(?:AIVSS|AARS)\s*=`)

// Keys (see key) of the fixed lines; a line is one of them if its key is
// equal (exact) or starts with it (prefix).
var (
	boilerExact = map[string]boiler{
		"owasp aivss score rationale":      rationaleHead,
		"aivss score rationale":            rationaleHead,
		"maestro 7 layer threat model":     maestroHead,
		"maestro seven layer threat model": maestroHead,
	}
	boilerPrefix = []struct {
		key  string
		kind boiler
	}{
		{"scored with the canonical owasp aivss formula", aivssNote},
		{"per layer threats for this agent", maestroHead},
		{"maestro the 7 layer agentic threat modeling framework", maestroFooter},
	}
)

// maxFixed bounds the characters of a line that matching a fixed line or a
// name looks at; every fixed line's key and every name is shorter.
const maxFixed = 100

// prefix returns s cut to at most n bytes, at a character boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// boilerplate tells which fixed line s is, if any.
func boilerplate(s string) boiler {
	if formulaLine.MatchString(s) {
		return aivssNote
	}
	if strings.HasPrefix(s, "|") {
		cells := tableCells(s)
		if isRule(cells) || (len(cells) > 0 && key(cells[0]) == "factor") {
			return tableHeadOrRule
		}
		return notBoiler
	}
	// The fixed lines are short or known by their start: the key of the
	// first maxFixed characters decides. All begin with one of these.
	if !strings.ContainsRune("OoAaMmSsPp", rune(s[0])) {
		return notBoiler
	}
	k := key(prefix(s, maxFixed))
	if b, ok := boilerExact[k]; ok && len(s) <= maxFixed {
		return b
	}
	for _, p := range boilerPrefix {
		if k == p.key || strings.HasPrefix(k, p.key+" ") {
			return p.kind
		}
	}
	return notBoiler
}

// tableCells splits a table row "| a | b | |" into its cells, spaces
// trimmed, without the empty cells at the end.
func tableCells(s string) []string {
	s = strings.TrimPrefix(s, "|")
	s = strings.TrimSuffix(s, "|")
	cells := strings.Split(s, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

var ruleCell = lazy(`^:?-+:?$`)

// isRule reports whether the cells are a table's separator row "|---|---|".
func isRule(cells []string) bool {
	if len(cells) == 0 {
		return false
	}
	for _, c := range cells {
		if c != "" && !ruleCell.MatchString(c) {
			return false
		}
	}
	return true
}
