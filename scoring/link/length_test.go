package link

import (
	"os"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardtext"
)

// The size budget of format 1: the example card, with all seven layer
// paragraphs, in at most 1,024 characters of fragment; a card with only
// scores in at most 160. `make test` runs this test with -v so that the
// two lengths are printed.
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
	t.Logf("seed_link_chars: %d", len(seed))
	t.Logf("score_only_link_chars: %d", len(scoreOnly))
	if len(seed) > 1024 {
		t.Errorf("the example card's link is %d characters; the budget is 1,024", len(seed))
	}
	if len(scoreOnly) > 160 {
		t.Errorf("a score-only link is %d characters; the budget is 160", len(scoreOnly))
	}
}
