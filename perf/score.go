//go:build perf

package main

import (
	"fmt"
	"testing"

	gocvss40 "github.com/pandatix/go-cvss/40"

	"github.com/threatcard/threatcard/scoring/card"
)

// scoreFigure is score_ns_ratio: scoreTimes's two, divided.
func (m *measurer) scoreFigure(add adder) error {
	var ours, ref float64
	err := m.timed("benchmarking card.Evaluate against go-cvss ParseVector+Score", func() (err error) {
		ours, ref, err = scoreTimes(m.root, m.rounds)
		return err
	})
	if err != nil {
		return err
	}
	m.note("score: card.Evaluate of a full CVSS-BTE card %.0f ns/op; go-cvss ParseVector+Score %.0f ns/op (best of %d rounds)", ours, ref, m.rounds)
	add("score_ns_ratio", ours/ref, "ratio")
	return nil
}

// scoreTimes returns the ns/op of card.Evaluate on fullCard (which checks
// the card, parses the vector, scores CVSS and AIVSS: what the page does on
// every change) and of go-cvss's ParseVector and Score of the same vector,
// measured alternately, rounds times each; the best of each is kept, as
// other work on a shared machine only ever slows a run down.
func scoreTimes(root string, rounds int) (ours, goCVSS float64, err error) {
	c, err := fullCard(root)
	if err != nil {
		return 0, 0, err
	}
	if ev := card.Evaluate(c); !ev.Complete() {
		return 0, 0, fmt.Errorf("the benchmark card is incomplete: missing %s, error %v", ev.MissingText(), ev.Err)
	}
	vector := c.AIVSS.CVSSVector
	evaluate := func(b *testing.B) {
		for b.Loop() {
			if ev := card.Evaluate(c); ev.Err != nil {
				b.Fatal(ev.Err)
			}
		}
	}
	reference := func(b *testing.B) {
		for b.Loop() {
			v, err := gocvss40.ParseVector(vector)
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
	return ours, goCVSS, nil
}

func best(sofar float64, r testing.BenchmarkResult) float64 {
	ns := float64(r.T.Nanoseconds()) / float64(r.N)
	if sofar == 0 || ns < sofar {
		return ns
	}
	return sofar
}
