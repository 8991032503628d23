package cvss4

import (
	"testing"

	gocvss40 "github.com/pandatix/go-cvss/40"
)

// benchVector uses every metric group (CVSS-BTE with Supplemental).
const benchVector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:H/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:H/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green"

// BenchmarkParseScore is this package's Parse and Score of a full vector;
// compare with BenchmarkGoCVSSParseScore (the budget is 1.5× that).
func BenchmarkParseScore(b *testing.B) {
	for b.Loop() {
		v, err := Parse(benchVector)
		if err != nil {
			b.Fatal(err)
		}
		_ = v.Score()
	}
}

// BenchmarkGoCVSSParseScore is go-cvss's ParseVector and Score of the same
// vector.
func BenchmarkGoCVSSParseScore(b *testing.B) {
	for b.Loop() {
		v, err := gocvss40.ParseVector(benchVector)
		if err != nil {
			b.Fatal(err)
		}
		_ = v.Score()
	}
}

// BenchmarkMacroVector measures the MacroVector the UI shows on every change.
func BenchmarkMacroVector(b *testing.B) {
	v, err := Parse(benchVector)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		_ = v.MacroVector()
	}
}
