package card

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/decimal"
)

func TestSwitchEditionCarriesWhatMeansTheSameAndSaysWhatDoesNot(t *testing.T) {
	v08, _ := aivss.Lookup("v0.8")
	v05, _ := aivss.Lookup("v0.5")

	// v0.8 with every factor set, ThM Unreported, MF Partial, to v0.5:
	// nine factors carry over, Natural Language Interface has no
	// counterpart, ThM stays Unreported (0.91 in v0.5), v0.5 has no MF.
	in := Inputs{Edition: "v0.8", CVSSScore: dec("9.3"), ThM: dec("0.5"), MF: dec("0.83")}
	for i := range in.Factors {
		in.Factors[i] = dec("1")
	}
	out, sw := SwitchEdition(in, v05)
	if out.Edition != "v0.5" || out.CVSSScore != in.CVSSScore || out.ThM != dec("0.91") || out.MF.Set {
		t.Errorf("inputs %+v; want v0.5, CVSS 9.3, ThM 0.91, no MF", out)
	}
	set := 0
	for i, f := range out.Factors {
		if f.Set {
			set++
			if f.Value != decimal.FromInt(1) {
				t.Errorf("%s = %s, want 1", v05.Factors[i].Name, f.Value)
			}
		}
	}
	if set != 9 || out.Factors[7].Set {
		t.Errorf("%d factors set, Goal-Driven Planning %v; want 9, and it unset", set, out.Factors[7])
	}
	text := sw.Text()
	for _, want := range []string{"OWASP AIVSS v0.5 has no counterpart of Natural Language Interface.", "To set: Goal-Driven Planning.",
		"ThM kept as Unreported, which is 0.91 here (it was 0.50)", "OWASP AIVSS v0.5 has no MF", "Switching back to OWASP AIVSS v0.8 restores"} {
		if !strings.Contains(text, want) {
			t.Errorf("Text = %q; want it to say %q", text, want)
		}
	}
	if err := (&Card{AIVSS: out}).Validate(); err != nil {
		t.Errorf("the switched card is not valid: %v", err)
	}

	// The card edition's 0.3 is not on v0.8's grid: it is named, not rounded.
	in = Inputs{Edition: "card", ThM: dec("1.05"), MF: dec("0.67")}
	in.Factors[0] = dec("0.3")
	in.Factors[3] = dec("0.5")
	out, sw = SwitchEdition(in, v08)
	if out.Factors[0].Set || out.Factors[1] != dec("0.5") || out.ThM != dec("0.97") || out.MF != dec("0.67") {
		t.Errorf("inputs %+v; want Execution Autonomy unset, External Tool Control Surface 0.5, ThM default 0.97, MF 0.67", out)
	}
	text = sw.Text()
	for _, want := range []string{"Not carried over, as OWASP AIVSS v0.8 takes only 0, 0.5 or 1: Execution Autonomy (Autonomy of Action was 0.3).",
		"Carried over: External Tool Control Surface", "To set: Execution Autonomy, Natural Language Interface, Contextual Awareness,",
		"ThM 1.05 is not taken here; set to the default, 0.97 (Proof-of-Concept)", "MF kept as 0.67 (Strong)"} {
		if !strings.Contains(text, want) {
			t.Errorf("Text = %q; want it to say %q", text, want)
		}
	}
	if err := (&Card{AIVSS: out}).Validate(); err != nil {
		t.Errorf("the switched card is not valid: %v", err)
	}
}

// v0.5 to the card edition: the same factors, every grid value taken.
func TestSwitchEditionFromV05ToCardCarriesEveryFactor(t *testing.T) {
	cardEd, _ := aivss.Lookup("card")
	in := Inputs{Edition: "v0.5", ThM: dec("0.97")}
	for i := range in.Factors {
		in.Factors[i] = dec("0.5")
	}
	out, sw := SwitchEdition(in, cardEd)
	for i, f := range out.Factors {
		if f != dec("0.5") {
			t.Errorf("%s = %v, want 0.5", cardEd.Factors[i].Name, f)
		}
	}
	if !strings.Contains(sw.Text(), "All 10 factors carried over") || out.ThM != dec("0.97") || out.MF != dec("1") {
		t.Errorf("%q, ThM %v, MF %v; want all carried, ThM 0.97, MF the default 1", sw.Text(), out.ThM, out.MF)
	}
}
