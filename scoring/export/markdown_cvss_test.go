package export

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// eUCard has the vector AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N
// with E:U: Base 9.3 in the reference file, CVSS-BT 8.1 (Red Hat's
// cvss40.js); its E:U sets ThM 0.50; AIVSS 9.5 worked by hand (9.3 + 0.7 ×
// 0.65 × 0.5 = 9.5275).
func eUCard() *card.Card {
	c := &card.Card{AIVSS: card.Inputs{Edition: "v0.8",
		CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
		MF:         decimal.Some(decimal.FromInt(1))}}
	for i, v := range []string{"1", "1", "1", "1", "0.5", "0.5", "0.5", "0", "0", "1"} {
		c.AIVSS.Factors[i] = decimal.Some(decimal.MustParse(v))
	}
	return c
}

func TestMarkdownCallsTheBaseScoreTheBaseScore(t *testing.T) {
	md, err := Markdown(eUCard(), "#x")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"AIVSS 9.5 Critical (OWASP AIVSS v0.8)",
		"| CVSS v4.0 base score | 9.3 from `CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U` |",
		"| CVSS-BT score (for reference; AIVSS takes the base score) | 8.1 |",
		"| Threat multiplier (ThM) | 0.5 (Unreported), set by the CVSS vector's Exploit Maturity E:U |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

// A card whose ThM contradicts its vector's E is not scored, and its
// first line says why instead of an empty list of what is missing.
func TestMarkdownOfACardNotScoredSaysWhy(t *testing.T) {
	c := eUCard()
	c.AIVSS.ThM = decimal.Some(decimal.MustParse("0.97"))
	md, err := Markdown(c, "#x")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(md, "\n")
	if !strings.HasPrefix(first, "AIVSS not scored: the threat multiplier (ThM) is 0.97 (Proof-of-Concept), but the CVSS vector's Exploit Maturity E:U (Unreported) sets it to 0.50") {
		t.Errorf("first line %q", first)
	}
}
