//go:build perf

package main

import (
	"maps"
	"testing"
)

func TestLinkLengthsReadsTheTestLog(t *testing.T) {
	log := []byte(`=== RUN   TestLinkLengths
    length_test.go:64: seed_link_chars: 900
    length_test.go:65: score_only_link_chars: 134
    length_test.go:66: scenarios_link_chars: 2233
    length_test.go:67: other: 5
--- PASS: TestLinkLengths (0.01s)
`)
	want := map[string]int{"seed_link_chars": 900, "score_only_link_chars": 134, "scenarios_link_chars": 2233}
	if got := linkLengths(log); !maps.Equal(got, want) {
		t.Errorf("linkLengths = %v, want %v", got, want)
	}
}
