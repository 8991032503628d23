package aivss

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// checkCVSSVector checks that a golden case's CVSS v4.0 vector scores the
// CVSS score the case uses, so the AIVSS checks start from the score the
// vector has.
func checkCVSSVector(t *testing.T, vector string, want decimal.Decimal) {
	t.Helper()
	v, err := cvss4.Parse(vector)
	if err != nil {
		t.Fatalf("vector %s: %v", vector, err)
	}
	if got := v.Score(); got != want {
		t.Errorf("vector %s scores %s, the case says %s", vector, got, want)
	}
}
