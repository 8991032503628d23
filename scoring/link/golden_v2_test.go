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
	"github.com/threatcard/threatcard/scoring/maestro"
)

// goldenV2 is a golden link of format 2: testdata/links-v2/NAME.link holds
// the link; the card it carries and the link's readable head (everything
// before its text, the findings' parts included) are written out by hand
// here, and reviewed when the pair was added. Like format 1's, these links
// keep their meaning forever: never edit one to make a test pass.
type goldenV2 struct {
	name string
	card *card.Card
	head string // the link up to its text part, "&d=" excluded
}

// factorsOf is ten factor values as a link writes them, an empty one
// unset: a test's shorthand for card literals.
func factorsOf(vals ...string) (fs [card.NumFactors]decimal.Optional) {
	for i, v := range vals {
		if v != "" {
			fs[i] = some(v)
		}
	}
	return fs
}

func goldenV2Cards() []goldenV2 {
	// Findings under layers (a catalog threat, a custom threat after one
	// that is no finding) and cross-layer; factors inherited, some and all
	// overridden; a vector with Exploit Maturity (which sets ThM in v0.8),
	// a bare score, and a vector with all its own inputs.
	layersAndCross := &card.Card{
		Title:   "Support desk agent",
		Summary: "Answers customer tickets; can refund orders.",
		AIVSS: card.Inputs{
			Edition:    "v0.8",
			CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
			Factors:    factorsOf("1", "0.5", "1", "0.5", "0.5", "1", "0", "0.5", "0", "0"),
			ThM:        some("0.97"),
			MF:         some("0.83"),
		},
	}
	m := &layersAndCross.MAESTRO
	m.Layer(maestro.FoundationModels).Status = maestro.Mapped
	m.Layer(maestro.FoundationModels).Threats = []maestro.Threat{{
		CatalogID: "l1-prompt-injection", ASI: 1, Likelihood: maestro.High, Impact: maestro.High,
		AIVSS: maestro.Assessment{ID: "F-001", Category: 10,
			CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:P"},
	}}
	m.Layer(maestro.AgentFrameworks).Threats = []maestro.Threat{
		{Title: "Unvetted plugin loader", Likelihood: maestro.Low},
		{Title: "Tool call replay", Description: "A refund call is sent twice.", ASI: 2, State: maestro.Mitigated,
			Mitigations: "Idempotency keys",
			AIVSS: maestro.Assessment{ID: "F-002", Category: 1, CVSSScore: some("8.2"),
				Factors: factorsOf("1", "", "", "", "", "", "0.5", "", "", "0"), ThM: some("1")}},
	}
	m.CrossLayer = []maestro.Threat{
		{CatalogID: "x-lateral-movement", Layers: []maestro.Layer{2, 4}},
		{Title: "Credential relay between agents", Layers: []maestro.Layer{5, 7}, Impact: maestro.High,
			AIVSS: maestro.Assessment{ID: "F-003", Category: 5,
				CVSSVector: "CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H",
				Factors:    factorsOf("1", "0.5", "1", "1", "1", "1", "0.5", "0.5", "1", "0.5"),
				ThM:        some("0.97"), MF: some("1")}},
	}

	// Ids that need percent-encoding (non-ASCII, a space, '/', and every
	// character that means something in a link), one that needs none of
	// it but has every unreserved sign; findings without a title, without
	// a category, with the card edition's continuous values, and a vector
	// with Threat, Environmental and Supplemental metrics.
	oddIDs := &card.Card{
		Title: "Pentest report import",
		AIVSS: card.Inputs{
			Edition: "card",
			Factors: factorsOf("0.2", "", "0.35", "", "", "", "", "", "", "0.9"),
		},
	}
	m = &oddIDs.MAESTRO
	m.Layer(maestro.DataOperations).Status = maestro.Uncertain
	m.Layer(maestro.DataOperations).Threats = []maestro.Threat{
		{Description: "Found in the report; it gives no title.",
			AIVSS: maestro.Assessment{ID: "Ü 7/β"}},
		{Title: "Export endpoint", Likelihood: maestro.Medium, Impact: maestro.Medium,
			AIVSS: maestro.Assessment{ID: "a;b&c=d%#e f", Category: 2, CVSSScore: some("10"),
				Factors: factorsOf("0.41", "", "", "", "", "", "", "", "", "1"), ThM: some("1.25"), MF: some("0")}},
	}
	m.Layer(maestro.SecurityCompliance).Threats = []maestro.Threat{{
		CatalogID: "l6-weak-access-control", ASI: 3,
		AIVSS: maestro.Assessment{ID: "VULN-001", Category: 2,
			CVSSVector: "CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/MAV:N/S:P/U:Amber"},
	}}
	m.CrossLayer = []maestro.Threat{{AIVSS: maestro.Assessment{ID: "~x.y_z-", Category: 9}}}

	// v0.5 (no MF): a card of scores alone but for one finding with a
	// bare score and its own ThM.
	v05 := &card.Card{
		AIVSS: card.Inputs{
			Edition: "v0.5",
			Factors: factorsOf("0.5", "0.5", "0.5", "0.5", "0", "0", "0", "0", "0", "0"),
			ThM:     some("0.97"),
		},
	}
	v05.MAESTRO.Layer(maestro.DeploymentInfra).Threats = []maestro.Threat{{
		Title: "Container escape", State: maestro.Accepted,
		AIVSS: maestro.Assessment{ID: "F-001", Category: 7, CVSSScore: some("9.3"), ThM: some("0.91")},
	}}

	return []goldenV2{
		{"v08-findings-layers-and-cross-layer", layersAndCross,
			"v2&e=v0.8&c=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N&f=1,0.5,1,0.5,0.5,1,0,0.5,0,0&thm=0.97&mf=0.83" +
				"&s=1.1;F-001;10;CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:P;;;" +
				"&s=3.2;F-002;1;8.2;1,,,,,,0.5,,,0;1;" +
				"&s=8.2;F-003;5;CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H;1,0.5,1,1,1,1,0.5,0.5,1,0.5;0.97;1"},
		{"card-edition-odd-ids", oddIDs,
			"v2&e=card&f=0.2,,0.35,,,,,,,0.9" +
				"&s=2.1;%C3%9C%207%2F%CE%B2;;;;;" +
				"&s=2.2;a%3Bb%26c%3Dd%25%23e%20f;2;10.0;0.41,,,,,,,,,1;1.25;0" +
				"&s=6.1;VULN-001;2;CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/MAV:N/S:P/U:Amber;;;" +
				"&s=8.1;~x.y_z-;9;;;;"},
		{"v05-finding-bare-score", v05,
			"v2&e=v0.5&f=0.5,0.5,0.5,0.5,0,0,0,0,0,0&thm=0.97" +
				"&s=4.1;F-001;7;9.3;;0.91;"},
	}
}

// goldenV2Links returns the format 2 golden links by name.
func goldenV2Links(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob("testdata/links-v2/*.link")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no format 2 golden links: %v", err)
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

// Permanence of format 2: each golden link decodes to the card written
// out above, its readable head is the one written out above, the card
// encodes to exactly the link, and the link is canonical.
func TestGoldenV2LinksKeepTheirMeaning(t *testing.T) {
	links := goldenV2Links(t)
	goldens := goldenV2Cards()
	if len(links) != len(goldens) {
		t.Errorf("%d links in testdata/links-v2, %d cards here: each link has its card", len(links), len(goldens))
	}
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			l, ok := links[g.name]
			if !ok {
				t.Fatalf("testdata/links-v2/%s.link is missing", g.name)
			}
			if err := g.card.Validate(); err != nil {
				t.Fatalf("the golden card is not valid: %v", err)
			}
			if !strings.HasPrefix(l, g.head+"&d=") {
				t.Errorf("the link\n%s\ndoes not start with the head\n%s&d=", l, g.head)
			}
			got, err := link.Decode(l)
			if err != nil {
				t.Fatalf("the golden link no longer decodes: %v", err)
			}
			if !reflect.DeepEqual(got, g.card) {
				t.Errorf("the golden link now means something else:\n got %+v\nwant %+v", got, g.card)
			}
			if enc, err := link.Encode(g.card); err != nil || enc != l {
				t.Errorf("the card encodes to %q, %v; the golden link is %q", enc, err, l)
			}
			if canon, err := link.Canonical("https://example.org/threatcard/#" + l); err != nil || canon != l {
				t.Errorf("Canonical = %q, %v; want the link itself", canon, err)
			}
		})
	}
}
