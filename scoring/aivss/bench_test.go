package aivss

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
)

func benchScore(b *testing.B, edition, list string) {
	var f [NumFactors]decimal.Decimal
	for i, v := range []string{"1", "1", "0.5", "1", "0", "0.5", "1", "0", "0.5", "1"} {
		f[i] = decimal.MustParse(v)
	}
	if list != "" {
		for i, v := range []string{"0.2", "0.2", "0.1", "0.3", "0.1", "0.3", "0.1", "0.1", "0.8", "0.7"} {
			f[i] = decimal.MustParse(v)
		}
	}
	in := Inputs{Edition: edition, CVSS: decimal.MustParse("9.3"), Factors: f, ThM: decimal.Some(97)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Score(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScoreV08(b *testing.B)  { benchScore(b, "v0.8", "") }
func BenchmarkScoreV05(b *testing.B)  { benchScore(b, "v0.5", "") }
func BenchmarkScoreCard(b *testing.B) { benchScore(b, "card", "seed") }
