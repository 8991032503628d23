//go:build !wasm

package main

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/link"
)

// noisy matches a number with more than four decimals: no number the
// command line writes has one (numtext's rule for intermediates), and the
// random cards' own text holds none.
var noisy = regexp.MustCompile(`[0-9]\.[0-9]{5,}`)

// Exports of random cards of every edition, and the score of their
// inputs, hold no floating-point noise. The card edition computes in
// float64, where noise like 9.442590000000001 is common.
func TestOutputsOfRandomCardsHoldNoFloatNoise(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 10))
	perEdition := map[string]int{}
	scored := 0
	for n := 0; n < 400; n++ {
		c := cardtest.Random(r)
		perEdition[c.AIVSS.Edition]++
		fragment, err := link.Encode(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range []string{"markdown", "json", "svg"} {
			var out, errOut bytes.Buffer
			if status := runExport([]string{"#" + fragment, "--format", format}, nil, &out, &errOut); status != 0 {
				t.Fatalf("export --format %s: status %d, %s", format, status, errOut.String())
			}
			if m := noisy.FindString(out.String()); m != "" {
				t.Fatalf("export --format %s of %s writes %s", format, fragment, m)
			}
		}
		if args, ok := scoreArgs(c); ok {
			var out, errOut bytes.Buffer
			if status := runScore(args, nil, &out, &errOut); status != 0 {
				t.Fatalf("score %q: status %d, %s", args, status, errOut.String())
			}
			if m := noisy.FindString(out.String()); m != "" {
				t.Fatalf("score %q writes %s", args, m)
			}
			scored++
		}
	}
	for _, ed := range []string{"v0.8", "v0.5", "card"} {
		if perEdition[ed] < 50 {
			t.Errorf("only %d random cards of %s", perEdition[ed], ed)
		}
	}
	if scored < 30 {
		t.Errorf("only %d complete cards scored", scored)
	}
}

// scoreArgs are the score command's flags for a complete card.
func scoreArgs(c *card.Card) ([]string, bool) {
	ev := card.Evaluate(c)
	if !ev.Complete() {
		return nil, false
	}
	in := &c.AIVSS
	args := []string{"--edition", in.Edition, "--json"}
	if in.CVSSVector != "" {
		args = append(args, "--cvss", in.CVSSVector)
	} else {
		args = append(args, "--cvss-score", in.CVSSScore.Value.String())
	}
	factors := make([]string, len(in.Factors))
	for i, f := range in.Factors {
		factors[i] = f.Value.String()
	}
	args = append(args, "--factors", strings.Join(factors, ","))
	if in.ThM.Set {
		args = append(args, "--thm", in.ThM.Value.String())
	}
	if in.MF.Set {
		args = append(args, "--mf", in.MF.Value.String())
	}
	return args, true
}
