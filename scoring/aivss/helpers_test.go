package aivss

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// factors parses ten comma-separated values, or fewer with the rest 0.
func factors(t *testing.T, list string) (f [NumFactors]decimal.Decimal) {
	t.Helper()
	if list == "" {
		return f
	}
	for i, s := range strings.Split(list, ",") {
		f[i] = decimal.MustParse(s)
	}
	return f
}

// opt is an Optional from text, unset for "".
func opt(s string) decimal.Optional {
	if s == "" {
		return decimal.Optional{}
	}
	return decimal.Some(decimal.MustParse(s))
}

// scoreCase is one row of an edition's edge table.
type scoreCase struct {
	name     string
	cvss     string
	factors  string // comma-separated, missing ones 0
	thm, mf  string // "" = the edition's default
	aars     string // "" = not checked
	raw      string // "" = not checked
	score    string
	severity Severity
}

func runScoreCases(t *testing.T, edition string, cases []scoreCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Score(Inputs{Edition: edition, CVSS: decimal.MustParse(c.cvss), Factors: factors(t, c.factors),
				ThM: opt(c.thm), MF: opt(c.mf)})
			if err != nil {
				t.Fatal(err)
			}
			if r.Edition != edition {
				t.Errorf("edition %q, want %q", r.Edition, edition)
			}
			if c.aars != "" && r.AARS != c.aars {
				t.Errorf("AARS %s, want %s", r.AARS, c.aars)
			}
			if c.raw != "" && r.Raw != c.raw {
				t.Errorf("raw %s, want %s", r.Raw, c.raw)
			}
			if r.Score != c.score || r.Severity != c.severity {
				t.Errorf("score %s %s, want %s %s", r.Score, r.Severity, c.score, c.severity)
			}
			if want := decimal.MustParse(c.score); r.Value != want {
				t.Errorf("value %s, want %s", r.Value, want)
			}
		})
	}
}

// errorCase is an input an edition refuses, with the message it gives.
type errorCase struct {
	name    string
	cvss    string
	factors string
	thm, mf string
	want    string
}

func runErrorCases(t *testing.T, edition string, cases []errorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Score(Inputs{Edition: edition, CVSS: decimal.MustParse(c.cvss), Factors: factors(t, c.factors),
				ThM: opt(c.thm), MF: opt(c.mf)})
			if _, ok := err.(*ValueError); !ok {
				t.Fatalf("err %v (%T), want a *ValueError", err, err)
			}
			if err.Error() != c.want {
				t.Errorf("error\n%s\nwant\n%s", err, c.want)
			}
		})
	}
}
