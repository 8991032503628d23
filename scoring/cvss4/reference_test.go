package cvss4

import (
	"bufio"
	"compress/gzip"
	gocvss40 "github.com/pandatix/go-cvss/40"
	"os"
	"strings"
	"testing"
)

// referenceFile holds every CVSS v4.0 Base vector (104,976) with its score
// and severity from the Red Hat cvss40.js at commit d1eafe0.
const referenceFile = "../../testdata/cvss4-base-reference.txt.gz"

// TestEveryBaseVectorScoresAsReference parses each vector of the reference
// file and compares the score and severity with the reference's.
func TestEveryBaseVectorScoresAsReference(t *testing.T) {
	sc := openReference(t)
	lines, mismatches, goDiffers := 0, 0, 0
	for sc.Scan() {
		lines++
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			t.Fatalf("line %d: want <vector> <score> <severity>, got %q", lines, sc.Text())
		}
		vec, wantScore, wantSev := fields[0], fields[1], fields[2]
		v, err := Parse(vec)
		if err != nil {
			t.Errorf("line %d: Parse(%s): %v", lines, vec, err)
			mismatches++
			continue
		}
		if got := v.Score().Format(1); got != wantScore {
			t.Errorf("line %d: %s scores %s, reference %s", lines, vec, got, wantScore)
			mismatches++
		}
		if got := v.Severity(); got != wantSev {
			t.Errorf("line %d: %s severity %s, reference %s", lines, vec, got, wantSev)
			mismatches++
		}
		if got := v.String(); got != vec {
			t.Errorf("line %d: canonical form %s, want %s unchanged", lines, got, vec)
		}
		if got := v.Nomenclature(); got != "CVSS-B" {
			t.Errorf("line %d: %s nomenclature %s, want CVSS-B", lines, vec, got)
		}
		if v.GoCVSSScoreDiffers() {
			goDiffers++
		}
		if g, _ := gocvss40.ParseVector(vec); v.goCVSSFloat() != g.Score() {
			t.Errorf("line %d: %s: emulated go-cvss score %v, go-cvss %v", lines, vec, v.goCVSSFloat(), g.Score())
			mismatches++
		}
		if mismatches > 20 {
			t.Fatal("too many mismatches, stopping")
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != 104976 {
		t.Errorf("reference file has %d lines, want 104976 (all Base vectors)", lines)
	}
	// research/peers.md §3 measured go-cvss v0.6.4 0.1 low on 450 of them.
	if goDiffers != 450 {
		t.Errorf("go-cvss differs from the reference on %d Base vectors, measured 450", goDiffers)
	}
}

// openReference opens the reference file for reading line by line; it is
// closed when the test ends.
func openReference(t *testing.T) *bufio.Scanner {
	t.Helper()
	f, err := os.Open(referenceFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return bufio.NewScanner(zr)
}
