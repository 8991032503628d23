package card

import (
	"errors"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/maestro"
)

func TestLocationNamesTheFieldInAPersonsWordsAndItsPath(t *testing.T) {
	v08, _ := aivss.Lookup("v0.8")
	tests := []struct {
		loc        Location
		name, path string
	}{
		{Location{Section: SectionCard}, "the card", ""},
		{Location{Section: SectionTitle}, "the title", "title"},
		{Location{Section: SectionSummary}, "the summary", "summary"},
		{Location{Section: SectionAIVSS, Input: InputFactor, Factor: v08.Factors[0]}, "Execution Autonomy", "aivss.factors.autonomy"},
		{Location{Section: SectionAIVSS, Input: InputThM}, "the threat multiplier (ThM)", "aivss.thm"},
		{Location{Section: SectionAIVSS, Input: InputMF}, "the mitigation factor (MF)", "aivss.mf"},
		{Location{Section: SectionAIVSS, Input: InputCVSSVector}, "the CVSS vector", "aivss.cvss_vector"},
		{Location{Section: SectionMAESTRO}, "the threat model", "maestro"},
		{Location{Section: SectionLayer, Layer: maestro.Layer(3), Field: "notes"}, "the notes of L3 Agent Frameworks", "maestro.layers[2].notes"},
		{Location{Section: SectionLayer, Layer: maestro.Layer(2), Threat: 5, Field: "description"},
			"the description of threat 5 of L2 Data Operations", "maestro.layers[1].threats[4].description"},
		{Location{Section: SectionLayer, Layer: maestro.Layer(1), Threat: 1}, "threat 1 of L1 Foundation Models", "maestro.layers[0].threats[0]"},
		{Location{Section: SectionCrossLayer, Threat: 2, Field: "layers"}, "the layers of cross-layer threat 2", "maestro.cross_layer[1].layers"},
	}
	for _, tt := range tests {
		if got := tt.loc.Name(); got != tt.name {
			t.Errorf("%+v: Name = %q; want %q", tt.loc, got, tt.name)
		}
		if got := tt.loc.Path(); got != tt.path {
			t.Errorf("%+v: Path = %q; want %q", tt.loc, got, tt.path)
		}
	}
}

// Messages about inputs use the factor's and the edition's display names,
// never their ids.
func TestFieldErrorsSpeakInDisplayNames(t *testing.T) {
	c := &Card{AIVSS: Inputs{Edition: "card"}}
	c.AIVSS.Factors[0] = dec("2")
	err := c.Validate()
	want := "Autonomy of Action is 2.0; the AgentReady threat-model cards edition takes 0 to 1"
	if err == nil || err.Error() != want {
		t.Errorf("Validate = %v; want %q", err, want)
	}
	c = &Card{AIVSS: Inputs{Edition: "v0.8"}}
	c.AIVSS.Factors[7] = dec("0.3")
	if err := c.Validate(); err == nil || err.Error() != "Dynamic Identity is 0.3; OWASP AIVSS v0.8 takes 0, 0.5 or 1" {
		t.Errorf("Validate = %v", err)
	}
}

// AIVSS takes the CVSS v4.0 Base score (v0.8 §3.1.1); its ThM levels are
// CVSS v4.0's Exploit Maturity values. So a vector with E:U enters with its
// Base score, 9.3 in the reference file, not its CVSS-BT score, and sets
// ThM to Unreported, 0.50. The factors 1,1,1,1,0.5,0.5,0.5,0,0,1 add up
// to 6.5, so AARS = 0.7 × 0.65 × 0.5 = 0.2275 and AIVSS = 9.5275 → 9.5,
// as issue 10 states for this vector.
func TestEvaluateCountsExploitMaturityOnce(t *testing.T) {
	const vec = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"
	c := &Card{AIVSS: Inputs{Edition: "v0.8", CVSSVector: vec, MF: dec("1")}}
	for i, v := range []string{"1", "1", "1", "1", "0.5", "0.5", "0.5", "0", "0", "1"} {
		c.AIVSS.Factors[i] = dec(v)
	}
	ev := Evaluate(c)
	if !ev.Complete() {
		t.Fatalf("Evaluate: missing %s, err %v", ev.MissingText(), ev.Err)
	}
	if ev.Result.CVSS != "9.3" || ev.Result.Score != "9.5" || !ev.ThMFromVector || ev.ThM != dec("0.5") {
		t.Errorf("CVSS %s, score %s, ThM %v from the vector %v; want 9.3, 9.5, 0.50 from the vector",
			ev.Result.CVSS, ev.Result.Score, ev.ThM, ev.ThMFromVector)
	}
	// The same ThM given as well is no contradiction.
	c.AIVSS.ThM = dec("0.5")
	if ev := Evaluate(c); !ev.Complete() || ev.Result.Score != "9.5" || ev.ThMFromVector {
		t.Errorf("with ThM 0.50 too: score %s, err %v, from the vector %v", ev.Result.Score, ev.Err, ev.ThMFromVector)
	}
	// A contradicting ThM is an error naming both; the card is still valid.
	c.AIVSS.ThM = dec("0.97")
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v; a contradiction is the evaluation's error, so the link still opens", err)
	}
	ev = Evaluate(c)
	fe, ok := errors.AsType[*FieldError](ev.Err)
	if !ok || fe.Loc.Input != InputThM || !strings.Contains(fe.Error(), "0.97 (Proof-of-Concept)") || !strings.Contains(fe.Error(), "E:U (Unreported)") {
		t.Errorf("Evaluate error = %v; want one on ThM naming 0.97 (Proof-of-Concept) and E:U (Unreported)", ev.Err)
	}
}

func TestMissingTextNamesFactorsOrCountsThem(t *testing.T) {
	v08, _ := aivss.Lookup("v0.8")
	cvss := Location{Section: SectionAIVSS, Input: InputCVSSVector}
	thm := Location{Section: SectionAIVSS, Input: InputThM}
	mf := Location{Section: SectionAIVSS, Input: InputMF}
	factor := func(i int) Location {
		return Location{Section: SectionAIVSS, Input: InputFactor, Factor: v08.Factors[i]}
	}
	tests := []struct {
		missing []Location
		want    string
	}{
		{[]Location{cvss, thm, mf}, "CVSS, ThM, MF"},
		{[]Location{factor(1), factor(9), mf}, "External Tool Control Surface, Self-Modification, MF"},
		{[]Location{cvss, factor(0), factor(1), factor(2), factor(3)}, "CVSS, 4 of 10 factors"},
	}
	for _, tt := range tests {
		ev := Evaluation{Missing: tt.missing}
		if got := ev.MissingText(); got != tt.want {
			t.Errorf("MissingText = %q, want %q", got, tt.want)
		}
	}
}

func TestFieldErrorVerbAgreesWithAPluralField(t *testing.T) {
	c := &Card{AIVSS: Inputs{Edition: "v0.8"}}
	c.MAESTRO.Layers[2].Notes = strings.Repeat("x", MaxNotes+1)
	want := "the notes of L3 Agent Frameworks have 4001 characters; the limit is 4000"
	if err := c.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate = %v; want %q", err, want)
	}
}
