package link_test

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/link"
)

// Random valid cards of every edition and field, with findings and
// without, survive a trip through a link unchanged, and their links are
// canonical: Encode(Decode(s)) == s and Canonical(s) == s.
func TestRandomCardsRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		seed   uint64
		cards  int
		random func(*rand.Rand) *card.Card
	}{
		{"without findings", 11, 2000, cardtest.Random},
		{"with findings", 12, 1000, cardtest.RandomWithFindings},
		{"with findings, other seed", 13, 1000, cardtest.RandomWithFindings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(tt.seed, 12))
			findings := 0
			for i := range tt.cards {
				c := tt.random(r)
				findings += len(c.Findings())
				s, err := link.Encode(c)
				if err != nil {
					t.Fatalf("card %d: Encode: %v", i, err)
				}
				got, err := link.Decode(s)
				if err != nil {
					t.Fatalf("card %d: Decode(%q): %v", i, s, err)
				}
				if !reflect.DeepEqual(got, c) {
					t.Fatalf("card %d: decode(encode(card)) differs:\n got %+v\nwant %+v", i, got, c)
				}
				if again, err := link.Encode(got); err != nil || again != s {
					t.Fatalf("card %d: encode(decode(link)) = %q, %v; want %q", i, again, err, s)
				}
				if canon, err := link.Canonical(s); err != nil || canon != s {
					t.Fatalf("card %d: Canonical(%q) = %q, %v; want the link itself", i, s, canon, err)
				}
			}
			if tt.seed != 11 && findings < tt.cards {
				t.Fatalf("%d findings in %d cards; the test wants many", findings, tt.cards)
			}
		})
	}
}
