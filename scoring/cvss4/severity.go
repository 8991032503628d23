package cvss4

import "github.com/threatcard/threatcard/scoring/decimal"

// Severity returns the CVSS v4.0 qualitative rating of a score: "None"
// (0.0), "Low" (0.1-3.9), "Medium" (4.0-6.9), "High" (7.0-8.9) or
// "Critical" (9.0-10.0). A value above 10.0 is no CVSS score and gets "".
func Severity(score decimal.Decimal) string {
	switch {
	case score == 0:
		return "None"
	case score < decimal.FromInt(4):
		return "Low"
	case score < decimal.FromInt(7):
		return "Medium"
	case score < decimal.FromInt(9):
		return "High"
	case score <= decimal.FromInt(10):
		return "Critical"
	}
	return ""
}
