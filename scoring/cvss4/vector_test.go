package cvss4

import (
	"slices"
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
)

func TestStringIsCanonical(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"base unchanged", base, base},
		{"explicit X dropped", base + "/E:X/CR:X/MAV:X/U:X", base},
		{"X among set values dropped", // go-cvss issue-292 case 2
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:X/CR:H/IR:M/AR:L/MAV:P/MAC:H/MAT:X/MPR:N/MUI:P/MVC:N/MVI:H/MVA:N/MSC:N/MSI:X/MSA:S/S:P/AU:X/R:A/V:X/RE:M/U:Amber",
			"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/CR:H/IR:M/AR:L/MAV:P/MAC:H/MPR:N/MUI:P/MVC:N/MVI:H/MVA:N/MSC:N/MSA:S/S:P/R:A/RE:M/U:Amber"},
		{"all groups kept", base + "/E:A/CR:L/MSI:S/S:N/AU:Y/R:I/V:D/RE:H/U:Red", base + "/E:A/CR:L/MSI:S/S:N/AU:Y/R:I/V:D/RE:H/U:Red"},
	}
	for _, tc := range tests {
		v, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := v.String(); got != tc.want {
			t.Errorf("%s: String()\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestNomenclatureCountsOnlyDefinedThreatAndEnvironmentalMetrics(t *testing.T) {
	tests := []struct{ suffix, want string }{
		{"", "CVSS-B"},
		{"/E:X", "CVSS-B"},
		{"/S:P/U:Red", "CVSS-B"},
		{"/E:U", "CVSS-BT"},
		{"/AR:L", "CVSS-BE"},
		{"/MSA:S", "CVSS-BE"},
		{"/E:P/MAV:L", "CVSS-BTE"},
		{"/E:P/CR:X/MAV:L/U:Clear", "CVSS-BTE"},
	}
	for _, tc := range tests {
		v, err := Parse(base + tc.suffix)
		if err != nil {
			t.Fatalf("%s: %v", tc.suffix, err)
		}
		if got := v.Nomenclature(); got != tc.want {
			t.Errorf("base%s: %s, want %s", tc.suffix, got, tc.want)
		}
	}
}

// MacroVectors derived by hand from the EQ rules of the specification
// (section 8.1, tables 24-29).
func TestMacroVector(t *testing.T) {
	tests := []struct{ vector, want, why string }{
		{base, "000200", "AV/PR/UI all N; AC:L AT:N; VC VI H; no H in SC/SI/SA; E X=A; CR X=H with VC:H"},
		{"CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:L", "212201", "AV:P; AC:H; VC/VI/VA no H; SC/SI/SA no H; E X counts as A; no H impact so EQ6=1"},
		{base + "/E:U/CR:L/IR:L/AR:L", "000221", "E:U gives EQ5=2; no requirement H with its impact H gives EQ6=1"},
		{base + "/MSI:S", "000000", "MSI:S gives EQ4=0"},
		{"CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:P/CR:X/IR:M/AR:X/MAV:N/MAC:H/MAT:X/MPR:L/MUI:X/MVC:L/MVI:N/MVA:H/MSC:L/MSI:S/MSA:S",
			"111010", "MAV:N MPR:L UI:N; MAC:H; only MVA H; MSI:S; E:P; AR X=H with MVA:H"},
		{"CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:L/SC:H/SI:N/SA:N/IR:H", "101100", "AV:A PR:N; AC:L AT:N; VC H only; SC:H; E X counts as A; CR X counts as H, with VC:H"},
	}
	for _, tc := range tests {
		v, err := Parse(tc.vector)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.MacroVector(); got != tc.want {
			t.Errorf("%s: MacroVector %s, want %s (%s)", tc.vector, got, tc.want, tc.why)
		}
	}
}

func TestGetReturnsValuesAsWritten(t *testing.T) {
	v, err := Parse(base + "/E:X/MSI:S/U:Amber")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		metric, want string
		ok           bool
	}{
		{"AV", "N", true}, {"SA", "N", true}, {"E", "X", true}, {"CR", "X", true},
		{"MSI", "S", true}, {"U", "Amber", true}, {"RE", "X", true}, {"C", "", false}, {"av", "", false},
	}
	for _, tc := range tests {
		got, ok := v.Get(tc.metric)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Get(%q) = %q, %v; want %q, %v", tc.metric, got, ok, tc.want, tc.ok)
		}
	}
}

func TestSeverityBands(t *testing.T) {
	tests := []struct{ score, want string }{
		{"0.0", "None"}, {"0.1", "Low"}, {"3.9", "Low"}, {"4.0", "Medium"}, {"6.9", "Medium"},
		{"7.0", "High"}, {"8.9", "High"}, {"9.0", "Critical"}, {"10.0", "Critical"}, {"10.1", ""},
	}
	for _, tc := range tests {
		if got := Severity(decimal.MustParse(tc.score)); got != tc.want {
			t.Errorf("Severity(%s) = %q, want %q", tc.score, got, tc.want)
		}
	}
}

// Vectors from the reference file where go-cvss v0.6.4 shows 0.1 less
// (Red Hat cvss40.js d1eafe0 score given first), and one where it agrees.
func TestGoCVSSScoreDiffers(t *testing.T) {
	tests := []struct {
		vector, score, goScore string
		differs                bool
	}{
		{base, "9.3", "9.3", false},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:L/VA:H/SC:H/SI:H/SA:H", "8.6", "8.5", true},
		{"CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:L/VI:H/VA:N/SC:L/SI:L/SA:N", "5.7", "5.6", true},
	}
	for _, tc := range tests {
		v, err := Parse(tc.vector)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Score().Format(1); got != tc.score {
			t.Errorf("%s: Score %s, want %s", tc.vector, got, tc.score)
		}
		if got := v.GoCVSSScore().Format(1); got != tc.goScore {
			t.Errorf("%s: GoCVSSScore %s, want %s", tc.vector, got, tc.goScore)
		}
		if got := v.GoCVSSScoreDiffers(); got != tc.differs {
			t.Errorf("%s: GoCVSSScoreDiffers %v, want %v", tc.vector, got, tc.differs)
		}
	}
}

func TestMetricsListsAllGroupsInVectorOrder(t *testing.T) {
	ms := Metrics()
	var abbrevs []string
	count := map[Group]int{}
	for _, m := range ms {
		abbrevs = append(abbrevs, m.Abbrev)
		count[m.Group]++
		if m.Mandatory != (m.Group == Base) {
			t.Errorf("%s: Mandatory %v in group %s", m.Abbrev, m.Mandatory, m.Group)
		}
		if m.Group != Base && m.Values[0] != (Value{"X", "Not Defined"}) {
			t.Errorf("%s: first value %v, want X Not Defined", m.Abbrev, m.Values[0])
		}
		if m.Name == "" {
			t.Errorf("%s has no display name", m.Abbrev)
		}
	}
	want := []string{"AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA", "E",
		"CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA",
		"S", "AU", "R", "V", "RE", "U"}
	if !slices.Equal(abbrevs, want) {
		t.Errorf("metrics %q\nwant %q", abbrevs, want)
	}
	if count[Base] != 11 || count[Threat] != 1 || count[Environmental] != 14 || count[Supplemental] != 6 {
		t.Errorf("group sizes %v, want Base 11, Threat 1, Environmental 14, Supplemental 6", count)
	}
	values := func(m Metric) (out []string) {
		for _, v := range m.Values {
			out = append(out, v.Abbrev)
		}
		return out
	}
	for _, tc := range []struct {
		i    int
		want []string
	}{
		{0, []string{"N", "A", "L", "P"}}, {1, []string{"L", "H"}}, {2, []string{"N", "P"}}, {3, []string{"N", "L", "H"}},
		{4, []string{"N", "P", "A"}}, {9, []string{"H", "L", "N"}}, {11, []string{"X", "A", "P", "U"}},
		{24, []string{"X", "S", "H", "L", "N"}}, {31, []string{"X", "Clear", "Green", "Amber", "Red"}},
	} {
		if got := values(ms[tc.i]); !slices.Equal(got, tc.want) {
			t.Errorf("%s takes %q, want %q", ms[tc.i].Abbrev, got, tc.want)
		}
	}
	ms[0].Values[0].Abbrev = "changed"
	if Metrics()[0].Values[0].Abbrev != "N" {
		t.Error("changing the result of Metrics changed the package's table")
	}
}
