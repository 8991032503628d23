//go:build perf

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// batchFigure is batch_10k_s: the wall time of the built threatcard score
// --batch over 10,000 generated lines.
func (m *measurer) batchFigure(add adder) error {
	bin, err := m.nativeBuild()
	if err != nil {
		return err
	}
	lines := batchLines(10_000)
	d, err := timeBatch(bin, lines)
	if err != nil {
		return err
	}
	m.note("batch: threatcard score --batch, 10,000 generated lines (%d bytes): %.3f s wall", len(lines), d.Seconds())
	add("batch_10k_s", d.Seconds(), "s")
	return nil
}

// batchLines returns n valid JSON Lines requests for threatcard score
// --batch, varied from a fixed seed: every edition, CVSS as a random Base
// vector or a bare score, factors, ThM and MF drawn from each edition's
// scales, numbers written sometimes as JSON numbers, sometimes as strings,
// optional keys sometimes left out.
func batchLines(n int) []byte {
	rng := rand.New(rand.NewPCG(5, 10_000))
	var base []cvss4.Metric
	for _, m := range cvss4.Metrics() {
		if m.Group == cvss4.Base {
			base = append(base, m)
		}
	}
	editions := aivss.Editions()
	num := func(d decimal.Decimal) string {
		if rng.IntN(2) == 0 {
			return `"` + d.String() + `"`
		}
		return d.String()
	}
	var buf bytes.Buffer
	for range n {
		e := editions[rng.IntN(len(editions))]
		buf.WriteString(`{"edition":"` + e.ID + `",`)
		if rng.IntN(2) == 0 {
			buf.WriteString(`"cvss":"CVSS:4.0`)
			for _, m := range base {
				buf.WriteString("/" + m.Abbrev + ":" + m.Values[rng.IntN(len(m.Values))].Abbrev)
			}
			buf.WriteString(`",`)
		} else {
			buf.WriteString(`"cvss_score":` + num(decimal.FromHundredths(int64(rng.IntN(101))*10)) + `,`)
		}
		buf.WriteString(`"factors":[`)
		for i := range aivss.NumFactors {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteString(num(pick(rng, &e.Levels)))
		}
		buf.WriteByte(']')
		if rng.IntN(4) != 0 {
			buf.WriteString(`,"thm":` + num(pick(rng, &e.ThM)))
		}
		if e.HasMF && rng.IntN(4) != 0 {
			buf.WriteString(`,"mf":` + num(pick(rng, &e.MF)))
		}
		buf.WriteString("}\n")
	}
	return buf.Bytes()
}

// pick draws a value the scale allows.
func pick(rng *rand.Rand, s *aivss.Scale) decimal.Decimal {
	if len(s.Choices) > 0 {
		return s.Choices[rng.IntN(len(s.Choices))].Value
	}
	return s.Min + decimal.Decimal(rng.Int64N(int64(s.Max-s.Min)+1))
}

// timeBatch runs `bin score --batch` on lines and returns its wall time,
// from starting the process to its exit. Every line must be answered
// without an error.
func timeBatch(bin string, lines []byte) (time.Duration, error) {
	in, err := os.CreateTemp("", "threatcard-perf-*.jsonl")
	if err != nil {
		return 0, err
	}
	defer os.Remove(in.Name())
	if _, err := in.Write(lines); err != nil {
		in.Close()
		return 0, err
	}
	if _, err := in.Seek(0, 0); err != nil {
		return 0, err
	}
	defer in.Close()

	var out, stderr bytes.Buffer
	cmd := exec.Command(bin, "score", "--batch")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = in, &out, &stderr
	start := time.Now()
	err = cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("%s score --batch: %v\n%s%s", bin, err, firstError(out.Bytes()), stderr.Bytes())
	}
	want := bytes.Count(lines, []byte("\n"))
	if got := bytes.Count(out.Bytes(), []byte("\n")); got != want {
		return 0, fmt.Errorf("%s score --batch answered %d lines of %d", bin, got, want)
	}
	return elapsed, nil
}

// firstError returns the first error line of batch output.
func firstError(out []byte) string {
	s := bufio.NewScanner(bytes.NewReader(out))
	for s.Scan() {
		if strings.Contains(s.Text(), `"error"`) {
			return s.Text() + "\n"
		}
	}
	return ""
}
