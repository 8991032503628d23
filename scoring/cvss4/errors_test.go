package cvss4

import (
	"errors"
	"slices"
	"testing"

	gocvss40 "github.com/pandatix/go-cvss/40"
)

const base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"

func TestParseErrorsNameTheProblem(t *testing.T) {
	tests := []struct {
		name, vector string
		kind         error
		metric       string
		msg          string
	}{
		{"empty", "", ErrEmpty, "", `empty vector; a CVSS v4.0 vector starts with "CVSS:4.0/"`},
		{"no prefix", "AV:N/AC:L", ErrPrefix, "", `missing "CVSS:4.0/" prefix; the vector starts with "AV:N"`},
		{"other version", "CVSS:3.1/AV:N/AC:L", ErrPrefix, "", `"CVSS:3.1" is not CVSS v4.0; the vector must start with "CVSS:4.0/"`},
		{"lower-case prefix", "cvss:4.0/AV:N", ErrPrefix, "", `prefix "cvss:4.0" must be written "CVSS:4.0" (upper case)`},
		{"leading space", " " + base, ErrPrefix, "", `vector starts with white space; it must start with "CVSS:4.0/"`},
		{"prefix glued to text", "CVSS:4.01/AV:N", ErrPrefix, "", `"CVSS:4.0" must be followed by "/", not "1"`},
		{"prefix only", "CVSS:4.0", ErrMissing, "AV", `no metrics after "CVSS:4.0"; the 11 Base metrics AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA are mandatory`},
		{"base value not allowed", "CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", ErrNotAllowed, "AV", "AV:X is not allowed; AV takes N, A, L, P"},
		{"empty value", "CVSS:4.0/AV:/AC:L", ErrNotAllowed, "AV", "AV has an empty value; AV takes N, A, L, P"},
		{"no colon", "CVSS:4.0/AV/AC:L", ErrSyntax, "AV", `AV has no ":value"; AV takes N, A, L, P`},
		{"safety outside modified", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", ErrNotAllowed, "SI", "SI:S is not allowed; SI takes H, L, N (S, Safety, exists only for MSI and MSA)"},
		{"lower-case value", base + "/U:red", ErrNotAllowed, "U", "U:red is not allowed; U takes X, Clear, Green, Amber, Red (values are case-sensitive)"},
		{"threat value not allowed", base + "/E:H", ErrNotAllowed, "E", "E:H is not allowed; E takes X, A, P, U"},
		{"MSC takes no safety", base + "/MSC:S", ErrNotAllowed, "MSC", "MSC:S is not allowed; MSC takes X, H, L, N"},
		{"base metric missing", "CVSS:4.0/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", ErrMissing, "AC", "mandatory Base metric AC is missing after AV (found AT); the 11 Base metrics AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA are mandatory, in this order"},
		{"last base metric missing", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", ErrMissing, "SA", "mandatory Base metric SA is missing at the end, after SI; the 11 Base metrics AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA are mandatory, in this order"},
		{"base order swapped", "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", ErrMissing, "AV", "mandatory Base metric AV is missing (found AC); the 11 Base metrics AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA are mandatory, in this order"},
		{"optional order", base + "/CR:H/E:A", ErrOrder, "E", "E is out of order; E must come before CR"},
		{"environmental order", base + "/MAV:N/AR:H", ErrOrder, "AR", "AR is out of order; AR must come before MAV"},
		{"duplicate base", base + "/AV:N", ErrDuplicate, "AV", "AV appears more than once"},
		{"duplicate with X", base + "/E:X/E:A", ErrDuplicate, "E", "E appears more than once"},
		{"unknown metric", base + "/FOO:X", ErrUnknownMetric, "FOO", "unknown metric FOO in FOO:X"},
		{"lower-case metric", base + "/e:A", ErrUnknownMetric, "e", "unknown metric e in e:A; metric names are upper case: E"},
		{"CVSS v3 metric", base + "/S:U/C:H", ErrNotAllowed, "S", "S:U is not allowed; S takes X, N, P"},
		{"trailing slash", base + "/", ErrSyntax, "", `trailing "/" after SA:N`},
		{"double slash", base + "//E:A", ErrSyntax, "", `empty metric ("//") after SA:N`},
		{"text without colon", base + "/hello", ErrSyntax, "", `hello is not NAME:VALUE (no ":")`},
		{"hostile long name", base + "/" + "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:1", ErrUnknownMetric, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
			`unknown metric "XXXXXXXXXXXXXXXXXXXXXXXX"… in "XXXXXXXXXXXXXXXXXXXXXXXX"…`},
		{"invalid UTF-8", base + "/\xff:N", ErrUnknownMetric, "\xff", `unknown metric "\xff" in "\xff:N"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Parse(tc.vector)
			if err == nil {
				t.Fatalf("Parse(%q) accepted %s", tc.vector, v)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is no *ParseError", err, err)
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("kind %v, want %v", pe.Kind, tc.kind)
			}
			if pe.Metric != tc.metric {
				t.Errorf("Metric %q, want %q", pe.Metric, tc.metric)
			}
			if pe.Vector != tc.vector {
				t.Errorf("Vector %q, want the input %q", pe.Vector, tc.vector)
			}
			if err.Error() != tc.msg {
				t.Errorf("message\n got %s\nwant %s", err, tc.msg)
			}
			if pe.Offset < 0 || pe.Offset > len(tc.vector) {
				t.Errorf("Offset %d outside the %d-byte input", pe.Offset, len(tc.vector))
			}
			if _, gerr := gocvss40.ParseVector(tc.vector); gerr == nil || !errors.Is(err, gerr) {
				t.Errorf("go-cvss's error %v is not wrapped", gerr)
			}
		})
	}
}

func TestNotAllowedErrorListsAllowedValues(t *testing.T) {
	_, err := Parse(base + "/MSI:Q")
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a *ParseError", err)
	}
	if want := []string{"X", "S", "H", "L", "N"}; pe.Metric != "MSI" || pe.Value != "Q" || !slices.Equal(pe.Allowed, want) {
		t.Errorf("Metric %q Value %q Allowed %q, want MSI Q %q", pe.Metric, pe.Value, pe.Allowed, want)
	}
}

func TestErrorOffsetPointsAtTheMetric(t *testing.T) {
	vec := base + "/E:A/CR:Q"
	_, err := Parse(vec)
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a *ParseError", err)
	}
	if got := vec[pe.Offset:]; got != "CR:Q" {
		t.Errorf("Offset %d points at %q, want CR:Q", pe.Offset, got)
	}
}
