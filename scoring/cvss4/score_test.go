package cvss4

import (
	"testing"
)

// Scores of Threat and Environmental vectors published by others. Sources:
//
//	rh-threat:   RedHatProductSecurity/cvss, tests/vectors_threat4 (commit b02c410)
//	rh-security: RedHatProductSecurity/cvss, tests/vectors_security4 (commit 89801dc)
//	rh-json:     RedHatProductSecurity/cvss, tests/test_cvss4.py (commit 370b273)
//	go-cvss:     pandatix/go-cvss v0.6.4, 40/cvss40_test.go TestScore; the
//	             "issue-292" cases are the official calculator's scores quoted
//	             in https://github.com/pandatix/go-cvss/issues/292
var publishedScores = []struct {
	source, vector, score, nomenclature string
}{
	{"rh-threat", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A", "0.0", "CVSS-BT"},
	{"rh-threat", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A", "7.3", "CVSS-BT"},
	{"rh-threat", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P", "5.9", "CVSS-BT"},
	{"rh-threat", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U", "4.1", "CVSS-BT"},
	{"rh-threat", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:U", "0.0", "CVSS-BT"},

	{"rh-security", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/CR:H/IR:H/AR:H", "0.0", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:H/IR:H/AR:H", "7.3", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:H/IR:H/AR:M", "7.2", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:H/IR:M/AR:L", "7.1", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:M/IR:H/AR:L", "7.1", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:M/IR:M/AR:H", "7.2", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:M/IR:M/AR:M", "5.5", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:M/IR:L/AR:L", "5.5", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:L/IR:H/AR:M", "7.1", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:L/IR:L/AR:M", "5.5", "CVSS-BE"},
	{"rh-security", "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:L/IR:L/AR:L", "5.4", "CVSS-BE"},

	{"rh-json", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/AR:L", "7.9", "CVSS-BE"},
	{"rh-json", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/MSI:H", "7.7", "CVSS-BE"},

	{"go-cvss", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U", "9.1", "CVSS-BT"},
	{"go-cvss", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MVI:L/MSA:S", "9.8", "CVSS-BE"},
	{"go-cvss", "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:N/VI:H/VA:H/SC:N/SI:L/SA:L/E:P/CR:H/IR:M/AR:H/MAV:A/MAT:P/MPR:N/MVI:H/MVA:N/MSI:H/MSA:N/S:N/V:C/U:Amber", "4.7", "CVSS-BTE"},
	{"go-cvss", "CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:N/VC:N/VI:N/VA:H/SC:H/SI:H/SA:H/CR:L/IR:L/AR:L", "5.8", "CVSS-BE"},
	{"go-cvss issue-292", "CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:P/CR:X/IR:M/AR:X/MAV:N/MAC:H/MAT:X/MPR:L/MUI:X/MVC:L/MVI:N/MVA:H/MSC:L/MSI:S/MSA:S", "7.4", "CVSS-BTE"},
	{"go-cvss issue-292", "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:X/CR:H/IR:M/AR:L/MAV:P/MAC:H/MAT:X/MPR:N/MUI:P/MVC:N/MVI:H/MVA:N/MSC:N/MSI:X/MSA:S/S:P/AU:X/R:A/V:X/RE:M/U:Amber", "5.4", "CVSS-BE"},
	{"go-cvss issue-292", "CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:P/VC:H/VI:N/VA:L/SC:H/SI:N/SA:L/E:X/CR:M/IR:H/AR:H/MAV:N/MAC:X/MAT:N/MPR:N/MUI:A/MVC:N/MVI:X/MVA:N/MSC:N/MSI:X/MSA:N", "0.0", "CVSS-BE"},
	{"go-cvss issue-292", "CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:N/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L/E:P/CR:X/IR:L/AR:M/MAV:X/MAC:X/MAT:N/MPR:L/MUI:X/MVC:X/MVI:N/MVA:N/MSC:X/MSI:N/MSA:N/S:P/AU:X/R:A/V:X/RE:M/U:Clear", "0.0", "CVSS-BTE"},
}

func TestPublishedThreatAndEnvironmentalScores(t *testing.T) {
	for _, tc := range publishedScores {
		v, err := Parse(tc.vector)
		if err != nil {
			t.Errorf("%s: Parse(%s): %v", tc.source, tc.vector, err)
			continue
		}
		if got := v.Score().Format(1); got != tc.score {
			t.Errorf("%s: %s scores %s, published %s", tc.source, tc.vector, got, tc.score)
		}
		if got := v.Nomenclature(); got != tc.nomenclature {
			t.Errorf("%s: %s nomenclature %s, want %s", tc.source, tc.vector, got, tc.nomenclature)
		}
	}
}
