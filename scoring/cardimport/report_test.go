package cardimport

import (
	"errors"
	"strings"
	"testing"
)

// exampleReport is the ten OWASP AIVSS v0.8 §3.6 worked examples as an
// Appendix A report, ids VULN-001 … VULN-010.
const exampleReport = "../aivssreport/testdata/owasp-v0.8-examples.json"

func TestImportRecognisesAnOWASPReport(t *testing.T) {
	data := read(t, exampleReport)
	if got := Detect(data); got != Report {
		t.Fatalf("Detect: %v, want the OWASP AIVSS report", got)
	}
	r, err := Import(append([]byte("\ufeff\n"), data...))
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != Report || r.Format.String() != "OWASP AIVSS report" || len(r.Warnings) != 0 {
		t.Errorf("format %v, warnings %v", r.Format, r.Warnings)
	}
	fs := r.Card.Findings()
	if len(fs) != 10 || r.Card.Title != "OWASP AIVSS v0.8 worked examples" {
		t.Fatalf("%d findings, title %q", len(fs), r.Card.Title)
	}
	// §3.6.4, printed 10.0.
	for _, f := range fs {
		if f.Threat.AIVSS.ID == "VULN-004" && f.Eval.Result.Score != "10.0" {
			t.Errorf("VULN-004 scores %s, printed 10.0", f.Eval.Result.Score)
		}
	}
}

func TestImportOfAReportWarnsOfStatedScoresAndNamesTheVulnerabilityInErrors(t *testing.T) {
	data := string(read(t, exampleReport))
	// VULN-001's printed AIVSS is 9.9; say 9.6.
	stated := strings.Replace(data, `"aivss": 9.9,`, `"aivss": 9.6,`, 1)
	r, err := Import([]byte(stated))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].String(), "VULN-001") ||
		!strings.Contains(r.Warnings[0].String(), "9.6") || !strings.Contains(r.Warnings[0].String(), "9.9") {
		t.Errorf("warnings %v, want one naming VULN-001, 9.6 and 9.9", r.Warnings)
	}
	bad := strings.Replace(data, `"tools": 0.5, "language": 1.0, "context": 1.0, "non_determinism": 1.0, "opacity": 1.0, "persistence": 0.5, "identity": 0.5`,
		`"tools": 0.7, "language": 1.0, "context": 1.0, "non_determinism": 1.0, "opacity": 1.0, "persistence": 0.5, "identity": 0.5`, 1)
	if bad == data {
		t.Fatal("the replacement did not apply")
	}
	_, err = Import([]byte(bad))
	var e *Error
	if !errors.As(err, &e) || e.Format != Report ||
		!strings.HasPrefix(err.Error(), "importing the OWASP AIVSS report: VULN-003: amplification_factors.tools is 0.7") {
		t.Errorf("error %v", err)
	}
}
