package maestro

import (
	"slices"
	"testing"
)

var allL4 = []string{
	"l4-compromised-images", "l4-orchestration-attacks", "l4-iac-manipulation", "l4-denial-of-service",
	"l4-resource-hijacking", "l4-lateral-movement", "l4-overbroad-roles", "l4-credential-exposure",
	"l4-network-exposure", "l4-sandbox-escape",
}

var allCrossLayer = []string{
	"x-supply-chain", "x-lateral-movement", "x-privilege-escalation", "x-data-leakage",
	"x-goal-misalignment", "x-cascading-failures",
}

func TestSearchCatalog(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"name words", "model stealing", []string{"l1-model-stealing"}},
		{"case is ignored", "MODEL Stealing", []string{"l1-model-stealing"}},
		{"part of a word", "exfil", []string{"l2-data-exfiltration"}},
		{"same name in two layers", "backdoor", []string{"l1-backdoor-attacks", "l3-backdoor-attacks"}},
		{"every word must match", "backdoor foundation", []string{"l1-backdoor-attacks"}},
		{"extra spaces between words", "  backdoor \t foundation  ", []string{"l1-backdoor-attacks"}},
		{"ASI code", "asi07", []string{"l7-inter-agent-comms"}},
		{"ASI code upper case", "ASI07", []string{"l7-inter-agent-comms"}},
		{"abbreviation in a name", "SSRF", []string{"l4-network-exposure"}},
		{"term in two layers", "mcp", []string{"l3-tool-poisoning", "l7-rogue-mcp-server"}},
		{"layer and cross-layer", "supply chain", []string{"l3-supply-chain", "x-supply-chain"}},
		{"layer code", "L4", allL4},
		{"layer name", "deployment", allL4},
		{"cross-layer section", "cross-layer", allCrossLayer},
		{"id", "l3-input-validation", []string{"l3-input-validation"}},
		{"description words", "cryptocurrency", []string{"l4-resource-hijacking"}},
		{"no match", "xyzzy", nil},
		{"one word without a match", "backdoor xyzzy", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := catalogIDs(SearchCatalog(tt.query))
			if !slices.Equal(got, tt.want) {
				t.Errorf("SearchCatalog(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestSearchCatalogWithoutWordsReturnsEverything(t *testing.T) {
	all := catalogIDs(Catalog())
	for _, q := range []string{"", " ", "\t\n "} {
		if got := catalogIDs(SearchCatalog(q)); !slices.Equal(got, all) {
			t.Errorf("SearchCatalog(%q) returned %d threats, want all %d", q, len(got), len(all))
		}
	}
}

func FuzzSearchCatalog(f *testing.F) {
	for _, s := range []string{"", "model", "L4 ssrf", "ASI01", "Ünïcode", "\xff"} {
		f.Add(s)
	}
	all := catalogIDs(Catalog())
	f.Fuzz(func(t *testing.T, q string) {
		got := catalogIDs(SearchCatalog(q))
		// The hits keep catalog order and come from the catalog.
		i := 0
		for _, id := range got {
			for i < len(all) && all[i] != id {
				i++
			}
			if i == len(all) {
				t.Fatalf("SearchCatalog(%q) = %v, not a subsequence of the catalog", q, got)
			}
			i++
		}
		// Repeating the query's words changes nothing.
		if again := catalogIDs(SearchCatalog(q + " " + q)); !slices.Equal(again, got) {
			t.Fatalf("SearchCatalog(%q) = %v but the doubled query gives %v", q, got, again)
		}
	})
}
