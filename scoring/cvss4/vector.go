package cvss4

import (
	"math"

	gocvss40 "github.com/pandatix/go-cvss/40"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// Vector is a parsed, valid CVSS v4.0 vector. Make one with Parse; the
// zero Vector is not usable.
type Vector struct {
	g    *gocvss40.CVSS40
	vals [numMetrics]uint8 // index into metricTable[m].Values; 0 is X outside Base
}

// String returns the canonical vector: metrics in specification order,
// Not Defined (X) values left out. Parse(v.String()) gives back the same
// vector.
func (v *Vector) String() string { return v.g.Vector() }

// Get returns the value of the metric abbreviated metric ("AV", "MSI") as
// written in a vector ("N", "S"), "X" for a metric outside Base that the
// vector leaves out, and false for a name that is no CVSS v4.0 metric.
func (v *Vector) Get(metric string) (string, bool) {
	m := metricIndex(metric)
	if m < 0 {
		return "", false
	}
	return metricTable[m].Values[v.vals[m]].Abbrev, true
}

// Nomenclature names the metric groups the score draws on: "CVSS-B" (Base
// only), "CVSS-BT" (with Threat), "CVSS-BE" (with Environmental) or
// "CVSS-BTE". Metrics set to X, and Supplemental metrics, do not count.
func (v *Vector) Nomenclature() string {
	t := v.vals[mE] != 0
	e := false
	for m := mCR; m <= mMSA; m++ {
		e = e || v.vals[m] != 0
	}
	switch {
	case t && e:
		return "CVSS-BTE"
	case t:
		return "CVSS-BT"
	case e:
		return "CVSS-BE"
	}
	return "CVSS-B"
}

// Severity returns the qualitative rating of v's score (see Severity).
func (v *Vector) Severity() string { return Severity(v.Score()) }

// GoCVSSScore returns the score go-cvss v0.6.4 itself computes for v. It
// rounds the interpolated score without the 2024 fix, so it is 0.1 lower
// than Score on about 0.4 % of vectors (450 of the 104,976 Base vectors)
// and never higher as far as measured. It is not the FIRST-hosted
// calculator's score: that one also lacks the fix but computes differently
// and disagrees with go-cvss on 72 Base vectors (research/peers.md §3).
func (v *Vector) GoCVSSScore() decimal.Decimal {
	return decimal.FromHundredths(int64(math.Round(v.g.Score()*10)) * 10)
}

// GoCVSSScoreDiffers reports whether GoCVSSScore differs from Score: that
// is, whether go-cvss, and calculators that round like it, show another
// number for this vector.
func (v *Vector) GoCVSSScoreDiffers() bool { return v.GoCVSSScore() != v.Score() }
