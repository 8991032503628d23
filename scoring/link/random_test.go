package link_test

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/link"
)

// Random valid cards of every edition and field survive a trip through
// a link unchanged, and their links are canonical.
func TestRandomCardsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 2000 {
		c := cardtest.Random(r)
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
	}
}
