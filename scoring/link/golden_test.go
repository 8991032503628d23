package link_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/link"
)

// Permanence: every link in testdata/links (format 1) was shared once and
// must keep its meaning forever. NAME.link holds the fragment and NAME.json the card
// it carries, as a threatcard/1 JSON export (reviewed by hand when the
// pair was added). Never edit a pair to make this test pass: a change that
// alters what an old link means is a bug, or a new format version.
func TestGoldenLinksKeepTheirMeaning(t *testing.T) {
	links, err := filepath.Glob("testdata/links/*.link")
	if err != nil || len(links) == 0 {
		t.Fatalf("no golden links: %v", err)
	}
	for _, path := range links {
		name := strings.TrimSuffix(filepath.Base(path), ".link")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			frag := strings.TrimSuffix(string(raw), "\n")
			want, err := os.ReadFile(strings.TrimSuffix(path, ".link") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			c, err := link.Decode(frag)
			if err != nil {
				t.Fatalf("the golden link no longer decodes: %v", err)
			}
			fromJSON, err := cardjson.Unmarshal(want)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(c, fromJSON) {
				t.Fatalf("the golden link now means something else:\n got %+v\nwant %+v", c, fromJSON)
			}
			// The card in the JSON file encodes to exactly this link in
			// format 2, which for a card without findings is the same
			// parts after "v2".
			v2 := "v2" + strings.TrimPrefix(frag, "v1")
			if again, err := link.Encode(fromJSON); err != nil || again != v2 {
				t.Fatalf("the card encodes to %q, %v; want the golden link in format 2, %q", again, err, v2)
			}
		})
	}
}
