//go:build perf

package perf

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
)

// The card make bench times must score, or the figure is not measured
// (a ThM contradicting the vector's E once made it an error).
func TestTheBenchmarkCardsScore(t *testing.T) {
	if ev := card.Evaluate(fullCard()); !ev.Complete() {
		t.Fatalf("fullCard: missing %s, err %v", ev.MissingText(), ev.Err)
	}
}
