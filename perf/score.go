//go:build perf

package perf

import (
	"testing"

	gocvss40 "github.com/pandatix/go-cvss/40"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// fullVector uses every CVSS v4.0 metric group (CVSS-BTE with
// Supplemental), as scoring/cvss4's benchmarks do.
const fullVector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:H/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:H/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green"

// fullCard is a complete v0.8 card scored from fullVector; its ThM agrees
// with the vector's Exploit Maturity.
func fullCard() *card.Card {
	c := &card.Card{AIVSS: card.Inputs{
		Edition:    "v0.8",
		CVSSVector: fullVector,
		ThM:        decimal.Some(decimal.MustParse("0.5")), // Unreported, as the vector's E:U says
		MF:         decimal.Some(decimal.MustParse("0.83")),
	}}
	for i, v := range []string{"1", "1", "0.5", "1", "0", "0.5", "1", "0", "0.5", "1"} {
		c.AIVSS.Factors[i] = decimal.Some(decimal.MustParse(v))
	}
	return c
}

// ScoreTimes returns the ns/op of card.Evaluate on fullCard (which checks
// the card, parses the vector, scores CVSS and AIVSS: what the page does on
// every change) and of go-cvss's ParseVector and Score of the same vector,
// measured alternately, rounds times each; the best of each is kept, as
// other work on a shared machine only ever slows a run down.
func ScoreTimes(rounds int) (ours, goCVSS float64) {
	c := fullCard()
	if ev := card.Evaluate(c); !ev.Complete() {
		panic("perf: the benchmark card is incomplete")
	}
	evaluate := func(b *testing.B) {
		for b.Loop() {
			if ev := card.Evaluate(c); ev.Err != nil {
				b.Fatal(ev.Err)
			}
		}
	}
	reference := func(b *testing.B) {
		for b.Loop() {
			v, err := gocvss40.ParseVector(fullVector)
			if err != nil {
				b.Fatal(err)
			}
			_ = v.Score()
		}
	}
	for range rounds {
		ours = best(ours, testing.Benchmark(evaluate))
		goCVSS = best(goCVSS, testing.Benchmark(reference))
	}
	return ours, goCVSS
}

func best(sofar float64, r testing.BenchmarkResult) float64 {
	ns := float64(r.T.Nanoseconds()) / float64(r.N)
	if sofar == 0 || ns < sofar {
		return ns
	}
	return sofar
}
