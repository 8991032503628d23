//go:build perf

package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardtext"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
)

// The cards and vectors the figures are measured with are the scoring
// tests' own, read from where those tests keep them.
const (
	// exampleCardFile is the published GPT Image 2 card, the example card
	// of scoring/link's length test and of the card-text import tests.
	exampleCardFile = "testdata/card-gpt-image-2.txt"
	// completeCardFile is a golden link of scoring/link: a complete v0.8
	// card with scores only.
	completeCardFile = "scoring/link/testdata/links/v08-tool-misuse-scores-only.link"
	// benchVectorFile holds benchVector, the CVSS v4.0 vector with every
	// metric group (CVSS-BTE with Supplemental) that scoring/cvss4's
	// benchmarks score.
	benchVectorFile = "scoring/cvss4/bench_test.go"
)

// exampleCardWithFindings is the example card moved to OWASP AIVSS v0.8
// (card.SwitchCard) with the ten worked examples of v0.8 §3.6 added as
// findings (card.AddScenarios), as scoring/link's length test makes it,
// and its link: the card the page's first render is measured on, so that
// scored findings count.
func exampleCardWithFindings(root string) (*card.Card, string, error) {
	text, err := os.ReadFile(filepath.Join(root, exampleCardFile))
	if err != nil {
		return nil, "", err
	}
	imported, err := cardtext.Parse(string(text))
	if err != nil {
		return nil, "", err
	}
	c := imported.Card
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

// scoreTarget is the score region (#score) as the page shows it for c, so
// that a render of another card (the new card the page draws before it
// has read its address) does not count: a complete card's score and
// severity, or "incomplete" with what is missing, in the page's words
// (card.Evaluation.MissingText).
func scoreTarget(c *card.Card) target {
	t := target{selector: "#score"}
	ev := card.Evaluate(c)
	switch {
	case ev.Err != nil:
		t.texts = []string{"error"}
	case ev.Complete():
		t.texts = []string{ev.Result.Score, string(ev.Result.Severity)}
	default:
		t.texts = []string{"incomplete", ev.MissingText()}
	}
	return t
}

// completeCard returns the complete card of completeCardFile, its link and
// a factor change that moves its score.
func completeCard(root string) (*card.Card, string, change, error) {
	data, err := os.ReadFile(filepath.Join(root, completeCardFile))
	if err != nil {
		return nil, "", change{}, err
	}
	fragment := strings.TrimSpace(string(data))
	c, err := link.Decode(fragment)
	if err != nil {
		return nil, "", change{}, err
	}
	ch, err := scoreMovingChange(c)
	return c, fragment, ch, err
}

// scoreMovingChange finds the first factor and value whose change gives
// the card a different score, so that every change shows in #score-value.
func scoreMovingChange(c *card.Card) (change, error) {
	ev := card.Evaluate(c)
	if !ev.Complete() {
		return change{}, fmt.Errorf("the card is not complete: missing %v, error %v", ev.Missing, ev.Err)
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
				return change{factor: f.ID, from: from.String(), to: choice.Value.String()}, nil
			}
		}
	}
	return change{}, fmt.Errorf("no single factor change moves the score of this card")
}

// fullCard is a complete v0.8 card scored from scoring/cvss4's benchmark
// vector; its ThM agrees with the vector's Exploit Maturity (Unreported).
func fullCard(root string) (*card.Card, error) {
	vector, err := stringConst(filepath.Join(root, benchVectorFile), "benchVector")
	if err != nil {
		return nil, err
	}
	if !strings.Contains(vector, "/E:U") {
		return nil, fmt.Errorf("%s: benchVector %s no longer has E:U, which fullCard's ThM 0.5 stands for", benchVectorFile, vector)
	}
	c := &card.Card{AIVSS: card.Inputs{
		Edition:    "v0.8",
		CVSSVector: vector,
		ThM:        decimal.Some(decimal.MustParse("0.5")),
		MF:         decimal.Some(decimal.MustParse("0.83")),
	}}
	for i, v := range []string{"1", "1", "0.5", "1", "0", "0.5", "1", "0", "0.5", "1"} {
		c.AIVSS.Factors[i] = decimal.Some(decimal.MustParse(v))
	}
	return c, nil
}

// stringConst reads the value of the string constant name declared in the
// Go file at path (a test file, which no other package can import).
func stringConst(path, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		return "", err
	}
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				if id.Name != name || i >= len(vs.Values) {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					return strconv.Unquote(lit.Value)
				}
			}
		}
	}
	return "", fmt.Errorf("%s: no string constant %s", path, name)
}
