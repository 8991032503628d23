package cardjson

import (
	"encoding/json"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// A card whose vector has E:U: the JSON carries its Base score as what
// AIVSS takes (9.3 in the reference file), its CVSS-BT score for
// reference (8.1, Red Hat's cvss40.js), the ThM its E sets, and the score
// worked by hand: 9.3 + 0.7 × 0.65 × 0.5 = 9.5275 → 9.5.
func TestJSONLabelsTheBaseScoreAndTheVectorsOtherScore(t *testing.T) {
	c := &card.Card{Title: "E:U", AIVSS: card.Inputs{Edition: "v0.8",
		CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
		MF:         decimal.Some(decimal.FromInt(1))}}
	for i, v := range []string{"1", "1", "1", "1", "0.5", "0.5", "0.5", "0", "0", "1"} {
		c.AIVSS.Factors[i] = decimal.Some(decimal.MustParse(v))
	}
	doc, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateJSON(t, compileSchema(t), doc); err != nil {
		t.Fatalf("the export is not valid against the schema: %v", err)
	}
	var got struct {
		AIVSS struct {
			Score, CVSSBase, ThM string
			ThMFromVector        string                               `json:"thm_from_vector"`
			Base                 string                               `json:"cvss_base"`
			Other                struct{ Nomenclature, Score string } `json:"cvss_other"`
		} `json:"aivss"`
	}
	if err := json.Unmarshal(doc, &got); err != nil {
		t.Fatal(err)
	}
	a := got.AIVSS
	if a.Score != "9.5" || a.Base != "9.3" || a.Other.Nomenclature != "CVSS-BT" || a.Other.Score != "8.1" || a.ThMFromVector != "0.5" {
		t.Errorf("aivss %+v; want score 9.5, cvss_base 9.3, cvss_other CVSS-BT 8.1, thm_from_vector 0.5", a)
	}
	back, err := Unmarshal(doc)
	if err != nil || back.AIVSS != c.AIVSS {
		t.Errorf("Unmarshal of the export = %+v, %v; want the card's inputs back", back, err)
	}
}

// One card, one spelling: a vector that parses enters in canonical form,
// as link.Decode takes it.
func TestUnmarshalWritesAVectorInCanonicalForm(t *testing.T) {
	doc := `{"format":"threatcard/2","aivss":{"edition":"v0.8","cvss_vector":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X"},
		"maestro":{"layers":[{"layer":1},{"layer":2},{"layer":3},{"layer":4},{"layer":5},{"layer":6},{"layer":7}]}}`
	c, err := Unmarshal([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if want := "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"; c.AIVSS.CVSSVector != want {
		t.Errorf("vector %s, want %s", c.AIVSS.CVSSVector, want)
	}
}
