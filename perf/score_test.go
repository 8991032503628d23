//go:build perf

package main

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
)

// The card make bench times must score, or the figure is not measured.
func TestTheBenchmarkCardsScore(t *testing.T) {
	c, err := fullCard("..")
	if err != nil {
		t.Fatal(err)
	}
	if ev := card.Evaluate(c); !ev.Complete() {
		t.Fatalf("fullCard: missing %s, err %v", ev.MissingText(), ev.Err)
	}
}
