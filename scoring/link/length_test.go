package link

import (
	"os"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardtext"
)

// The size budget of the link: the example card, with all seven layer
// paragraphs, in at most 1,024 characters of fragment; a card with only
// scores in at most 160; the example card with the ten OWASP AIVSS v0.8
// worked examples added as findings within TicketSafe. `make test` runs
// this test with -v so that the three lengths are printed.
func TestLinkLengths(t *testing.T) {
	text, err := os.ReadFile("../../testdata/card-gpt-image-2.txt")
	if err != nil {
		t.Fatal(err)
	}
	imported, err := cardtext.Parse(string(text))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := Encode(imported.Card)
	if err != nil {
		t.Fatal(err)
	}
	// The longest score-only card: a Base vector with its longest values'
	// worth of characters, every factor at 0.5 and two-decimal ThM and MF.
	scores := &card.Card{AIVSS: card.Inputs{
		Edition:    "v0.8",
		CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		ThM:        dec("0.97"),
		MF:         dec("0.83"),
	}}
	for i := range scores.AIVSS.Factors {
		scores.AIVSS.Factors[i] = dec("0.5")
	}
	scoreOnly, err := Encode(scores)
	if err != nil {
		t.Fatal(err)
	}
	// The example card with the ten worked examples of OWASP AIVSS v0.8
	// §3.6 as findings, in v0.8 (the edition they are scored in).
	withScenarios := imported.Card
	if withScenarios.AIVSS.Edition != "v0.8" {
		v08, err := aivss.Lookup("v0.8")
		if err != nil {
			t.Fatal(err)
		}
		card.SwitchCard(withScenarios, v08)
	}
	if err := withScenarios.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	if n := len(withScenarios.Findings()); n != 10 {
		t.Fatalf("the card has %d findings; want the ten scenarios", n)
	}
	scenarios, err := Encode(withScenarios)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seed_link_chars: %d", len(seed))
	t.Logf("score_only_link_chars: %d", len(scoreOnly))
	t.Logf("scenarios_link_chars: %d", len(scenarios))
	if len(scenarios) > TicketSafe {
		t.Errorf("the example card with the ten OWASP scenarios has a link of %d characters; it must stay within TicketSafe, %d", len(scenarios), TicketSafe)
	}
	if len(seed) > 1024 {
		t.Errorf("the example card's link is %d characters; the budget is 1,024", len(seed))
	}
	if len(scoreOnly) > 160 {
		t.Errorf("a score-only link is %d characters; the budget is 160", len(scoreOnly))
	}
}
