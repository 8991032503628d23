package cvss4

import (
	"errors"
	"testing"

	gocvss40 "github.com/pandatix/go-cvss/40"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// FuzzParse checks that Parse never panics, accepts exactly what go-cvss
// accepts, explains every refusal with a bounded *ParseError, and that an
// accepted vector round-trips through String with a score in [0, 10], a
// matching severity and a well-formed MacroVector.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", base, base + "/", "cvss:4.0/AV:N", "CVSS:4.0", "CVSS:4.0/",
		base + "/E:A/CR:H/IR:M/AR:L/MAV:P/MAC:H/MAT:P/MPR:L/MUI:A/MVC:L/MVI:N/MVA:H/MSC:L/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Amber",
		base + "/E:X/E:A", base + "/CR:H/E:A", base + "/U:red", base + "/MSI:S/MSA:S",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N",
		"CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:P/VC:H/VI:N/VA:L/SC:H/SI:N/SA:L/E:X/CR:M/IR:H/AR:H/MAV:N/MAC:X/MAT:N/MPR:N/MUI:A/MVC:N/MVI:X/MVA:N/MSC:N/MSI:X/MSA:N",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		_, gerr := gocvss40.ParseVector(s)
		if (err == nil) != (gerr == nil) {
			t.Fatalf("Parse(%q) error %v, go-cvss error %v: they must agree", s, err, gerr)
		}
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Kind == nil || pe.Msg == "" {
				t.Fatalf("Parse(%q): %#v is not a complete *ParseError", s, err)
			}
			if len(pe.Msg) > 400 {
				t.Fatalf("Parse(%q): %d-byte message", s, len(pe.Msg))
			}
			if pe.Offset < 0 || pe.Offset > len(s) {
				t.Fatalf("Parse(%q): Offset %d outside the input", s, pe.Offset)
			}
			return
		}
		canon := v.String()
		if g, _ := gocvss40.ParseVector(s); canon != g.Vector() || v.goCVSSFloat() != g.Score() {
			t.Fatalf("%q: String() %q, emulated go-cvss score %v; go-cvss writes %q, scores %v",
				s, canon, v.goCVSSFloat(), g.Vector(), g.Score())
		}
		w, err := Parse(canon)
		if err != nil {
			t.Fatalf("canonical %q of %q does not parse: %v", canon, s, err)
		}
		if w.String() != canon {
			t.Fatalf("canonical %q re-parses as %q", canon, w.String())
		}
		score := v.Score()
		if score > decimal.FromInt(10) || score.Hundredths()%10 != 0 {
			t.Fatalf("%q scores %s", s, score)
		}
		if w.Score() != score || w.MacroVector() != v.MacroVector() || w.Nomenclature() != v.Nomenclature() {
			t.Fatalf("%q and its canonical form %q score differently", s, canon)
		}
		sev := v.Severity()
		want := map[bool]string{true: "None"}[score == 0]
		switch {
		case score == 0:
		case score < decimal.FromInt(4):
			want = "Low"
		case score < decimal.FromInt(7):
			want = "Medium"
		case score < decimal.FromInt(9):
			want = "High"
		default:
			want = "Critical"
		}
		if sev != want {
			t.Fatalf("%q scores %s, severity %s", s, score, sev)
		}
		mv := v.MacroVector()
		if len(mv) != 6 || mv[0] > '2' || mv[1] > '1' || mv[2] > '2' || mv[3] > '2' || mv[4] > '2' || mv[5] > '1' || mv[2] == '2' && mv[5] == '0' {
			t.Fatalf("%q has MacroVector %q", s, mv)
		}
		if _, ok := macroScores[mv]; !ok {
			t.Fatalf("%q has MacroVector %q, not in the lookup table", s, mv)
		}
		if d := score - v.GoCVSSScore(); d != 0 && d != 10 {
			t.Fatalf("%q scores %s, go-cvss %s", s, score, v.GoCVSSScore())
		}
	})
}
