package aivssreport

import (
	"strconv"
	"strings"
)

// vulnPath is the path of the i-th vulnerability (from 0).
func vulnPath(i int) string { return "vulnerabilities[" + strconv.Itoa(i) + "]" }

// within returns path as seen from inside the i-th vulnerability
// ("scores.aivss" for "vulnerabilities[2].scores.aivss"); the path
// itself when it is not inside it.
func within(path string, i int) string {
	if i < 0 {
		return path
	}
	if rest, ok := strings.CutPrefix(path, vulnPath(i)+"."); ok {
		return rest
	}
	return path
}
