package aivss

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
)

func TestScaleDescribe(t *testing.T) {
	v08, _ := Lookup("v0.8")
	card, _ := Lookup("card")
	tests := []struct {
		scale  *Scale
		value  string
		places int
		want   string
	}{
		{&v08.ThM, "0.97", 2, "0.97 (Proof-of-Concept)"},
		{&v08.MF, "1", 2, "1.00 (None)"},
		{&v08.Levels, "0.5", 0, "0.5 (Partial)"},
		{&v08.Levels, "1", 0, "1 (Full)"},
		{&card.Levels, "0.35", 0, "0.35"},
		{&card.ThM, "1.1", 2, "1.10"},
	}
	for _, tt := range tests {
		if got := tt.scale.Describe(decimal.MustParse(tt.value), tt.places); got != tt.want {
			t.Errorf("Describe(%s, %d) = %q; want %q", tt.value, tt.places, got, tt.want)
		}
	}
}
