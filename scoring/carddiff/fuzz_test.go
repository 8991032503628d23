package carddiff

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/link"
)

// FuzzCompareLinks compares the cards of any two links that decode: a
// card is the same as itself, the comparison never fails, its JSON is
// JSON, and b against a finds as many changes as a against b.
func FuzzCompareLinks(f *testing.F) {
	for _, c := range []string{"", "v2&e=v0.8"} {
		f.Add(c, c)
	}
	hand, _ := link.Encode(cardtest.Hand())
	withFindings, _ := link.Encode(cardtest.HandWithFindings())
	f.Add(hand, withFindings)
	files, _ := filepath.Glob("../link/testdata/links-v2/*")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(strings.TrimSpace(string(b)), hand)
		}
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		a, err := link.Decode(x)
		if err != nil {
			return
		}
		b, err := link.Decode(y)
		if err != nil {
			return
		}
		if d := Compare(a, a); !d.Same() {
			t.Fatalf("a card differs from itself: %v", got(d.Changes))
		}
		d, back := Compare(a, b), Compare(b, a)
		if len(d.Changes) != len(back.Changes) {
			t.Fatalf("%d changes one way, %d the other", len(d.Changes), len(back.Changes))
		}
		if !json.Valid(d.JSON()) {
			t.Fatal("JSON is not valid")
		}
		_, _ = d.Text(), d.Markdown()
	})
}
