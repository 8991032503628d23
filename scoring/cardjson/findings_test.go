package cardjson

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/jsonvalue"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The findings of findingsCard as Marshal must write them, by hand.
const (
	wantF001 = `            "state": "mitigated",
            "aivss": {
              "id": "F-001",
              "category": "Agent Goal & Instruction Manipulation",
              "cvss_vector": null,
              "cvss_score": "7.5",
              "factors": {
                "autonomy": null,
                "tools": "0",
                "language": null,
                "context": null,
                "non_determinism": null,
                "opacity": null,
                "persistence": null,
                "identity": null,
                "multi_agent": null,
                "self_mod": null
              },
              "thm": null,
              "mf": "0.83",
              "inherited": [
                "autonomy",
                "language",
                "context",
                "non_determinism",
                "opacity",
                "persistence",
                "identity",
                "multi_agent",
                "self_mod"
              ],
              "score": "6.9",
              "severity": "Medium"
            }
          },
`
	wantF002 = `          {
            "catalog_id": "",
            "title": "",
            "name": "Finding F-002",
            "description": "Poisoned ticket history.",
            "asi": null,
            "likelihood": null,
            "impact": null,
            "risk": null,
            "mitigations": "",
            "state": "open",
            "aivss": {
              "id": "F-002",
              "category": "Agent Memory & Context Manipulation",
              "cvss_vector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
              "cvss_score": null,
              "factors": {
                "autonomy": null,
                "tools": null,
                "language": null,
                "context": null,
                "non_determinism": null,
                "opacity": null,
                "persistence": null,
                "identity": null,
                "multi_agent": null,
                "self_mod": null
              },
              "thm": null,
              "mf": null,
              "inherited": [
                "autonomy",
                "tools",
                "language",
                "context",
                "non_determinism",
                "opacity",
                "persistence",
                "identity",
                "multi_agent",
                "self_mod"
              ],
              "score": "9.5",
              "severity": "Critical",
              "cvss_base": "9.3",
              "cvss_other": {
                "nomenclature": "CVSS-BT",
                "score": "8.1"
              },
              "thm_from_vector": "0.5"
            }
          }
`
	wantVULN7 = `        "state": "open",
        "aivss": {
          "id": "VULN-7",
          "category": null,
          "cvss_vector": null,
          "cvss_score": null,
          "factors": {
            "autonomy": null,
            "tools": null,
            "language": null,
            "context": null,
            "non_determinism": null,
            "opacity": null,
            "persistence": null,
            "identity": null,
            "multi_agent": null,
            "self_mod": null
          },
          "thm": null,
          "mf": null,
          "inherited": [
            "autonomy",
            "tools",
            "language",
            "context",
            "non_determinism",
            "opacity",
            "persistence",
            "identity",
            "multi_agent",
            "self_mod"
          ],
          "score": null,
          "severity": null,
          "missing": [
            "CVSS"
          ]
        }
      }
`
)

func TestJSONOfFindingsIsAsWrittenByHand(t *testing.T) {
	doc, err := Marshal(cardtest.HandWithFindings())
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct{ name, text string }{{"F-001", wantF001}, {"F-002", wantF002}, {"VULN-7", wantVULN7}} {
		if !strings.Contains(string(doc), w.text) {
			t.Errorf("the export lacks finding %s as written by hand:\n%s", w.name, doc)
		}
	}
	if n := strings.Count(string(doc), `"aivss": null`); n != 1 {
		t.Errorf("%d threats with \"aivss\": null; want 1 (Label flooding)", n)
	}
	if err := validateJSON(t, compileSchema(t), doc); err != nil {
		t.Errorf("the export does not validate: %v", err)
	}
	back, err := Unmarshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !equalCards(back, cardtest.HandWithFindings()) {
		t.Errorf("Unmarshal(Marshal(c)) = %+v; want findingsCard", back)
	}
}

// Random cards with findings, every edition, every kind of input:
// their export validates against the schema, and reads back into the
// same card, which writes the same bytes.
func TestFindingsValidateAndRoundTrip(t *testing.T) {
	s := compileSchema(t)
	r := rand.New(rand.NewPCG(21, 22))
	findings := 0
	for i := range 400 {
		c := cardtest.RandomWithFindings(r)
		findings += len(c.Findings())
		doc, err := Marshal(c)
		if err != nil {
			t.Fatalf("card %d: %v", i, err)
		}
		if err := validateJSON(t, s, doc); err != nil {
			t.Fatalf("card %d: export does not validate: %v\n%s", i, err, doc)
		}
		back, err := Unmarshal(doc)
		if err != nil {
			t.Fatalf("card %d: Unmarshal: %v\n%s", i, err, doc)
		}
		if !equalCards(c, back) {
			t.Fatalf("card %d: JSON → card differs:\n got %+v\nwant %+v", i, back, c)
		}
		again, err := Marshal(back)
		if err != nil || !bytes.Equal(doc, again) {
			t.Fatalf("card %d: JSON → card → JSON differs (%v):\n%s", i, err, lineDiff(string(doc), string(again)))
		}
	}
	if findings < 400 {
		t.Errorf("only %d findings in 400 cards; the test wants many", findings)
	}
}

// The ten worked examples of OWASP AIVSS v0.8 §3.6 as findings: each is
// written with the score v0.8 prints for it (the card's own inputs
// do not enter: each scenario sets all of its own).
func TestScenariosExportWithTheirPrintedScores(t *testing.T) {
	c := card.NewCard()
	if err := c.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	doc, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := validateJSON(t, compileSchema(t), doc); err != nil {
		t.Fatalf("does not validate: %v", err)
	}
	back, err := Unmarshal(doc)
	if err != nil || !equalCards(c, back) {
		t.Fatalf("round trip: %v", err)
	}
	root, err := jsonvalue.Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]string{}
	layers, _ := root.Get("maestro")
	ls, _ := layers.Get("layers")
	for _, l := range ls.Items {
		ts, _ := l.Get("threats")
		for _, th := range ts.Items {
			a, _ := th.Get("aivss")
			cat, _ := a.Get("category")
			score, _ := a.Get("score")
			scores[cat.Text] = score.Text
		}
	}
	// AIVSS as v0.8 prints it for §3.6.1 to §3.6.10, in order.
	printed := []string{"9.9", "9.7", "9.4", "10.0", "9.3", "8.9", "9.2", "9.7", "8.3", "7.1"}
	for i, s := range corerisk.Scenarios() {
		if got := scores[s.Risk.String()]; got != printed[i] {
			t.Errorf("%s: score %q; v0.8 prints %s", s.Risk, got, printed[i])
		}
	}
}

// Documents of format threatcard/1, written before findings, import
// into the same cards: the hand card, and the golden links' cards (each
// also valid against the threatcard/1 schema, and written again as /2
// with the same card).
func TestThreatcard1DocumentsStillImport(t *testing.T) {
	c, err := Unmarshal([]byte(wantHandJSON1))
	if err != nil {
		t.Fatal(err)
	}
	if !equalCards(c, cardtest.Hand()) {
		t.Errorf("the threatcard/1 hand document reads as %+v; want handCard", c)
	}
	s1 := compileSchema1(t)
	if err := validateJSON(t, s1, []byte(wantHandJSON1)); err != nil {
		t.Errorf("the threatcard/1 schema refuses the hand document: %v", err)
	}
	if err := validateJSON(t, compileSchema(t), []byte(wantHandJSON1)); err == nil {
		t.Error("the threatcard/2 schema accepts a threatcard/1 document")
	}
	files, err := filepath.Glob("../link/testdata/links/*.json")
	if err != nil || len(files) < 3 {
		t.Fatalf("golden JSON files: %v, %v", files, err)
	}
	for _, name := range files {
		doc, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(doc, []byte(`"format": "threatcard/1"`)) {
			continue
		}
		c, err := Unmarshal(doc)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := validateJSON(t, s1, doc); err != nil {
			t.Errorf("%s: the threatcard/1 schema refuses it: %v", name, err)
		}
		doc2, err := Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := Unmarshal(doc2); err != nil || !equalCards(c, back) {
			t.Errorf("%s: as threatcard/2 it reads back as %+v, %v", name, back, err)
		}
	}
}

// minimal2 is minimal with the threat t under L1.
func withThreat(t string) func() []byte {
	return raw(strings.Replace(minimal, `{"layer":1}`, `{"layer":1,"threats":[`+t+`]}`, 1))
}

// finding is minimal with one threat under L1 whose "aivss" is a.
func withFinding(a string) func() []byte { return withThreat(`{"title":"x","aivss":` + a + `}`) }

const categories = `"Agentic AI Tool Misuse", "Agent Access Control Violation", "Agent Cascading Failures", ` +
	`"Agent Orchestration & Multi-Agent Exploitation", "Agent Identity Impersonation", "Agent Memory & Context Manipulation", ` +
	`"Insecure Agent Critical Systems Interaction", "Agent Supply Chain & Dependency Risk", "Agent Untraceability", ` +
	`"Agent Goal & Instruction Manipulation"`

// badFindings are threatcard/2 documents whose findings Unmarshal
// refuses, with the exact error; schemaToo as in badDocuments.
var badFindings = []struct {
	name      string
	doc       func() []byte
	want      string
	schemaToo bool
}{
	{"aivss a string", withFinding(`"F-1"`),
		"maestro.layers[0].threats[0].aivss: is a string; want an object (the threat's AIVSS assessment, which makes it a finding) or null", true},
	{"no id", withFinding(`{"category":null}`), `maestro.layers[0].threats[0].aivss: missing field "id"`, true},
	{"empty id", withFinding(`{"id":""}`),
		"maestro.layers[0].threats[0].aivss.id: is empty; a finding needs an id (a threat that is not a finding has null for aivss)", true},
	{"id a number", withFinding(`{"id":1}`), "maestro.layers[0].threats[0].aivss.id: is a number; want a string", true},
	{"id with a space before", withFinding(`{"id":" F-1"}`), "maestro.layers[0].threats[0].aivss.id: begins or ends with a space", true},
	{"id with a no-break space after", withFinding(`{"id":"F-1\u00a0"}`), "maestro.layers[0].threats[0].aivss.id: begins or ends with a space", true},
	{"id too long", withFinding(`{"id":"` + strings.Repeat("é", 65) + `"}`), "maestro.layers[0].threats[0].aivss.id: has 65 characters; the limit is 64", true},
	{"id with a tab", withFinding(`{"id":"F\t1"}`), "maestro.layers[0].threats[0].aivss.id: contains the control character U+0009", true},
	{"two findings with one id", withThreat(`{"title":"x","aivss":{"id":"F-1"}},{"title":"y","aivss":{"id":"F-1"}}`),
		`maestro.layers[0].threats[1].aivss.id: is "F-1", which another finding has; each finding has its own id`, false},
	{"unknown category", withFinding(`{"id":"F-1","category":"Tool Misuse"}`),
		`maestro.layers[0].threats[0].aivss.category: is "Tool Misuse"; want one of ` + categories, true},
	{"empty category", withFinding(`{"id":"F-1","category":""}`), "maestro.layers[0].threats[0].aivss.category: is empty; give null for none", true},
	{"category a number", withFinding(`{"id":"F-1","category":1}`), "maestro.layers[0].threats[0].aivss.category: is a number; want a string or null", true},
	{"factor of another edition", withFinding(`{"id":"F-1","factors":{"tool_use":"1"}}`),
		"maestro.layers[0].threats[0].aivss.factors.tool_use: unknown field: v0.8 has no such factor; its factors are autonomy, tools, language, context, non_determinism, opacity, persistence, identity, multi_agent, self_mod", true},
	{"factors an array", withFinding(`{"id":"F-1","factors":[1]}`),
		"maestro.layers[0].threats[0].aivss.factors: is an array; want an object of factor values keyed by factor id", true},
	{"factor off the grid", withFinding(`{"id":"F-1","factors":{"tools":"0.3"}}`),
		"maestro.layers[0].threats[0].aivss.factors.tools: is 0.3; OWASP AIVSS v0.8 takes 0, 0.5 or 1", false},
	{"thm with three decimals", withFinding(`{"id":"F-1","thm":"0.975"}`),
		`maestro.layers[0].threats[0].aivss.thm: decimal "0.975": more than two decimals`, true},
	{"mf a boolean", withFinding(`{"id":"F-1","mf":false}`),
		`maestro.layers[0].threats[0].aivss.mf: is a boolean; want a decimal (a string such as "0.97", or a number) or null`, true},
	{"vector with a score", withFinding(`{"id":"F-1","cvss_vector":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N","cvss_score":"9.3"}`),
		"maestro.layers[0].threats[0].aivss.cvss_score: is set together with a CVSS vector; give one or the other", true},
	{"empty vector", withFinding(`{"id":"F-1","cvss_vector":""}`), "maestro.layers[0].threats[0].aivss.cvss_vector: is empty; give null for no vector", true},
	{"mf in v0.5", func() []byte {
		return bytes.Replace(withFinding(`{"id":"F-1","mf":"1"}`)(), []byte(`"v0.8"`), []byte(`"v0.5"`), 1)
	}, "maestro.layers[0].threats[0].aivss.mf: is set, but OWASP AIVSS v0.5 has no mitigation factor", true},
	{"unknown key", withFinding(`{"id":"F-1","edition":"v0.8"}`), "maestro.layers[0].threats[0].aivss.edition: unknown field", true},
	{"score a number", withFinding(`{"id":"F-1","score":9.5}`),
		"maestro.layers[0].threats[0].aivss.score: is a number; want a string or null (the field is informative)", true},
	{"inherited not strings", withFinding(`{"id":"F-1","inherited":[1]}`),
		"maestro.layers[0].threats[0].aivss.inherited[0]: is a number; want a string (the field is informative)", true},
	{"inherited an object", withFinding(`{"id":"F-1","inherited":{}}`),
		"maestro.layers[0].threats[0].aivss.inherited: is an object; want an array of strings (the field is informative)", true},
	{"a finding on a cross-layer threat, duplicated key", raw(strings.Replace(minimal, `]}}`,
		`],"cross_layer":[{"title":"x","aivss":{"id":"F-1","id":"F-2"}}]}}`, 1)),
		"maestro.cross_layer[0].aivss.id: duplicate field", false},
	{"a finding in threatcard/1", func() []byte {
		return bytes.Replace(withFinding(`{"id":"F-1"}`)(), []byte("threatcard/2"), []byte("threatcard/1"), 1)
	}, "maestro.layers[0].threats[0].aivss: unknown field", false},
	{"null aivss in threatcard/1", func() []byte {
		return bytes.Replace(withFinding(`null`)(), []byte("threatcard/2"), []byte("threatcard/1"), 1)
	}, "maestro.layers[0].threats[0].aivss: unknown field", false},
	{"a threat with neither title nor catalog id nor finding", withThreat(`{"aivss":null}`),
		"maestro.layers[0].threats[0]: needs a catalog id or a title", true},
}

func TestUnmarshalRefusesBadFindings(t *testing.T) {
	s := compileSchema(t)
	for _, tt := range badFindings {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc()
			c, err := Unmarshal(doc)
			if err == nil {
				t.Fatalf("Unmarshal(%s) accepted it: %+v", doc, c)
			}
			if _, ok := errors.AsType[*jsonvalue.Error](err); !ok {
				t.Errorf("error %T %v; want a *jsonvalue.Error", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("Unmarshal(%s)\nerror %q\n want %q", doc, err, tt.want)
			}
			if tt.schemaToo {
				if err := validateJSON(t, s, doc); err == nil {
					t.Errorf("the schema accepts %s", doc)
				}
			}
		})
	}
}

// What a finding may leave out or spell otherwise, and what Unmarshal
// makes of it.
func TestUnmarshalReadsFindingsLeniently(t *testing.T) {
	for _, c := range []struct {
		name, finding string
		want          maestro.Assessment
		schemaToo     bool // the schema accepts it as well
	}{
		{"only an id", `{"id":"F-1"}`, maestro.Assessment{ID: "F-1"}, true},
		{"null aivss is no finding", `null`, maestro.Assessment{}, true},
		{"a category with \"and\"", `{"id":"F-1","category":"Agent Memory and Context Manipulation"}`,
			maestro.Assessment{ID: "F-1", Category: corerisk.MemoryManipulation}, false},
		{"decimals as numbers", `{"id":"F-1","cvss_score":9.3,"factors":{"tools":0.5,"self_mod":null},"thm":0.97,"mf":"0.830"}`,
			maestro.Assessment{ID: "F-1", CVSSScore: dec("9.3"), Factors: [10]decimal.Optional{1: dec("0.5")}, ThM: dec("0.97"), MF: dec("0.83")}, true},
		{"a vector in canonical form", `{"id":"F-1","cvss_vector":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X"}`,
			maestro.Assessment{ID: "F-1", CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}, true},
		{"informative fields of any value", `{"id":"F-1","score":"1.0","severity":"Low","missing":["x"],"inherited":["y"]}`,
			maestro.Assessment{ID: "F-1"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := withFinding(c.finding)()
			got, err := Unmarshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			if a := got.MAESTRO.Layers[0].Threats[0].AIVSS; a != c.want {
				t.Errorf("finding %+v; want %+v", a, c.want)
			}
			if err := validateJSON(t, compileSchema(t), doc); (err == nil) != c.schemaToo {
				t.Errorf("schema says %v; want accepted %v", err, c.schemaToo)
			}
		})
	}
}

func TestFindingsSchemaFollowsTheEdition(t *testing.T) {
	s := compileSchema(t)
	for _, c := range []struct {
		name    string
		edition string
		finding string
		valid   bool
	}{
		{"v0.8 factor id in v0.8", "v0.8", `{"id":"F-1","factors":{"tools":"1"}}`, true},
		{"v0.5 factor id in v0.8", "v0.8", `{"id":"F-1","factors":{"tool_use":"1"}}`, false},
		{"v0.5 factor id in v0.5", "v0.5", `{"id":"F-1","factors":{"tool_use":"1"}}`, true},
		{"card factor id in card", "card", `{"id":"F-1","factors":{"memory_use":"0.4"}}`, true},
		{"v0.8 factor id in card", "card", `{"id":"F-1","factors":{"persistence":"0.4"}}`, false},
		{"inherited of another edition", "v0.8", `{"id":"F-1","inherited":["tool_use"]}`, false},
		{"mf in v0.5", "v0.5", `{"id":"F-1","mf":"1"}`, false},
		{"mf null in v0.5", "v0.5", `{"id":"F-1","mf":null}`, true},
		{"a cross-layer finding's factors", "v0.8", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := withFinding(c.finding)()
			if c.finding == "" {
				doc = []byte(strings.Replace(minimal, `]}}`, `],"cross_layer":[{"title":"x","aivss":{"id":"F-1","factors":{"tool_use":"1"}}}]}}`, 1))
			}
			doc = bytes.Replace(doc, []byte(`"edition":"v0.8"`), []byte(`"edition":"`+c.edition+`"`), 1)
			err := validateJSON(t, s, doc)
			if (err == nil) != c.valid {
				t.Errorf("%s: schema error %v; want valid %v", doc, err, c.valid)
			}
		})
	}
}

func ExampleUnmarshal() {
	doc := `{"format": "threatcard/2", "aivss": {"edition": "v0.8", "factors": {"autonomy": "1"}},
	"maestro": {"layers": [{"layer": 1}, {"layer": 2}, {"layer": 3, "threats": [{"title": "Tool misuse",
	"aivss": {"id": "F-001", "cvss_score": "8.0", "factors": {"autonomy": "0.5", "tools": "0.5"}}}]},
	{"layer": 4}, {"layer": 5}, {"layer": 6}, {"layer": 7}]}}`
	c, err := Unmarshal([]byte(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	f := c.Findings()[0]
	fmt.Println(f.Threat.AIVSS.ID, f.Threat.Name(), f.Eval.MissingText())
	_, err = Unmarshal([]byte(strings.Replace(doc, `"8.0"`, `true`, 1)))
	fmt.Println(err)
	// Output:
	// F-001 Tool misuse 8 of 10 factors, ThM, MF
	// maestro.layers[2].threats[0].aivss.cvss_score: is a boolean; want a decimal (a string such as "0.97", or a number) or null
}
