//go:build perf

package main

import (
	"path/filepath"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// The first render is measured on the example card with the ten OWASP
// scenarios as findings; each must score, and the link fit a ticket.
func TestTheExampleCardWithFindingsScoresItsFindings(t *testing.T) {
	c, fragment, err := exampleCardWithFindings("..")
	if err != nil {
		t.Fatal(err)
	}
	fs := c.Findings()
	card.RankFindings(fs)
	tally := card.Tally(fs)
	if tally.Findings != 10 || tally.Scored != 10 || tally.Text() != "7 Critical, 3 High" {
		t.Errorf("findings %d, scored %d, %q; want the ten scenarios, 7 Critical and 3 High", tally.Findings, tally.Scored, tally.Text())
	}
	if len(fragment) > link.TicketSafe {
		t.Errorf("its link is %d characters, over the ticket-safe %d", len(fragment), link.TicketSafe)
	}
}

// Keystrokes are measured on a card whose every change moves the score.
func TestTheCompleteCardHasAScoreMovingChange(t *testing.T) {
	c, fragment, ch, err := completeCard("..")
	if err != nil {
		t.Fatal(err)
	}
	if fragment == "" || ch.factor == "" || ch.from == ch.to {
		t.Fatalf("fragment %q, change %+v", fragment, ch)
	}
	if tgt := scoreTarget(c); len(tgt.texts) != 2 || tgt.texts[0] == "incomplete" {
		t.Errorf("the complete card's score target is %q", tgt.texts)
	}
}

func TestStringConstReadsTheBenchmarkVector(t *testing.T) {
	v, err := stringConst(filepath.Join("..", benchVectorFile), "benchVector")
	if err != nil {
		t.Fatal(err)
	}
	if len(v) < len("CVSS:4.0/") || v[:9] != "CVSS:4.0/" {
		t.Errorf("benchVector = %q", v)
	}
	if _, err := stringConst(filepath.Join("..", benchVectorFile), "noSuchConst"); err == nil {
		t.Error("a missing constant gave no error")
	}
}
