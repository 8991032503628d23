//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldenDir holds links shared once, each with its card's JSON export as
// the reference for what the app must show.
const goldenDir = "../scoring/link/testdata/links"

// goldenCard is what a test reads of a reference JSON export.
type goldenCard struct {
	Title   string `json:"title"`
	Summary string `json:"summary"`
	AIVSS   struct {
		Edition    string             `json:"edition"`
		CVSSVector *string            `json:"cvss_vector"`
		CVSSScore  *string            `json:"cvss_score"`
		Factors    map[string]*string `json:"factors"`
		ThM        *string            `json:"thm"`
		MF         *string            `json:"mf"`
		Score      *string            `json:"score"`
		Severity   *string            `json:"severity"`
		Missing    []string           `json:"missing"`
	} `json:"aivss"`
	MAESTRO struct {
		Layers []struct {
			Layer   int               `json:"layer"`
			Status  string            `json:"status"`
			Notes   string            `json:"notes"`
			Threats []json.RawMessage `json:"threats"`
		} `json:"layers"`
		CrossLayer []json.RawMessage `json:"cross_layer"`
	} `json:"maestro"`
}

// golden returns the link (fragment) named name in goldenDir and its
// reference card.
func golden(t *testing.T, name string) (string, goldenCard) {
	t.Helper()
	l, err := os.ReadFile(filepath.Join(goldenDir, name+".link"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(goldenDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var c goldenCard
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	if len(c.MAESTRO.Layers) != 7 {
		t.Fatalf("%s.json has %d layers", name, len(c.MAESTRO.Layers))
	}
	return strings.TrimSpace(string(l)), c
}

// written is the link threatcard writes today for the card of the format 1
// link v1, as a golden link is: format 2 writes a card without findings (as
// every format 1 card is) with the same parts after its own version, "v2".
// The page puts it in the address when it opens v1.
func written(t *testing.T, v1 string) string {
	t.Helper()
	rest, ok := strings.CutPrefix(v1, "v1&")
	if !ok {
		t.Fatalf("%.20s… is not a format 1 link", v1)
	}
	return "v2&" + rest
}

// scoreWant is what #score says for the reference card: its score and
// severity, or what is missing. Missing factors are not named in these
// references, so the list reads as the reference writes it.
func (c *goldenCard) scoreWant(t *testing.T) string {
	t.Helper()
	if c.AIVSS.Score != nil {
		return "AIVSS " + *c.AIVSS.Score + " " + *c.AIVSS.Severity
	}
	for _, m := range c.AIVSS.Missing {
		if strings.HasPrefix(m, "factor ") {
			t.Fatalf("reference names missing %s; scoreWant only writes lists without factors", m)
		}
	}
	return "incomplete: missing " + strings.Join(c.AIVSS.Missing, ", ")
}
