package maestro

import (
	"slices"
	"strings"
	"testing"
)

// The vocabulary is part of link format 1: once released, every entry and
// its position are frozen (testdata/vocabulary.txt).
func TestVocabularyMatchesFrozenList(t *testing.T) {
	want := readList(t, "testdata/vocabulary.txt")
	got := Vocabulary()
	if !slices.Equal(got, want) {
		n := min(len(got), len(want))
		for i := 0; i < n; i++ {
			if got[i] != want[i] {
				t.Fatalf("entry %d is %q, the frozen list has %q", i, got[i], want[i])
			}
		}
		t.Fatalf("Vocabulary() has %d entries, the frozen list %d", len(got), len(want))
	}
}

func TestVocabularySize(t *testing.T) {
	if n := len(Vocabulary()); n < 150 || n > 300 {
		t.Errorf("Vocabulary() has %d entries, want 150 to 300", n)
	}
}

func TestVocabularyEntriesAreCleanAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	for i, v := range Vocabulary() {
		if v == "" || strings.TrimSpace(v) != v || strings.ContainsAny(v, "\r\n\t") || strings.HasPrefix(v, "#") {
			t.Errorf("entry %d %q is empty, padded, multi-line or starts with #", i, v)
		}
		if seen[v] {
			t.Errorf("entry %q appears twice", v)
		}
		seen[v] = true
	}
}

// Layer names and catalog names and descriptions are added to the
// dictionary separately; repeating them here would waste space.
func TestVocabularyLeavesOutLayerAndCatalogText(t *testing.T) {
	other := map[string]string{CrossLayerName(): "the cross-layer section name"}
	for _, l := range Layers() {
		other[l.Name()] = "a layer name"
		other[l.String()] = "a layer label"
	}
	for _, th := range Catalog() {
		other[th.Name] = "the name of " + th.ID
		other[th.Description] = "the description of " + th.ID
	}
	for _, v := range Vocabulary() {
		if what, ok := other[v]; ok {
			t.Errorf("entry %q repeats %s", v, what)
		}
	}
}

// Phrases named in the brief for the vocabulary, as notes write them.
func TestVocabularyHoldsCommonNotePhrases(t *testing.T) {
	for _, p := range []string{
		"prompt injection", "data exfiltration", "model extraction", "jailbreak", "guardrails",
		"content moderation", "sandboxing", "Server-Side Request Forgery (SSRF)", "access control",
		"SOC 2", "ISO 27001", "observability", "logging", "API keys", "rate limiting",
		"third-party integrations", "Not certain from the listing", "Threats include",
		"No details are provided regarding",
	} {
		if !slices.Contains(Vocabulary(), p) {
			t.Errorf("vocabulary lacks %q", p)
		}
	}
}
