//go:build perf

package perf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardtext"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
)

// Files in the module the figures are measured with.
const (
	exampleCardFile  = "testdata/card-gpt-image-2.txt"
	completeCardFile = "scoring/link/testdata/links/v08-tool-misuse-scores-only.link"
)

// ExampleCard is the example card (the published GPT Image 2 card,
// imported as `threatcard import` does) and its link, without '#'.
func ExampleCard(root string) (*card.Card, string, error) {
	text, err := os.ReadFile(filepath.Join(root, exampleCardFile))
	if err != nil {
		return nil, "", err
	}
	imported, err := cardtext.Parse(string(text))
	if err != nil {
		return nil, "", err
	}
	fragment, err := link.Encode(imported.Card)
	return imported.Card, fragment, err
}

// ExampleCardWithFindings is the example card moved to OWASP AIVSS v0.8
// (card.SwitchCard) with the ten worked examples of v0.8 §3.6 added as
// findings (card.AddScenarios), and its link: the card the page's first
// render is measured on, so that scored findings count in the budget.
func ExampleCardWithFindings(root string) (*card.Card, string, error) {
	c, _, err := ExampleCard(root)
	if err != nil {
		return nil, "", err
	}
	v08, err := aivss.Lookup("v0.8")
	if err != nil {
		return nil, "", err
	}
	card.SwitchCard(c, v08)
	if err := c.AddScenarios(); err != nil {
		return nil, "", err
	}
	fragment, err := link.Encode(c)
	return c, fragment, err
}

// ScoreTarget is the score region (#score) as the page shows it for c, so
// that a render of another card (the new card the page draws before it
// has read its address) does not count: a complete card's score and
// severity, or "incomplete" with what is missing, in the page's words
// (card.Evaluation.MissingText).
func ScoreTarget(c *card.Card) Target {
	t := Target{Selector: "#score"}
	ev := card.Evaluate(c)
	switch {
	case ev.Err != nil:
		t.Texts = []string{"error"}
	case ev.Complete():
		t.Texts = []string{ev.Result.Score, string(ev.Result.Severity)}
	default:
		// What is missing, as the page writes it (card.MissingText).
		t.Texts = []string{"incomplete", ev.MissingText()}
	}
	return t
}

// ScoreOnlyFragment is the link of the longest card with scores only, the
// one scoring/link's length test holds to 160 characters: a Base vector
// with its longest values, every factor 0.5, two-decimal ThM and MF.
func ScoreOnlyFragment() (string, error) {
	c := &card.Card{AIVSS: card.Inputs{
		Edition:    "v0.8",
		CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		ThM:        decimal.Some(decimal.MustParse("0.97")),
		MF:         decimal.Some(decimal.MustParse("0.83")),
	}}
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = decimal.Some(decimal.MustParse("0.5"))
	}
	return link.Encode(c)
}

// CompleteCard returns a complete v0.8 card (golden link
// v08-tool-misuse-scores-only), its link and a factor change that moves its
// score.
func CompleteCard(root string) (*card.Card, string, Change, error) {
	data, err := os.ReadFile(filepath.Join(root, completeCardFile))
	if err != nil {
		return nil, "", Change{}, err
	}
	fragment := strings.TrimSpace(string(data))
	c, err := link.Decode(fragment)
	if err != nil {
		return nil, "", Change{}, err
	}
	ch, err := scoreMovingChange(c)
	return c, fragment, ch, err
}

// scoreMovingChange finds the first factor and value whose change gives
// the card a different score, so that every change shows in #score-value.
func scoreMovingChange(c *card.Card) (Change, error) {
	ev := card.Evaluate(c)
	if !ev.Complete() {
		return Change{}, fmt.Errorf("the card is not complete: missing %v, error %v", ev.Missing, ev.Err)
	}
	for i, f := range ev.Edition.Factors {
		from := c.AIVSS.Factors[i].Value
		for _, choice := range ev.Edition.Levels.Choices {
			if choice.Value == from {
				continue
			}
			changed := *c
			changed.AIVSS.Factors[i] = decimal.Some(choice.Value)
			if ev2 := card.Evaluate(&changed); ev2.Complete() && ev2.Result.Score != ev.Result.Score {
				return Change{Factor: f.ID, From: from.String(), To: choice.Value.String()}, nil
			}
		}
	}
	return Change{}, fmt.Errorf("no single factor change moves the score of this card")
}
