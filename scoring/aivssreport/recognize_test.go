package aivssreport

import "testing"

func TestRecognize(t *testing.T) {
	yes := []string{minimalReport, fullReport, `{"metadata": 1, "vulnerabilities": 2}`}
	no := []string{``, `[]`, `{"metadata": {}}`, `{"vulnerabilities": []}`,
		`{"format": "threatcard/2", "metadata": {}, "vulnerabilities": []}`, minimalReport + "x"}
	for _, s := range yes {
		if !Recognize([]byte(s)) {
			t.Errorf("%.40q not recognized", s)
		}
	}
	for _, s := range no {
		if Recognize([]byte(s)) {
			t.Errorf("%.40q recognized", s)
		}
	}
}
