package link_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
)

func some(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }

// goldenLinks returns every golden link by name (see golden_test.go).
func goldenLinks(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("testdata/links/*.link")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden links: %v", err)
	}
	links := map[string]string{}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		links[strings.TrimSuffix(filepath.Base(p), ".link")] = strings.TrimSuffix(string(raw), "\n")
	}
	return links
}

// One card, one link: every spelling Decode accepts decodes to the card
// it means, and Canonical gives the one link Encode writes for that card.
// Cards and canonical links are written by hand.
func TestOtherSpellingsMeanOneCardAndHaveOneLink(t *testing.T) {
	const vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	scores := func(edition string, in func(*card.Inputs)) *card.Card {
		c := &card.Card{AIVSS: card.Inputs{Edition: edition}}
		in(&c.AIVSS)
		return c
	}
	score93MF1 := scores("v0.8", func(in *card.Inputs) { in.CVSSScore, in.MF = some("9.3"), some("1") })
	withVector := scores("v0.8", func(in *card.Inputs) { in.CVSSVector, in.ThM = vector, some("0.97") })
	factors := scores("v0.8", func(in *card.Inputs) {
		in.Factors[0], in.Factors[1], in.Factors[9] = some("0.5"), some("1"), some("0")
	})
	tests := []struct {
		name, link string
		want       *card.Card
		canonical  string
	}{
		{"percent-escaped point, trailing zeros", "v1&e=v0%2E8&c=9.30&mf=1.00", score93MF1, "v1&e=v0.8&c=9.3&mf=1"},
		{"every character percent-escaped", "v1&e=%76%30%2e%38&c=%39%2E%33&mf=%31", score93MF1, "v1&e=v0.8&c=9.3&mf=1"},
		{"leading zero", "v1&e=v0.8&c=09.3&mf=01", score93MF1, "v1&e=v0.8&c=9.3&mf=1"},
		{"parts in another order", "v1&mf=1&c=9.3&e=v0.8", score93MF1, "v1&e=v0.8&c=9.3&mf=1"},
		{"whole-number CVSS score", "v1&e=v0.8&c=9", scores("v0.8", func(in *card.Inputs) { in.CVSSScore = some("9") }), "v1&e=v0.8&c=9.0"},
		{"vector with a Not Defined threat metric", "v1&e=v0.8&c=" + vector + "/E:X&thm=0.97", withVector, "v1&e=v0.8&c=" + vector + "&thm=0.97"},
		{"vector with every optional metric Not Defined",
			"v1&e=v0.8&c=" + vector + "/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X&thm=0.97",
			withVector, "v1&e=v0.8&c=" + vector + "&thm=0.97"},
		{"vector with escaped slashes", "v1&e=v0.8&c=" + strings.ReplaceAll(vector, "/", "%2F") + "&thm=0.97", withVector, "v1&e=v0.8&c=" + vector + "&thm=0.97"},
		{"factors with trailing zeros", "v1&e=v0.8&f=0.50,1.0,,,,,,,,0.00", factors, "v1&e=v0.8&f=0.5,1,,,,,,,,0"},
		{"escaped commas", "v1&e=v0.8&f=0.5%2C1%2C%2C%2C%2C%2C%2C%2C%2C0", factors, "v1&e=v0.8&f=0.5,1,,,,,,,,0"},
		{"factors all empty", "v1&e=v0.8&f=,,,,,,,,,", scores("v0.8", func(*card.Inputs) {}), "v1&e=v0.8"},
		{"a whole URL", "https://example.org/threatcard/#v1&thm=0.970&e=v0.8&c=" + vector, withVector, "v1&e=v0.8&c=" + vector + "&thm=0.97"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := link.Decode(tt.link)
			if err != nil {
				t.Fatalf("Decode(%q): %v", tt.link, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Decode(%q) = %+v\nwant %+v", tt.link, got.AIVSS, tt.want.AIVSS)
			}
			canon, err := link.Canonical(tt.link)
			if err != nil || canon != tt.canonical {
				t.Errorf("Canonical(%q) = %q, %v; want %q", tt.link, canon, err, tt.canonical)
			}
			if again, err := link.Canonical(canon); err != nil || again != canon {
				t.Errorf("Canonical of the canonical link %q = %q, %v", canon, again, err)
			}
		})
	}
}

// Every golden link was written by Encode, so it is already canonical.
func TestGoldenLinksAreCanonical(t *testing.T) {
	for name, l := range goldenLinks(t) {
		t.Run(name, func(t *testing.T) {
			for _, in := range []string{l, "#" + l, "https://example.org/threatcard/#" + l} {
				if got, err := link.Canonical(in); err != nil || got != l {
					t.Errorf("Canonical(%q) = %q, %v; want the link itself", in, got, err)
				}
			}
		})
	}
}

// Canonical refuses what Decode refuses, with Decode's error.
func TestCanonicalRefusesWhatDecodeRefuses(t *testing.T) {
	for _, l := range []string{"", "v2&e=v0.8", "v1&e=v0.8&e=v0.5", "v1&e=v0.8&c=cvss:4.0/AV:N"} {
		got, err := link.Canonical(l)
		_, want := link.Decode(l)
		if err == nil || got != "" || err.Error() != want.Error() {
			t.Errorf("Canonical(%q) = %q, %v; want Decode's error %v", l, got, err, want)
		}
	}
}
