package cardjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/jsonvalue"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// wantHandJSON is handCard's JSON, written out by hand: no threat is a
// finding, so each has "aivss": null.
const wantHandJSON = `{
  "format": "threatcard/2",
  "title": "Ticket triage bot",
  "summary": "Reads support tickets\nand labels them.",
  "aivss": {
    "edition": "v0.8",
    "cvss_vector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
    "cvss_score": null,
    "factors": {
      "autonomy": "1",
      "tools": "1",
      "language": "1",
      "context": "0.5",
      "non_determinism": "0.5",
      "opacity": "0.5",
      "persistence": "0",
      "identity": "0",
      "multi_agent": "0",
      "self_mod": "0"
    },
    "thm": "0.97",
    "mf": "1",
    "score": "9.6",
    "severity": "Critical"
  },
  "maestro": {
    "layers": [
      {
        "layer": 1,
        "name": "Foundation Models",
        "status": "mapped",
        "notes": "Reads untrusted ticket text.",
        "threats": [
          {
            "catalog_id": "l1-prompt-injection",
            "title": "",
            "name": "Prompt Injection and Jailbreaks",
            "description": "",
            "asi": "ASI01",
            "likelihood": "High",
            "impact": "Medium",
            "risk": "High",
            "mitigations": "Strip markup\nReview labels",
            "state": "mitigated",
            "aivss": null
          },
          {
            "catalog_id": "",
            "title": "Label flooding",
            "name": "Label flooding",
            "description": "Many bogus labels.",
            "asi": null,
            "likelihood": null,
            "impact": null,
            "risk": null,
            "mitigations": "",
            "state": "accepted",
            "aivss": null
          }
        ]
      },
      {
        "layer": 2,
        "name": "Data Operations",
        "status": "uncertain",
        "notes": "Ticket storage is not described.",
        "threats": []
      },
      {
        "layer": 3,
        "name": "Agent Frameworks",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 4,
        "name": "Deployment and Infrastructure",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 5,
        "name": "Evaluation and Observability",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 6,
        "name": "Security and Compliance",
        "status": "mapped",
        "notes": "",
        "threats": []
      },
      {
        "layer": 7,
        "name": "Agent Ecosystem",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      }
    ],
    "cross_layer": [
      {
        "catalog_id": "x-lateral-movement",
        "title": "",
        "name": "Lateral Movement",
        "description": "Via the shared queue.",
        "layers": [
          2,
          4
        ],
        "asi": null,
        "likelihood": "Low",
        "impact": "High",
        "risk": "Medium",
        "mitigations": "",
        "state": "open",
        "aivss": null
      }
    ]
  }
}
`

func TestJSONOfHandCardIsAsWrittenByHand(t *testing.T) {
	got, err := Marshal(cardtest.Hand())
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != wantHandJSON {
		t.Errorf("JSON differs from the hand-written document:\n%s", lineDiff(wantHandJSON, string(got)))
	}
}

// wantIncompleteAIVSS is the "aivss" object of incompleteCard, by hand.
const wantIncompleteAIVSS = `  "aivss": {
    "edition": "v0.8",
    "cvss_vector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
    "cvss_score": null,
    "factors": {
      "autonomy": "1",
      "tools": "1",
      "language": "1",
      "context": "0.5",
      "non_determinism": "0.5",
      "opacity": "0.5",
      "persistence": "0",
      "identity": "0",
      "multi_agent": "0",
      "self_mod": null
    },
    "thm": null,
    "mf": "1",
    "score": null,
    "severity": null,
    "missing": [
      "factor self_mod",
      "ThM"
    ]
  },
`

func TestJSONOfIncompleteCardHasNullsAndMissing(t *testing.T) {
	got, err := Marshal(cardtest.Incomplete())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), wantIncompleteAIVSS) {
		t.Errorf("JSON lacks the hand-written aivss object:\n%s", got)
	}
}

func TestJSONDecimalsAreWrittenAsTheCardHoldsThem(t *testing.T) {
	tests := []struct {
		name string
		in   card.Inputs
		want []string // lines of the aivss object
	}{
		{"v0.5, bare score 10, no MF",
			card.Inputs{Edition: "v0.5", CVSSScore: dec("10"), ThM: dec("0.91")},
			[]string{`"cvss_vector": null,`, `"cvss_score": "10.0",`, `"autonomy_of_action": null,`, `"thm": "0.91",`, `"mf": null,`}},
		{"card, continuous values",
			card.Inputs{Edition: "card", CVSSScore: dec("0"), ThM: dec("1.1"), MF: dec("0.55"),
				Factors: [10]decimal.Optional{dec("0.2"), dec("0.07"), dec("1"), dec("0")}},
			[]string{`"cvss_score": "0.0",`, `"autonomy_of_action": "0.2",`, `"goal_driven_planning": "0.07",`,
				`"self_modification": "1",`, `"tool_use": "0",`, `"memory_use": null,`, `"thm": "1.1",`, `"mf": "0.55",`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Marshal(&card.Card{AIVSS: tt.in})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !bytes.Contains(got, []byte(w)) {
					t.Errorf("JSON lacks %s:\n%s", w, got)
				}
			}
		})
	}
}

// compileSchema compiles the threatcard/2 schema; compileSchema1 the
// threatcard/1 one.
func compileSchema(t testing.TB) *jsonschema.Schema {
	return compile(t, Schema(), "https://github.com/threatcard/threatcard/scoring/cardjson/threatcard-2.schema.json")
}

func compileSchema1(t testing.TB) *jsonschema.Schema {
	return compile(t, Schema1(), "https://github.com/threatcard/threatcard/scoring/cardjson/threatcard-1.schema.json")
}

func compile(t testing.TB, schema []byte, url string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateJSON(t *testing.T, s *jsonschema.Schema, doc []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("unmarshal %s: %v", doc, err)
	}
	return s.Validate(inst)
}

func TestExportsValidateAgainstTheSchema(t *testing.T) {
	s := compileSchema(t)
	cards := map[string]*card.Card{"hand": cardtest.Hand(), "incomplete": cardtest.Incomplete(), "empty": {AIVSS: card.Inputs{Edition: "v0.5"}}}
	for _, h := range cardtest.Hostile {
		cards["cardtest.Hostile "+h] = cardtest.HostileCard(h)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 300 {
		cards[fmt.Sprintf("random %d", i)] = cardtest.Random(r)
	}
	for name, c := range cards {
		doc, err := Marshal(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := validateJSON(t, s, doc); err != nil {
			t.Errorf("%s: export does not validate: %v\n%s", name, err, doc)
		}
	}
}

// TestSchemaRefusesWhatUnmarshalRefuses checks that the schema is strict
// where the brief asks: unknown keys, values outside the enums, text over
// the card's limits, a wrong layer in a place.
func TestSchemaRefusesWhatUnmarshalRefuses(t *testing.T) {
	s := compileSchema(t)
	for _, tt := range badDocuments {
		if !tt.schemaToo {
			continue
		}
		doc := tt.doc()
		if err := validateJSON(t, s, doc); err == nil {
			t.Errorf("%s: the schema accepts %s", tt.name, doc)
		}
		if _, err := Unmarshal(doc); err == nil {
			t.Errorf("%s: Unmarshal accepts %s", tt.name, doc)
		}
	}
}

// TestSchemaAgreesWithTheModel reads the schema's enums and lists and
// compares them with the model's own tables.
func TestSchemaAgreesWithTheModel(t *testing.T) {
	for _, schema := range []struct {
		format string
		text   []byte
	}{{Format, Schema()}, {Format1, Schema1()}} {
		t.Run(schema.format, func(t *testing.T) { schemaAgreesWithTheModel(t, schema.text, schema.format == Format) })
	}
}

func schemaAgreesWithTheModel(t *testing.T, schema []byte, findings bool) {
	var sc map[string]any
	if err := json.Unmarshal(schema, &sc); err != nil {
		t.Fatal(err)
	}
	at := func(path ...string) any {
		var v any = sc
		for _, p := range path {
			v = v.(map[string]any)[p]
		}
		return v
	}
	strs := func(v any) []string {
		var out []string
		for _, x := range v.([]any) {
			if x != nil {
				out = append(out, x.(string))
			}
		}
		return out
	}
	defs := []string{"$defs"}
	var eds []string
	for _, e := range aivss.Editions() {
		eds = append(eds, e.ID)
		def := map[string]string{"v0.8": "factorsV08", "v0.5": "factorsV05", "card": "factorsCard"}[e.ID]
		props := at(append(defs, def, "properties")...).(map[string]any)
		var keys []string
		for k := range props {
			keys = append(keys, k)
		}
		var ids []string
		for _, f := range e.Factors {
			ids = append(ids, f.ID)
		}
		if findings {
			fdef := map[string]string{"v0.8": "findingV08", "v0.5": "findingV05", "card": "findingCard"}[e.ID]
			inherited := strs(at(append(defs, fdef, "properties", "aivss", "properties", "inherited", "items", "enum")...))
			if !slices.Equal(inherited, ids) {
				t.Errorf("schema %s inherited ids are %v; the edition's are %v, in its order", fdef, inherited, ids)
			}
		}
		slices.Sort(keys)
		slices.Sort(ids)
		if !slices.Equal(keys, ids) {
			t.Errorf("schema factors of %s are %v; the edition's are %v", e.ID, keys, ids)
		}
	}
	if got := strs(at(append(defs, "aivss", "properties", "edition", "enum")...)); !slices.Equal(got, eds) {
		t.Errorf("schema editions %v; want %v", got, eds)
	}
	var asis []string
	for a := maestro.ASI(1); a <= maestro.NumASI; a++ {
		asis = append(asis, a.Code())
	}
	for _, c := range []struct {
		path []string
		want []string
	}{
		{[]string{"asi", "enum"}, asis},
		{[]string{"level", "enum"}, levelNames},
		{[]string{"state", "enum"}, stateNames},
		{[]string{"layer", "properties", "status", "enum"}, statusNames},
		{[]string{"risk", "enum"}, []string{maestro.RiskLow.String(), maestro.RiskMedium.String(), maestro.RiskHigh.String(), maestro.RiskCritical.String()}},
		{[]string{"aivss", "properties", "severity", "enum"}, []string{string(aivss.None), string(aivss.Low), string(aivss.Medium), string(aivss.High), string(aivss.Critical)}},
	} {
		if got := strs(at(append(defs, c.path...)...)); !slices.Equal(got, c.want) {
			t.Errorf("schema %v is %v; want %v", c.path, got, c.want)
		}
	}
	if findings {
		var cats []string
		for _, r := range corerisk.All() {
			cats = append(cats, r.String())
		}
		if got := strs(at(append(defs, "finding", "properties", "category", "enum")...)); !slices.Equal(got, cats) {
			t.Errorf("schema categories %v; want %v", got, cats)
		}
		if got := at(append(defs, "finding", "properties", "id", "maxLength")...).(float64); got != card.MaxFindingID {
			t.Errorf("schema finding id maxLength %v; the card limit is %d", got, card.MaxFindingID)
		}
	}
	for i, item := range at(append(defs, "maestro", "properties", "layers", "prefixItems")...).([]any) {
		l := maestro.Layer(i + 1)
		props := item.(map[string]any)["properties"].(map[string]any)
		if n := props["layer"].(map[string]any)["const"].(float64); n != float64(l) {
			t.Errorf("schema layer entry %d is layer %v", i, n)
		}
		if name := props["name"].(map[string]any)["const"]; name != l.Name() {
			t.Errorf("schema layer %d is named %v; want %q", l, name, l.Name())
		}
	}
	for _, c := range []struct {
		path []string
		want int
	}{
		{[]string{"properties", "title", "maxLength"}, card.MaxTitle},
		{[]string{"properties", "summary", "maxLength"}, card.MaxSummary},
		{[]string{"$defs", "layer", "properties", "notes", "maxLength"}, card.MaxNotes},
		{[]string{"$defs", "catalogId", "maxLength"}, card.MaxCatalogID},
		{[]string{"$defs", "threatTitle", "maxLength"}, card.MaxTitle},
		{[]string{"$defs", "threatDescription", "maxLength"}, card.MaxDescription},
		{[]string{"$defs", "mitigations", "maxLength"}, card.MaxMitigations},
		{[]string{"$defs", "maestro", "properties", "cross_layer", "maxItems"}, card.MaxThreats},
		{[]string{"$defs", "layer", "properties", "threats", "maxItems"}, card.MaxThreats},
	} {
		if got := at(c.path...).(float64); got != float64(c.want) {
			t.Errorf("schema %v is %v; the card limit is %d", c.path, got, c.want)
		}
	}
}

// equalCards compares two cards, taking a nil slice to equal an empty one.
func equalCards(a, b *card.Card) bool {
	norm := func(c *card.Card) card.Card {
		n := *c
		n.MAESTRO.CrossLayer = normThreats(c.MAESTRO.CrossLayer)
		for i := range n.MAESTRO.Layers {
			n.MAESTRO.Layers[i].Threats = normThreats(c.MAESTRO.Layers[i].Threats)
		}
		return n
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

func normThreats(ts []maestro.Threat) []maestro.Threat {
	if len(ts) == 0 {
		return nil
	}
	out := slices.Clone(ts)
	for i := range out {
		if len(out[i].Layers) == 0 {
			out[i].Layers = nil
		}
	}
	return out
}

func TestUnmarshalRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	cards := []*card.Card{cardtest.Hand(), cardtest.Incomplete(), cardtest.HostileCard(cardtest.Hostile[0])}
	for range 500 {
		cards = append(cards, cardtest.Random(r))
	}
	for i, c := range cards {
		doc, err := Marshal(c)
		if err != nil {
			t.Fatalf("card %d: %v", i, err)
		}
		back, err := Unmarshal(doc)
		if err != nil {
			t.Fatalf("card %d: Unmarshal: %v\n%s", i, err, doc)
		}
		if !equalCards(c, back) {
			t.Fatalf("card %d: JSON → card differs:\n got %+v\nwant %+v", i, back, c)
		}
		again, err := Marshal(back)
		if err != nil {
			t.Fatalf("card %d: %v", i, err)
		}
		if !bytes.Equal(doc, again) {
			t.Fatalf("card %d: JSON → card → JSON differs:\n%s", i, lineDiff(string(doc), string(again)))
		}
	}
}

// TestJSONThroughLinkIsLossless checks JSON → card → link → card → JSON.
func TestJSONThroughLinkIsLossless(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	cards := []*card.Card{cardtest.Hand(), cardtest.Incomplete()}
	for range 300 {
		cards = append(cards, cardtest.Random(r))
	}
	for i, c := range cards {
		doc, err := Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		fromJSON, err := Unmarshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		frag, err := link.Encode(fromJSON)
		if err != nil {
			t.Fatalf("card %d: link.Encode: %v", i, err)
		}
		fromLink, err := link.Decode(frag)
		if err != nil {
			t.Fatalf("card %d: link.Decode: %v", i, err)
		}
		again, err := Marshal(fromLink)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(doc, again) {
			t.Fatalf("card %d: JSON → link → JSON differs:\n%s", i, lineDiff(string(doc), string(again)))
		}
	}
}

// minimal is the smallest document Unmarshal accepts.
const minimal = `{"format":"threatcard/2","aivss":{"edition":"v0.8"},"maestro":{"layers":[{"layer":1},{"layer":2},{"layer":3},{"layer":4},{"layer":5},{"layer":6},{"layer":7}]}}`

func TestUnmarshalMinimalDocumentIsAnEmptyCard(t *testing.T) {
	c, err := Unmarshal([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if want := (&card.Card{AIVSS: card.Inputs{Edition: "v0.8"}}); !equalCards(c, want) {
		t.Errorf("got %+v; want %+v", c, want)
	}
	if err := validateJSON(t, compileSchema(t), []byte(minimal)); err != nil {
		t.Errorf("the schema refuses the minimal document: %v", err)
	}
}

func TestUnmarshalTakesDecimalsAsNumbersOrStrings(t *testing.T) {
	doc := `{"format":"threatcard/2","aivss":{"edition":"v0.8","cvss_score":9.3,
		"factors":{"autonomy":1,"tools":"0.50","language":0,"context":0.5,"self_mod":null},"thm":0.97,"mf":"1.00"},
		"maestro":{"layers":[{"layer":1},{"layer":2},{"layer":3},{"layer":4},{"layer":5},{"layer":6},{"layer":7}]}}`
	c, err := Unmarshal([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := card.Inputs{Edition: "v0.8", CVSSScore: dec("9.3"), ThM: dec("0.97"), MF: dec("1"),
		Factors: [10]decimal.Optional{dec("1"), dec("0.5"), dec("0"), dec("0.5")}}
	if c.AIVSS != want {
		t.Errorf("inputs %+v; want %+v", c.AIVSS, want)
	}
	if err := validateJSON(t, compileSchema(t), []byte(doc)); err != nil {
		t.Errorf("the schema refuses numbers for decimals: %v", err)
	}
}

// edit returns minimal with the JSON value at path replaced by v (or the
// key removed, if v is nil), path being keys and indices as in a *jsonvalue.Error.
func edit(path string, v any) func() []byte {
	return func() []byte {
		var doc any
		if err := json.Unmarshal([]byte(minimal), &doc); err != nil {
			panic(err)
		}
		var parent any
		var key string
		cur := doc
		parts := strings.Split(strings.ReplaceAll(strings.ReplaceAll(path, "[", ".["), "]", ""), ".")
		for i, p := range parts {
			last := i == len(parts)-1
			if strings.HasPrefix(p, "[") {
				n := 0
				for _, d := range p[1:] {
					n = n*10 + int(d-'0')
				}
				arr := cur.([]any)
				for len(arr) <= n {
					arr = append(arr, map[string]any{})
				}
				parent.(map[string]any)[key] = arr
				if last {
					arr[n] = v
					break
				}
				cur = arr[n]
				continue
			}
			m := cur.(map[string]any)
			if last {
				if v == nil {
					delete(m, p)
				} else {
					m[p] = v
				}
				break
			}
			if _, ok := m[p]; !ok {
				if strings.HasPrefix(parts[i+1], "[") {
					m[p] = []any{}
				} else {
					m[p] = map[string]any{}
				}
			}
			parent, key, cur = m, p, m[p]
		}
		b, err := json.Marshal(doc)
		if err != nil {
			panic(err)
		}
		return b
	}
}

func raw(s string) func() []byte { return func() []byte { return []byte(s) } }

// badDocuments are documents Unmarshal refuses, with the exact error.
// schemaToo marks those the schema must refuse as well (the others break
// rules a schema cannot state, or are not JSON at all).
var badDocuments = []struct {
	name      string
	doc       func() []byte
	want      string
	schemaToo bool
}{
	{"not JSON", raw(`{"format":`), "not valid JSON: the document ends early, at byte 10", false},
	{"syntax error", raw(`{"format" 1}`), "not valid JSON at byte 10: invalid character '1' after object key", false},
	{"data after the document", raw(minimal + ` {}`), "more data after the JSON document, at byte 160", false},
	{"invalid UTF-8", raw("{\"title\":\"a\xff\"}"), "not valid UTF-8 at byte 11", false},
	{"an array", raw(`[]`), "not a threatcard export: the document is an array, not an object", true},
	{"no format", raw(`{}`), `not a threatcard export: it has no "format" field`, true},
	{"another format", edit("format", "threatcard/3"), `format: is "threatcard/3"; this threatcard reads "threatcard/2" or "threatcard/1"`, true},
	{"format not a string", edit("format", 1), `format: is a number; want the string "threatcard/2" or "threatcard/1"`, true},
	{"unknown top-level key", edit("foo", 1), "foo: unknown field", true},
	{"unknown key with dots", raw(`{"format":"threatcard/2","aivss":{"edition":"v0.8"},"a.b":1,"maestro":{"layers":[]}}`), `["a.b"]: unknown field`, true},
	{"unknown key in a threat", edit("maestro.layers[2].threats[0]", map[string]any{"title": "x", "foo": 1}),
		"maestro.layers[2].threats[0].foo: unknown field", true},
	{"unknown key in aivss", edit("aivss.cvss", "9.3"), "aivss.cvss: unknown field", true},
	{"duplicate key", raw(`{"format":"threatcard/2","title":"a","title":"b"}`), "title: duplicate field", false},
	{"no aivss", edit("aivss", nil), `missing field "aivss"`, true},
	{"no edition", edit("aivss.edition", nil), `aivss: missing field "edition"`, true},
	{"unknown edition", edit("aivss.edition", "v9"), `aivss.edition: unknown AIVSS edition "v9"; editions are v0.8, v0.5, card`, true},
	{"empty edition", edit("aivss.edition", ""), `aivss.edition: unknown AIVSS edition ""; editions are v0.8, v0.5, card`, true},
	{"title a number", edit("title", 5), "title: is a number; want a string", true},
	{"title too long", edit("title", strings.Repeat("é", 201)), "title: has 201 characters; the limit is 200", true},
	{"notes too long", edit("maestro.layers[4].notes", strings.Repeat("n", 4001)), "maestro.layers[4].notes: has 4001 characters; the limit is 4000", true},
	{"control character in title", edit("title", "a\tb"), "title: contains the control character U+0009", true},
	{"factor of another edition", edit("aivss.factors.tool_use", "1"),
		"aivss.factors.tool_use: unknown field: v0.8 has no such factor; its factors are autonomy, tools, language, context, non_determinism, opacity, persistence, identity, multi_agent, self_mod", true},
	{"factor off the grid", edit("aivss.factors.tools", "0.3"), "aivss.factors.tools: is 0.3; OWASP AIVSS v0.8 takes 0, 0.5 or 1", false},
	{"factor with an exponent", raw(`{"format":"threatcard/2","aivss":{"edition":"v0.8","factors":{"tools":1e-1}},"maestro":{"layers":[]}}`),
		`aivss.factors.tools: decimal "1e-1": not a plain decimal number (digits, then an optional point and decimals)`, false},
	{"decimal with a sign", edit("aivss.thm", "-1"), `aivss.thm: decimal "-1": not a plain decimal number (digits, then an optional point and decimals)`, true},
	{"decimal with three places", edit("aivss.thm", "0.975"), `aivss.thm: decimal "0.975": more than two decimals`, true},
	{"thm a boolean", edit("aivss.thm", true), `aivss.thm: is a boolean; want a decimal (a string such as "0.97", or a number) or null`, true},
	{"mf in v0.5", func() []byte {
		return bytes.Replace(edit("aivss.mf", "1")(), []byte(`"v0.8"`), []byte(`"v0.5"`), 1)
	}, "aivss.mf: is set, but OWASP AIVSS v0.5 has no mitigation factor", true},
	{"empty vector", edit("aivss.cvss_vector", ""), "aivss.cvss_vector: is empty; give null for no vector", true},
	{"score a number", edit("aivss.score", 9.6), "aivss.score: is a number; want a string or null (the field is informative)", true},
	{"missing not strings", edit("aivss.missing", []any{1}), "aivss.missing[0]: is a number; want a string (the field is informative)", true},
	{"six layers", edit("maestro.layers", []any{map[string]any{"layer": 1}, map[string]any{"layer": 2}, map[string]any{"layer": 3},
		map[string]any{"layer": 4}, map[string]any{"layer": 5}, map[string]any{"layer": 6}}),
		"maestro.layers: has 6 entries; it lists the 7 layers, L1 to L7 in order", true},
	{"layers out of order", edit("maestro.layers[0].layer", 2),
		"maestro.layers[0].layer: is 2; the layers are listed L1 to L7 in order, so this entry is layer 1", true},
	{"layer number as a string", edit("maestro.layers[0].layer", "1"),
		`maestro.layers[0].layer: is "1"; the layers are listed L1 to L7 in order, so this entry is layer 1`, true},
	{"wrong layer name", edit("maestro.layers[3].name", "Deployment & Infrastructure"),
		`maestro.layers[3].name: is "Deployment & Infrastructure"; layer 4 is "Deployment and Infrastructure"`, true},
	{"no layer number", edit("maestro.layers[6]", map[string]any{"status": "mapped"}), `maestro.layers[6]: missing field "layer"`, true},
	{"bad status", edit("maestro.layers[0].status", "done"),
		`maestro.layers[0].status: is "done"; want one of "not-assessed", "mapped", "uncertain"`, true},
	{"bad state", edit("maestro.layers[0].threats[0]", map[string]any{"title": "x", "state": "closed"}),
		`maestro.layers[0].threats[0].state: is "closed"; want one of "open", "mitigated", "accepted"`, true},
	{"empty ASI", edit("maestro.layers[0].threats[0]", map[string]any{"title": "x", "asi": ""}),
		"maestro.layers[0].threats[0].asi: is empty; give null for none", true},
	{"ASI11", edit("maestro.layers[0].threats[0]", map[string]any{"title": "x", "asi": "ASI11"}),
		`maestro.layers[0].threats[0].asi: is "ASI11"; want one of "ASI01", "ASI02", "ASI03", "ASI04", "ASI05", "ASI06", "ASI07", "ASI08", "ASI09", "ASI10"`, true},
	{"lower-case likelihood", edit("maestro.layers[0].threats[0]", map[string]any{"title": "x", "likelihood": "high"}),
		`maestro.layers[0].threats[0].likelihood: is "high"; want one of "Low", "Medium", "High"`, true},
	{"risk a number", edit("maestro.layers[0].threats[0]", map[string]any{"title": "x", "risk": 3}),
		"maestro.layers[0].threats[0].risk: is a number; want a string or null (the field is informative)", true},
	{"threat without title or id", edit("maestro.layers[1].threats[0]", map[string]any{"description": "x"}),
		"maestro.layers[1].threats[0]: needs a catalog id or a title", true},
	{"threat with title and id", edit("maestro.layers[1].threats[0]", map[string]any{"title": "x", "catalog_id": "l2-data-poisoning"}),
		"maestro.layers[1].threats[0]: has both a catalog id and a title; a catalog threat takes its name from the catalog", true},
	{"layers on a layer's threat", edit("maestro.layers[0].threats[0]", map[string]any{"title": "x", "layers": []any{1, 2}}),
		"maestro.layers[0].threats[0].layers: only a cross-layer threat lists layers; a threat under a layer touches that layer", true},
	{"cross-layer threat on one layer", edit("maestro.cross_layer[0]", map[string]any{"title": "x", "layers": []any{3}}),
		"maestro.cross_layer[0].layers: lists one layer; a cross-layer threat touches none named or at least two", true},
	{"cross-layer threat on layer 9", edit("maestro.cross_layer[0]", map[string]any{"title": "x", "layers": []any{2, 9}}),
		"maestro.cross_layer[0].layers[1]: is 9; want a layer number, 1 to 7", true},
	{"cross-layer layers descending", edit("maestro.cross_layer[0]", map[string]any{"title": "x", "layers": []any{3, 2}}),
		"maestro.cross_layer[0].layers: must be ascending and distinct", false},
	{"threats not an array", edit("maestro.layers[0].threats", map[string]any{}),
		"maestro.layers[0].threats: is an object; want an array of threats", true},
	{"too deep", raw(`{"format":"threatcard/2","aivss":` + strings.Repeat("[", 20) + strings.Repeat("]", 20) + `,"maestro":{}}`),
		"aivss" + strings.Repeat("[0]", 15) + ": nested more than 16 deep", false},
}

func TestUnmarshalErrorsNameThePath(t *testing.T) {
	for _, tt := range badDocuments {
		if tt.want == "" {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc()
			c, err := Unmarshal(doc)
			if err == nil {
				t.Fatalf("Unmarshal(%s) accepted it: %+v", doc, c)
			}
			var ie *jsonvalue.Error
			if !errors.As(err, &ie) {
				t.Errorf("error %T %v; want an *jsonvalue.Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Unmarshal(%s)\nerror %q\n want %q", doc, err, tt.want)
			}
		})
	}
}

func TestUnmarshalRefusesAVectorWithAScore(t *testing.T) {
	doc := `{"format":"threatcard/2","aivss":{"edition":"v0.8","cvss_vector":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N","cvss_score":"9.3"},
		"maestro":{"layers":[{"layer":1},{"layer":2},{"layer":3},{"layer":4},{"layer":5},{"layer":6},{"layer":7}]}}`
	_, err := Unmarshal([]byte(doc))
	if want := "aivss.cvss_score: is set together with a CVSS vector; give one or the other"; err == nil || err.Error() != want {
		t.Errorf("error %v; want %q", err, want)
	}
	if err := validateJSON(t, compileSchema(t), []byte(doc)); err == nil {
		t.Error("the schema accepts a vector together with a score")
	}
}

func TestUnmarshalRefusesTooLargeADocument(t *testing.T) {
	doc := []byte(`{"format":"threatcard/2","summary":"` + strings.Repeat(" ", MaxSize) + `"}`)
	_, err := Unmarshal(doc)
	if want := "the document is 1048614 bytes; the limit is 1048576"; err == nil || err.Error() != want {
		t.Errorf("error %v; want %q", err, want)
	}
}

func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(wantHandJSON))
	f.Add([]byte(wantHandJSON1))
	for _, tt := range badDocuments {
		f.Add(tt.doc())
	}
	for _, tt := range badFindings {
		f.Add(tt.doc())
	}
	r := rand.New(rand.NewPCG(13, 14))
	for range 5 {
		doc, err := Marshal(cardtest.RandomWithFindings(r))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Unmarshal(data)
		if err != nil {
			var ie *jsonvalue.Error
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v is not an *jsonvalue.Error", err, err)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("accepted a card that fails Validate: %v", err)
		}
		doc, err := Marshal(c)
		if err != nil {
			t.Fatalf("JSON of an accepted card: %v", err)
		}
		back, err := Unmarshal(doc)
		if err != nil {
			t.Fatalf("JSON → card → JSON → card: %v\n%s", err, doc)
		}
		if !equalCards(c, back) {
			t.Fatalf("JSON → card → JSON → card differs:\n%+v\n%+v", c, back)
		}
	})
}
