package card

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

func dec(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }

func TestValidateLimits(t *testing.T) {
	base := func() *Card { return &Card{AIVSS: Inputs{Edition: "v0.8"}} }
	threats := func(n int) []maestro.Threat {
		ts := make([]maestro.Threat, n)
		for i := range ts {
			ts[i].Title = "t"
		}
		return ts
	}
	tests := []struct {
		name  string
		edit  func(c *Card)
		field string // "" when the card is valid
		msg   string
	}{
		{"title at the limit", func(c *Card) { c.Title = strings.Repeat("é", MaxTitle) }, "", ""},
		{"title over the limit", func(c *Card) { c.Title = strings.Repeat("é", MaxTitle+1) }, "title", "has 201 characters; the limit is 200"},
		{"title with a newline", func(c *Card) { c.Title = "a\nb" }, "title", "control character U+000A"},
		{"summary over the limit", func(c *Card) { c.Summary = strings.Repeat("x", MaxSummary+1) }, "summary", "the limit is 2000"},
		{"notes at the limit", func(c *Card) { c.MAESTRO.Layers[2].Notes = strings.Repeat("x", MaxNotes) }, "", ""},
		{"notes over the limit", func(c *Card) { c.MAESTRO.Layers[2].Notes = strings.Repeat("x", MaxNotes+1) }, "maestro.layers[2].notes", "has 4001 characters; the limit is 4000"},
		{"notes not UTF-8", func(c *Card) { c.MAESTRO.Layers[0].Notes = "\xff" }, "maestro.layers[0].notes", "not valid UTF-8"},
		{"100 threats", func(c *Card) { c.MAESTRO.Layers[0].Threats = threats(MaxThreats) }, "", ""},
		{"101 threats", func(c *Card) {
			c.MAESTRO.Layers[0].Threats = threats(MaxThreats)
			c.MAESTRO.CrossLayer = threats(1)
		}, "maestro", "has 101 threats; the limit is 100"},
		{"threat with neither id nor title", func(c *Card) { c.MAESTRO.Layers[1].Threats = []maestro.Threat{{}} }, "maestro.layers[1].threats[0]", "needs a catalog id or a title"},
		{"threat with both id and title", func(c *Card) {
			c.MAESTRO.Layers[1].Threats = []maestro.Threat{{CatalogID: "l2-data-poisoning", Title: "x"}}
		}, "maestro.layers[1].threats[0]", "has both"},
		{"description over the limit", func(c *Card) {
			c.MAESTRO.Layers[1].Threats = []maestro.Threat{{Title: "x", Description: strings.Repeat("x", MaxDescription+1)}}
		}, "maestro.layers[1].threats[0].description", "the limit is 2000"},
		{"layer threat with layers", func(c *Card) {
			c.MAESTRO.Layers[1].Threats = []maestro.Threat{{Title: "x", Layers: []maestro.Layer{2}}}
		}, "maestro.layers[1].threats[0].layers", "must be empty"},
		{"cross-layer threat with one layer", func(c *Card) {
			c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "x", Layers: []maestro.Layer{2}}}
		}, "maestro.cross_layer[0].layers", "lists one layer"},
		{"cross-layer threat with layers out of order", func(c *Card) {
			c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "x", Layers: []maestro.Layer{4, 2}}}
		}, "maestro.cross_layer[0].layers", "ascending and distinct"},
		{"cross-layer threat with layer 8", func(c *Card) {
			c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "x", Layers: []maestro.Layer{2, 8}}}
		}, "maestro.cross_layer[0].layers", "layers are 1 to 7"},
		{"status out of range", func(c *Card) { c.MAESTRO.Layers[6].Status = 9 }, "maestro.layers[6].status", "out of range"},
		{"no edition", func(c *Card) { c.AIVSS.Edition = "" }, "aivss.edition", "names its AIVSS edition"},
		{"unknown edition", func(c *Card) { c.AIVSS.Edition = "v9" }, "aivss.edition", `is "v9", which is not an AIVSS edition`},
		{"vector and score", func(c *Card) {
			c.AIVSS.CVSSVector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
			c.AIVSS.CVSSScore = dec("9.3")
		}, "aivss.cvss_score", "give one or the other"},
		{"non-canonical vector", func(c *Card) {
			c.AIVSS.CVSSVector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X"
		}, "aivss.cvss_vector", "not in canonical form"},
		{"score with two decimals", func(c *Card) { c.AIVSS.CVSSScore = dec("9.35") }, "aivss.cvss_score", "one decimal"},
		{"factor off the v0.8 grid", func(c *Card) { c.AIVSS.Factors[1] = dec("0.7") }, "aivss.factors.tools", "is 0.7; OWASP AIVSS v0.8 takes 0, 0.5 or 1"},
		{"card edition takes 0.7", func(c *Card) { c.AIVSS.Edition = "card"; c.AIVSS.Factors[1] = dec("0.7") }, "", ""},
		{"thm not a v0.8 choice", func(c *Card) { c.AIVSS.ThM = dec("0.9") }, "aivss.thm", "OWASP AIVSS v0.8 takes"},
		{"mf in v0.5", func(c *Card) { c.AIVSS.Edition = "v0.5"; c.AIVSS.MF = dec("1") }, "aivss.mf", "OWASP AIVSS v0.5 has no mitigation factor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			tt.edit(c)
			err := c.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Validate = %v; want a *FieldError on %s", err, tt.field)
			}
			if fe.Loc.Path() != tt.field || !strings.Contains(fe.Msg, tt.msg) {
				t.Fatalf("Validate = %q (field %q); want field %q saying %q", err, fe.Loc.Path(), tt.field, tt.msg)
			}
		})
	}
}

func TestEvaluateNamesWhatIsMissing(t *testing.T) {
	c := &Card{AIVSS: Inputs{Edition: "v0.8", ThM: dec("0.97")}}
	for i := range c.AIVSS.Factors {
		if i != 2 {
			c.AIVSS.Factors[i] = dec("0.5")
		}
	}
	ev := Evaluate(c)
	var got []string
	for _, m := range ev.Missing {
		got = append(got, m.Path())
	}
	want := []string{"aivss.cvss_vector", "aivss.factors.language", "aivss.mf"}
	if ev.Complete() || !reflect.DeepEqual(got, want) {
		t.Fatalf("Missing = %q, complete %v; want %q", got, ev.Complete(), want)
	}
	if got, want := ev.MissingText(), "CVSS, Natural Language Interface, MF"; got != want {
		t.Errorf("MissingText = %q; want %q", got, want)
	}
}

// The v0.5 edition has no mitigation factor, so it is never missing there.
func TestEvaluateV05NeedsNoMF(t *testing.T) {
	c := &Card{AIVSS: Inputs{Edition: "v0.5", CVSSScore: dec("9.3"), ThM: dec("0.97")}}
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = dec("0")
	}
	ev := Evaluate(c)
	if !ev.Complete() {
		t.Fatalf("Evaluate: missing %s, err %v", ev.MissingText(), ev.Err)
	}
	// ((9.3 + 0) / 2) × 0.97 = 4.5105 → 4.5 Medium (aivss.md §2.3).
	if ev.Result.Score != "4.5" || ev.Result.Severity != "Medium" {
		t.Fatalf("score %s %s; want 4.5 Medium", ev.Result.Score, ev.Result.Severity)
	}
}

func TestEvaluateScoresFromTheVector(t *testing.T) {
	// v0.8 worked example 3.6.8 (aivss.md §4.2): CVSS 9.3, factor sum 6.5,
	// ThM 0.97, MF 1.0 → AIVSS 9.7 Critical. The vector below is CVSS 9.3.
	c := &Card{AIVSS: Inputs{Edition: "v0.8", CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", ThM: dec("0.97"), MF: dec("1")}}
	for i, v := range []string{"1", "1", "1", "1", "0.5", "0.5", "0.5", "0", "0", "1"} {
		c.AIVSS.Factors[i] = dec(v)
	}
	ev := Evaluate(c)
	if !ev.Complete() || ev.Vector == nil {
		t.Fatalf("Evaluate: missing %s, err %v", ev.MissingText(), ev.Err)
	}
	if ev.Result.CVSS != "9.3" || ev.Result.Score != "9.7" || ev.Result.Severity != "Critical" {
		t.Fatalf("got CVSS %s, score %s %s; want 9.3, 9.7 Critical", ev.Result.CVSS, ev.Result.Score, ev.Result.Severity)
	}
}

func TestNewCardStartsInTheDefaultEdition(t *testing.T) {
	c := NewCard()
	if c.AIVSS.Edition != "v0.8" || c.AIVSS.ThM != dec("0.97") || c.AIVSS.MF != dec("1") {
		t.Fatalf("NewCard inputs = %+v; want v0.8 with ThM 0.97 and MF 1", c.AIVSS)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

// TextChars counts characters (code points), of every text field: here 2
// (title) + 3 (summary) + 4 (notes) + 12 (catalog id) + 1 + 2 + 3 (a
// threat's title, description, mitigations) + 5 (a cross-layer title).
func TestTextCharsCountsEveryTextField(t *testing.T) {
	c := &Card{Title: "é1", Summary: "a\nb"}
	c.MAESTRO.Layers[2].Notes = "日本語!"
	c.MAESTRO.Layers[4].Threats = []maestro.Threat{{CatalogID: "l5-data-leak"}, {Title: "t", Description: "dd", Mitigations: "m\nm"}}
	c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "cross"}}
	if got := c.TextChars(); got != 32 {
		t.Errorf("TextChars = %d, want 32", got)
	}
}
