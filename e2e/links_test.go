//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/threatcard/threatcard/scoring/cardimport"
	"github.com/threatcard/threatcard/scoring/link"
)

// exampleCardLink is the link `threatcard import testdata/card-gpt-image-2.txt`
// prints: the published card's text read by cardimport, as the command
// does, then link.Encode.
func exampleCardLink(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../testdata/card-gpt-image-2.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := cardimport.Import(data)
	if err != nil {
		t.Fatalf("importing the example card: %v", err)
	}
	l, err := link.Encode(res.Card)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// checkCardShown checks that the page shows the reference card c: its
// score or what it lacks, edition, title, summary, and each layer's
// status, notes and number of threats.
func checkCardShown(t *testing.T, tb *tab, c *goldenCard) {
	t.Helper()
	waitEq(t, tb, "#score", scoreText, c.scoreWant(t))
	waitForEditor(t, tb)
	checks := []struct{ what, expr, want string }{
		{"edition", valueOf("edition"), c.AIVSS.Edition},
		{"title", valueOf("card-title"), c.Title},
		{"summary", valueOf("card-summary"), c.Summary},
	}
	for _, l := range c.MAESTRO.Layers {
		id := "layer-" + strconv.Itoa(l.Layer)
		checks = append(checks,
			struct{ what, expr, want string }{id + " status", valueOf(id + "-status"), l.Status},
			struct{ what, expr, want string }{id + " notes", valueOf(id + "-notes"), l.Notes},
			struct{ what, expr, want string }{id + " threats", threatCountOf(id), strconv.Itoa(len(l.Threats))},
		)
	}
	checks = append(checks, struct{ what, expr, want string }{"Cross-Layer threats", threatCountOf("layer-cross"), strconv.Itoa(len(c.MAESTRO.CrossLayer))})
	for _, ch := range checks {
		if got := eval[string](t, tb, ch.expr); got != ch.want {
			t.Errorf("%s: got %q, want %q", ch.what, got, ch.want)
		}
	}
	ids := make([]string, 0, len(c.AIVSS.Factors))
	for id := range c.AIVSS.Factors {
		ids = append(ids, id)
	}
	shown := eval[map[string]string](t, tb, inputsShown(ids))
	want := map[string]string{
		"cvss_vector": "unset",
		"cvss_score":  shortest(t, c.AIVSS.CVSSScore),
		"thm":         shortest(t, c.AIVSS.ThM),
		"mf":          shortest(t, c.AIVSS.MF),
	}
	if c.AIVSS.CVSSVector != nil {
		want["cvss_vector"] = *c.AIVSS.CVSSVector
	}
	for id, v := range c.AIVSS.Factors {
		want["factor "+id] = shortest(t, v)
	}
	for k, w := range want {
		if shown[k] != w {
			t.Errorf("field %s shows %q, want %q", k, shown[k], w)
		}
	}
}

// inputsShown reads the calculator's fields: the CVSS vector and score,
// the factors with the given ids (the checked button of a three-way
// choice, or the number field), ThM and MF. Numbers are written shortest
// ("0.6" for a field showing "0.60"); an empty or absent field is "unset".
func inputsShown(factorIDs []string) string {
	ids, _ := json.Marshal(factorIDs)
	return `(() => {
  const num = (v) => (v == null || v.trim() === "" || isNaN(Number(v))) ? "unset" : String(Number(v));
  const field = (id) => document.getElementById(id)?.value;
  const out = {
    cvss_vector: field("cvss-vector") || "unset",
    cvss_score: num(field("cvss-score")),
    thm: num(field("thm")),
    mf: num(field("mf")),
  };
  for (const id of ` + string(ids) + `) {
    const radios = document.querySelectorAll('input[type=radio][name="factor-' + id + '"]');
    const checked = [...radios].find((r) => r.checked);
    out["factor " + id] = radios.length ? num(checked?.value) : num(field("factor-" + id));
  }
  return out;
})()`
}

// shortest writes a reference decimal as inputsShown does.
func shortest(t *testing.T, v *string) string {
	t.Helper()
	if v == nil {
		return "unset"
	}
	f, err := strconv.ParseFloat(*v, 64)
	if err != nil {
		t.Fatalf("reference value %q: %v", *v, err)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// threatCountOf counts the threats listed in the section with the given id.
func threatCountOf(section string) string {
	return fmt.Sprintf(`String(document.querySelectorAll("#%s li.tc-threat").length)`, section)
}

// The golden links are format 1, shared before findings: each opens its
// card, and the address becomes the card's format 2 link. A link as
// threatcard writes it today stays in the address as it is.
func TestALinkShowsItsCard(t *testing.T) {
	_, example := golden(t, "gpt-image-2") // the example card's JSON export
	type linkTest struct {
		name, fragment string
		address        string // the fragment in the address once opened
		want           goldenCard
	}
	// Without CVSS, ThM and MF: the result says so instead of a score.
	tests := []linkTest{{"the example card from threatcard import", exampleCardLink(t), exampleCardLink(t), example}}
	for _, name := range []string{"card-edition-full-model", "v08-tool-misuse-scores-only", "v05-calculator-defaults"} {
		l, c := golden(t, name)
		tests = append(tests, linkTest{"golden link " + name, l, written(t, l), c})
	}
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			open(t, tb, s, "/#"+tt.fragment)
			checkCardShown(t, tb, &tt.want)
			waitEq(t, tb, "the address", fragmentNow, tt.address)
		})
	}
	// A link pasted into the address bar of a tab that shows another card
	// changes only the fragment: the page reads it without loading again.
	t.Run("links opened one after another in the same page", func(t *testing.T) {
		open(t, tb, s, "/")
		for _, tt := range tests {
			eval[string](t, tb, "location.hash = "+js("#"+tt.fragment))
			checkCardShown(t, tb, &tt.want)
		}
	})
}
