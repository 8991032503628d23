package aivssreport

import (
	"errors"
	"testing"
)

// FuzzParse checks that Parse never panics, refuses with an *Error, and
// that what it accepts makes a valid card whose report validates against
// the schema, lists every vulnerability, and reads back without warnings.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimalReport))
	f.Add([]byte(fullReport))
	f.Add([]byte(zeroReport))
	f.Add([]byte(owaspReport(owaspCategories)))
	f.Add([]byte(`{"metadata": {"system_name": "", "assessment_date": "2026-01-01", "assessor_id": ""}, "vulnerabilities": []}`))
	f.Add([]byte(`{"vulnerabilities": [{"id": "X", "id": 1}]}`))
	f.Add([]byte(`[1e999999999, -0.0e-5, "\ud800"]`))
	s := compileSchema(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse(data)
		if err != nil {
			if e := (*Error)(nil); !errors.As(err, &e) {
				t.Fatalf("%T %v", err, err)
			}
			return
		}
		if err := res.Card.Validate(); err != nil {
			t.Fatalf("the card is not valid: %v", err)
		}
		doc, skipped, err := Marshal(res.Card, res.Metadata)
		if err != nil {
			t.Fatalf("the card is not written: %v", err)
		}
		if len(skipped) > 0 {
			t.Fatalf("skipped %v", skipped)
		}
		if err := validate(t, s, doc); err != nil {
			t.Fatalf("the report does not validate: %v\n%s", err, doc)
		}
		again, err := Parse(doc)
		if err != nil {
			t.Fatalf("the report written is refused: %v\n%s", err, doc)
		}
		if len(again.Warnings) > 0 {
			t.Fatalf("the report written has warnings: %q\n%s", again.Warnings, doc)
		}
		if a, b := len(again.Card.Findings()), len(res.Card.Findings()); a != b {
			t.Fatalf("%d findings, then %d", b, a)
		}
	})
}
