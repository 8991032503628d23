package maestro

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// readList reads a testdata list: one entry per line; blank lines and lines
// starting with # are skipped.
func readList(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func catalogIDs(ts []CatalogThreat) []string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

// layerOfID returns the layer an id's prefix names: l1 … l7, or 0 for x.
func layerOfID(id string) Layer {
	prefix, _, _ := strings.Cut(id, "-")
	if prefix == "x" {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(prefix, "l"))
	return Layer(n)
}

// Links carry catalog ids, so an id that is renamed or dropped breaks every
// link that holds it. The golden list only ever grows.
func TestCatalogIDsMatchGoldenList(t *testing.T) {
	golden := readList(t, "testdata/catalog-ids.txt")
	ids := catalogIDs(Catalog())

	seen := map[string]bool{}
	for _, id := range golden {
		if seen[id] {
			t.Errorf("testdata/catalog-ids.txt lists %q twice", id)
		}
		seen[id] = true
		if _, ok := LookupThreat(id); !ok {
			t.Errorf("released id %q is missing from the catalog (ids may never be renamed or removed)", id)
		}
	}
	for _, id := range ids {
		if !seen[id] {
			t.Errorf("catalog id %q is not in testdata/catalog-ids.txt; append it there", id)
		}
	}

	// Within a layer, the catalog keeps the order of the golden list, so
	// new threats come after the released ones of their layer.
	for l := Layer(0); l <= NumLayers; l++ {
		var want []string
		for _, id := range golden {
			if layerOfID(id) == l {
				want = append(want, id)
			}
		}
		if got := catalogIDs(CatalogFor(l)); !slices.Equal(got, want) {
			t.Errorf("layer %d: catalog order %v, want the golden order %v", l, got, want)
		}
	}
}

// The longest slug released; ids are meant to stay short.
const maxSlugLen = 26

var idPattern = regexp.MustCompile(`^(l[1-7]|x)-[a-z0-9]+(-[a-z0-9]+)*$`)

func TestCatalogIDsAreWellFormedAndUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, th := range Catalog() {
		if seen[th.ID] {
			t.Errorf("id %q is used twice", th.ID)
		}
		seen[th.ID] = true
		if !idPattern.MatchString(th.ID) {
			t.Errorf("id %q is not of the form l<1-7>-slug or x-slug", th.ID)
			continue
		}
		wantPrefix := "x-"
		if th.Layer != 0 {
			wantPrefix = "l" + strconv.Itoa(int(th.Layer)) + "-"
		}
		if !strings.HasPrefix(th.ID, wantPrefix) {
			t.Errorf("id %q of layer %d does not start with %q", th.ID, th.Layer, wantPrefix)
		}
		if _, slug, _ := strings.Cut(th.ID, "-"); len(slug) > maxSlugLen {
			t.Errorf("id %q has a slug of %d characters, more than %d", th.ID, len(slug), maxSlugLen)
		}
	}
}

func TestCatalogIsOrderedLayerByLayerThenCrossLayer(t *testing.T) {
	rank := func(l Layer) int {
		if l == 0 {
			return NumLayers + 1
		}
		return int(l)
	}
	cat := Catalog()
	for i := 1; i < len(cat); i++ {
		if rank(cat[i].Layer) < rank(cat[i-1].Layer) {
			t.Errorf("%q (layer %d) comes after %q (layer %d)", cat[i].ID, cat[i].Layer, cat[i-1].ID, cat[i-1].Layer)
		}
	}
}

// The threats the CSA MAESTRO post names for each layer, in the post's
// order (research notes maestro.md §2.2, including the items that appear in
// only one version of the post).
var csaLayerThreats = map[Layer][]string{
	FoundationModels: {
		"Adversarial Examples", "Model Stealing", "Backdoor Attacks", "Membership Inference Attacks",
		"Data Poisoning (Training Phase)", "Reprogramming Attacks", "Denial of Service (DoS) Attacks",
	},
	DataOperations: {
		"Data Poisoning", "Data Exfiltration", "Model Inversion/Extraction",
		"Denial of Service on Data Infrastructure", "Data Tampering", "Compromised RAG Pipelines",
	},
	AgentFrameworks: {
		"Compromised Framework Components", "Backdoor Attacks", "Input Validation Attacks",
		"Supply Chain Attacks", "Denial of Service on Framework APIs", "Framework Evasion",
	},
	DeploymentInfra: {
		"Compromised Container Images", "Orchestration Attacks", "Infrastructure-as-Code (IaC) Manipulation",
		"Denial of Service (DoS) Attacks", "Resource Hijacking", "Lateral Movement",
	},
	EvaluationObserv: {
		"Manipulation of Evaluation Metrics", "Compromised Observability Tools",
		"Denial of Service on Evaluation Infrastructure", "Evasion of Detection",
		"Data Leakage through Observability", "Poisoning Observability Data",
	},
	SecurityCompliance: {
		"Security Agent Data Poisoning", "Evasion of Security AI Agents", "Compromised Security AI Agents",
		"Regulatory Non-Compliance by AI Security Agents", "Bias in Security AI Agents",
		"Lack of Explainability in Security AI Agents", "Model Extraction of AI Security Agents",
	},
	AgentEcosystem: {
		"Compromised Agents", "Agent Impersonation", "Agent Identity Attack", "Agent Tool Misuse",
		"Agent Goal Manipulation", "Marketplace Manipulation", "Integration Risks",
		"Horizontal/Vertical Solution Vulnerabilities", "Repudiation", "Compromised Agent Registry",
		"Malicious Agent Discovery", "Agent Pricing Model Manipulation", "Inaccurate Agent Capability Description",
	},
}

func TestEveryLayerOpensWithTheCSAThreatsInOrder(t *testing.T) {
	for _, l := range Layers() {
		want := csaLayerThreats[l]
		got := CatalogFor(l)
		if len(got) < len(want) {
			t.Errorf("%s has %d threats, want at least the %d CSA ones", l, len(got), len(want))
			continue
		}
		for i, name := range want {
			if got[i].Name != name {
				t.Errorf("%s threat %d is %q, want %q", l, i+1, got[i].Name, name)
			}
		}
	}
}

func TestThreatNamesAreUniqueWithinALayer(t *testing.T) {
	for l := Layer(0); l <= NumLayers; l++ {
		seen := map[string]bool{}
		for _, th := range CatalogFor(l) {
			if seen[th.Name] {
				t.Errorf("layer %d has two threats named %q", l, th.Name)
			}
			seen[th.Name] = true
		}
	}
}

// The five cross-layer threats of the CSA post (maestro.md §2.3).
func TestCrossLayerThreatsOfTheFramework(t *testing.T) {
	want := []struct{ id, name string }{
		{"x-supply-chain", "Supply Chain Attacks"},
		{"x-lateral-movement", "Lateral Movement"},
		{"x-privilege-escalation", "Privilege Escalation"},
		{"x-data-leakage", "Data Leakage"},
		{"x-goal-misalignment", "Goal Misalignment Cascades"},
	}
	for _, w := range want {
		th, ok := LookupThreat(w.id)
		if !ok {
			t.Errorf("cross-layer threat %q is missing", w.id)
			continue
		}
		if th.Name != w.name {
			t.Errorf("%s is named %q, want %q", w.id, th.Name, w.name)
		}
		if th.Layer != 0 {
			t.Errorf("%s has layer %d, want 0 (cross-layer)", w.id, th.Layer)
		}
	}
}

func TestCrossLayerThreatsSuggestTwoOrMoreAscendingLayers(t *testing.T) {
	for _, th := range CatalogFor(0) {
		if len(th.Layers) < 2 {
			t.Errorf("%s suggests %v, want at least two layers", th.ID, th.Layers)
		}
		for i, l := range th.Layers {
			if !l.Valid() {
				t.Errorf("%s suggests invalid layer %d", th.ID, l)
			}
			if i > 0 && l <= th.Layers[i-1] {
				t.Errorf("%s suggests %v, want ascending and distinct", th.ID, th.Layers)
			}
		}
	}
}

func TestLayerThreatsSuggestNoLayers(t *testing.T) {
	for _, th := range Catalog() {
		if th.Layer != 0 && th.Layers != nil {
			t.Errorf("%s sits under layer %d but suggests layers %v", th.ID, th.Layer, th.Layers)
		}
	}
}

func TestCatalogEntriesAreComplete(t *testing.T) {
	for _, th := range Catalog() {
		if th.Layer > NumLayers {
			t.Errorf("%s has layer %d", th.ID, th.Layer)
		}
		if th.Name == "" || strings.TrimSpace(th.Name) != th.Name {
			t.Errorf("%s has name %q", th.ID, th.Name)
		}
		d := th.Description
		if d == "" || strings.TrimSpace(d) != d || strings.ContainsAny(d, "\r\n") || !strings.HasSuffix(d, ".") {
			t.Errorf("%s: description %q is not one trimmed line ending in a full stop", th.ID, d)
		}
		if !th.ASI.Valid() {
			t.Errorf("%s has invalid ASI %d", th.ID, th.ASI)
		}
	}
}

// The ASI codes the research notes state outright for catalog threats
// (maestro.md §6).
func TestCatalogASIFromResearchNotes(t *testing.T) {
	tests := []struct {
		id   string
		want string
	}{
		{"l7-inter-agent-comms", "ASI07"},
		{"x-cascading-failures", "ASI08"},
	}
	for _, tt := range tests {
		th, ok := LookupThreat(tt.id)
		if !ok {
			t.Errorf("%s is missing", tt.id)
			continue
		}
		if got := th.ASI.Code(); got != tt.want {
			t.Errorf("%s maps to %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestLookupThreat(t *testing.T) {
	tests := []struct {
		id       string
		wantOK   bool
		wantName string
	}{
		{"l3-input-validation", true, "Input Validation Attacks"},
		{"l1-backdoor-attacks", true, "Backdoor Attacks"},
		{"x-privilege-escalation", true, "Privilege Escalation"},
		{"", false, ""},
		{"L3-input-validation", false, ""},
		{"l3-input", false, ""},
	}
	for _, tt := range tests {
		th, ok := LookupThreat(tt.id)
		if ok != tt.wantOK || th.Name != tt.wantName {
			t.Errorf("LookupThreat(%q) = %q, %v; want %q, %v", tt.id, th.Name, ok, tt.wantName, tt.wantOK)
		}
		if ok && th.ID != tt.id {
			t.Errorf("LookupThreat(%q) returned id %q", tt.id, th.ID)
		}
	}
}

func TestCatalogForSplitsTheCatalogByLayer(t *testing.T) {
	total := 0
	for l := Layer(0); l <= NumLayers; l++ {
		got := CatalogFor(l)
		if len(got) == 0 {
			t.Errorf("CatalogFor(%d) is empty", l)
		}
		for _, th := range got {
			if th.Layer != l {
				t.Errorf("CatalogFor(%d) returned %s of layer %d", l, th.ID, th.Layer)
			}
		}
		total += len(got)
	}
	if total != len(Catalog()) {
		t.Errorf("the layers hold %d threats, the catalog %d", total, len(Catalog()))
	}
	if got := CatalogFor(NumLayers + 1); got != nil {
		t.Errorf("CatalogFor(8) = %v, want nil", catalogIDs(got))
	}
}
