//go:build perf

package perf

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// The card make bench times must score, or the figure is not measured
// (a ThM contradicting the vector's E once made it an error).
func TestTheBenchmarkCardsScore(t *testing.T) {
	if ev := card.Evaluate(fullCard()); !ev.Complete() {
		t.Fatalf("fullCard: missing %s, err %v", ev.MissingText(), ev.Err)
	}
}

// The first render is measured on the example card with the ten OWASP
// scenarios as findings; each must score, and the link fit a ticket.
func TestTheExampleCardWithFindingsScoresItsFindings(t *testing.T) {
	c, fragment, err := ExampleCardWithFindings("..")
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
