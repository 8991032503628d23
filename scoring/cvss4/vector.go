package cvss4

import "github.com/threatcard/threatcard/scoring/decimal"

// Vector is a parsed, valid CVSS v4.0 vector. Make one with Parse (or
// Build).
type Vector struct {
	vals [numMetrics]uint8 // index into metricTable[m].Values; 0 is X outside Base
}

// String returns the canonical vector: metrics in specification order,
// Not Defined (X) values left out, as go-cvss writes it (TestGoCVSSScoreIsGoCVSSs
// and FuzzParse check that). Parse(v.String()) gives back the same vector.
func (v *Vector) String() string {
	b := make([]byte, 0, 160)
	b = append(b, prefix...)
	for m := range metricTable {
		if m > mSA && v.vals[m] == 0 {
			continue
		}
		b = append(b, '/')
		b = append(b, metricTable[m].Abbrev...)
		b = append(b, ':')
		b = append(b, metricTable[m].Values[v.vals[m]].Abbrev...)
	}
	return string(b)
}

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

// GoCVSSScoreDiffers reports whether GoCVSSScore differs from Score: that
// is, whether go-cvss, and calculators that round like it, show another
// number for this vector.
func (v *Vector) GoCVSSScoreDiffers() bool { return v.GoCVSSScore() != v.Score() }

// Base returns the vector with its Base metrics only: Threat,
// Environmental and Supplemental metrics left out (Not Defined).
func (v *Vector) Base() *Vector {
	b := &Vector{}
	copy(b.vals[:mSA+1], v.vals[:mSA+1])
	return b
}

// BaseScore returns the CVSS-B score of v: the score of its Base metrics
// alone, what the AIVSS editions take as their CVSS input.
func (v *Vector) BaseScore() decimal.Decimal { return v.Base().Score() }

// HasMoreThanBase reports whether v has a Threat or Environmental metric
// that changes its score: its score is then CVSS-BT, -BE or -BTE, not the
// Base score (Nomenclature says which).
func (v *Vector) HasMoreThanBase() bool { return v.Nomenclature() != "CVSS-B" }

// ExploitMaturity returns v's Exploit Maturity (E) value: "A", "P", "U",
// or "X" when the vector does not define it.
func (v *Vector) ExploitMaturity() string { return metricTable[mE].Values[v.vals[mE]].Abbrev }
