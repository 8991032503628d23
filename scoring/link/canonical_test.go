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
// it means, and Canonical gives the one link Encode writes for that card,
// in format 2. Cards and canonical links are written by hand.
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
		v1Only     bool // format 2 takes its parts in order only
	}{
		{"percent-escaped point, trailing zeros", "v1&e=v0%2E8&c=9.30&mf=1.00", score93MF1, "v2&e=v0.8&c=9.3&mf=1", false},
		{"every character percent-escaped", "v1&e=%76%30%2e%38&c=%39%2E%33&mf=%31", score93MF1, "v2&e=v0.8&c=9.3&mf=1", false},
		{"leading zero", "v1&e=v0.8&c=09.3&mf=01", score93MF1, "v2&e=v0.8&c=9.3&mf=1", false},
		{"parts in another order", "v1&mf=1&c=9.3&e=v0.8", score93MF1, "v2&e=v0.8&c=9.3&mf=1", true},
		{"whole-number CVSS score", "v1&e=v0.8&c=9", scores("v0.8", func(in *card.Inputs) { in.CVSSScore = some("9") }), "v2&e=v0.8&c=9.0", false},
		{"vector with a Not Defined threat metric", "v1&e=v0.8&c=" + vector + "/E:X&thm=0.97", withVector, "v2&e=v0.8&c=" + vector + "&thm=0.97", false},
		{"vector with every optional metric Not Defined",
			"v1&e=v0.8&c=" + vector + "/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X&thm=0.97",
			withVector, "v2&e=v0.8&c=" + vector + "&thm=0.97", false},
		{"vector with escaped slashes", "v1&e=v0.8&c=" + strings.ReplaceAll(vector, "/", "%2F") + "&thm=0.97", withVector, "v2&e=v0.8&c=" + vector + "&thm=0.97", false},
		{"factors with trailing zeros", "v1&e=v0.8&f=0.50,1.0,,,,,,,,0.00", factors, "v2&e=v0.8&f=0.5,1,,,,,,,,0", false},
		{"escaped commas", "v1&e=v0.8&f=0.5%2C1%2C%2C%2C%2C%2C%2C%2C%2C0", factors, "v2&e=v0.8&f=0.5,1,,,,,,,,0", false},
		{"factors all empty", "v1&e=v0.8&f=,,,,,,,,,", scores("v0.8", func(*card.Inputs) {}), "v2&e=v0.8", false},
		{"a whole URL, parts in another order", "https://example.org/threatcard/#v1&thm=0.970&e=v0.8&c=" + vector, withVector, "v2&e=v0.8&c=" + vector + "&thm=0.97", true},
		{"a whole URL", "https://example.org/threatcard/#v1&e=v0.8&c=" + vector + "&thm=0.970", withVector, "v2&e=v0.8&c=" + vector + "&thm=0.97", false},
	}
	for _, tt := range tests {
		for _, mark := range []string{"v1", "v2"} {
			if mark == "v2" && tt.v1Only {
				continue
			}
			l := strings.Replace(tt.link, "v1&", mark+"&", 1)
			t.Run(mark+"/"+tt.name, func(t *testing.T) {
				got, err := link.Decode(l)
				if err != nil {
					t.Fatalf("Decode(%q): %v", l, err)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Decode(%q) = %+v\nwant %+v", l, got.AIVSS, tt.want.AIVSS)
				}
				canon, err := link.Canonical(l)
				if err != nil || canon != tt.canonical {
					t.Errorf("Canonical(%q) = %q, %v; want %q", l, canon, err, tt.canonical)
				}
				if again, err := link.Canonical(canon); err != nil || again != canon {
					t.Errorf("Canonical of the canonical link %q = %q, %v", canon, again, err)
				}
			})
		}
	}
}

// Every format 2 golden link was written by Encode, so it is already
// canonical; a format 1 golden link (none has findings) has for canonical
// form the same parts after "v2".
func TestGoldenLinksAreCanonical(t *testing.T) {
	type golden struct{ link, canonical string }
	all := map[string]golden{}
	for name, l := range goldenLinks(t) {
		rest, ok := strings.CutPrefix(l, "v1&")
		if !ok {
			t.Fatalf("format 1 golden link %s does not start with v1&", name)
		}
		all["v1/"+name] = golden{l, "v2&" + rest}
	}
	for name, l := range goldenV2Links(t) {
		all["v2/"+name] = golden{l, l}
	}
	for name, g := range all {
		t.Run(name, func(t *testing.T) {
			for _, in := range []string{g.link, "#" + g.link, "https://example.org/threatcard/#" + g.link} {
				if got, err := link.Canonical(in); err != nil || got != g.canonical {
					t.Errorf("Canonical(%q) = %q, %v; want %q", in, got, err, g.canonical)
				}
			}
		})
	}
}

// Findings' parts take the spellings of numbers and vectors that the
// card's scoring parts take, and Canonical writes each as Encode does.
// Each spelling below is the golden link v08-findings-layers-and-cross-layer
// with its head written otherwise; its card is that golden card, and its
// canonical link that golden link.
func TestOtherSpellingsOfFindingsMeanOneCard(t *testing.T) {
	const name = "v08-findings-layers-and-cross-layer"
	golden := goldenV2Links(t)[name]
	var want *card.Card
	for _, g := range goldenV2Cards() {
		if g.name == name {
			want = g.card
		}
	}
	tests := []struct{ name, old, new string }{
		{"trailing zeros in ThM and MF", ";0.97;1&d=", ";0.970;1.00&d="},
		{"leading zero in a bare score", ";8.2;", ";08.20;"},
		{"percent-escaped ThM", ";1;&s=8.2", ";%31;&s=8.2"},
		{"escaped slashes in a vector", "CVSS:4.0/AV:N/AC:H/AT:N/PR:L", "CVSS:4.0%2FAV:N%2FAC:H%2FAT:N%2FPR:L"},
		{"escaped commas in factors", ";1,,,,,,0.5,,,0;", ";1%2C%2C%2C%2C%2C%2C0.5%2C%2C%2C0;"},
		{"trailing zeros in factors", ";1,,,,,,0.5,,,0;", ";1.0,,,,,,0.50,,,0.00;"},
		{"factors all empty", "SA:N/E:P;;;", "SA:N/E:P;,,,,,,,,,;;"},
		{"Not Defined metrics written out", "SA:N/E:P;", "SA:N/E:P/CR:X/MAV:X/U:X;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Count(golden, tt.old) != 1 {
				t.Fatalf("%q is not once in the golden link", tt.old)
			}
			l := strings.Replace(golden, tt.old, tt.new, 1)
			got, err := link.Decode(l)
			if err != nil {
				t.Fatalf("Decode(%q): %v", l, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Decode(%q) = %+v\nwant the golden card %+v", l, got, want)
			}
			if canon, err := link.Canonical(l); err != nil || canon != golden {
				t.Errorf("Canonical(%q) = %q, %v; want the golden link", l, canon, err)
			}
		})
	}
}

// Canonical refuses what Decode refuses, with Decode's error.
func TestCanonicalRefusesWhatDecodeRefuses(t *testing.T) {
	for _, l := range []string{"", "v3&e=v0.8", "v1&e=v0.8&e=v0.5", "v1&e=v0.8&c=cvss:4.0/AV:N", "v2&c=9.3&e=v0.8", "v2&e=v0.8&s=1.1;%c3%9c;;;;;&d=AAAA"} {
		got, err := link.Canonical(l)
		_, want := link.Decode(l)
		if err == nil || got != "" || err.Error() != want.Error() {
			t.Errorf("Canonical(%q) = %q, %v; want Decode's error %v", l, got, err, want)
		}
	}
}
