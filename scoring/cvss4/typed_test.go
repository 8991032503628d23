package cvss4

import (
	"errors"
	"strings"
	"testing"
)

func TestParseTypedTakesWhatCanOnlyMeanOneVector(t *testing.T) {
	const want = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/U:Amber"
	for _, in := range []string{
		want,
		"cvss:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/U:Amber",
		"cvss:4.0/av:n/ac:l/at:n/pr:n/ui:n/vc:h/vi:h/va:h/sc:n/si:n/sa:n/e:u/u:amber",
		"CVSS:4.0/E:U/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N/U:Amber",
		"  " + want + "/  ",
		want + "/CR:X", // a Not Defined metric is the same vector
	} {
		v, err := ParseTyped(in)
		if err != nil || v.String() != want {
			t.Errorf("ParseTyped(%q) = %v, %v; want %s", in, v, err, want)
		}
	}
}

func TestParseTypedNamesWhatIsWrong(t *testing.T) {
	tests := []struct {
		in   string
		kind error
	}{
		{"", ErrEmpty},
		{"CVSS:3.1/AV:N", ErrPrefix},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", ErrMissing},
		{"CVSS:4.0/AV:N/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", ErrDuplicate},
		{"CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", ErrNotAllowed},
		{"CVSS:4.0/ZZ:Q/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", ErrUnknownMetric},
	}
	for _, tt := range tests {
		_, err := ParseTyped(tt.in)
		if pe, ok := errors.AsType[*ParseError](err); !ok || !errors.Is(err, tt.kind) || pe.Msg == "" {
			t.Errorf("ParseTyped(%q) = %v; want a *ParseError of kind %v", tt.in, err, tt.kind)
		}
	}
	// Missing metrics are named as missing, not as out of order.
	_, err := ParseTyped("cvss:4.0/SA:N/AV:N/ac:l/at:n/pr:n/ui:n/vc:h/vi:h/va:h")
	want := "mandatory Base metrics SC, SI are missing; a vector has all 11 Base metrics, AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA, in any order here"
	if err == nil || err.Error() != want {
		t.Errorf("ParseTyped with SC and SI missing = %v; want %q", err, want)
	}
}

func FuzzParseTyped(f *testing.F) {
	f.Add("cvss:4.0/av:n/ac:l/at:n/pr:n/ui:n/vc:h/vi:h/va:h/sc:n/si:n/sa:n")
	f.Add("CVSS:4.0/SA:N/AV:N")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseTyped(s)
		if err != nil {
			if _, ok := errors.AsType[*ParseError](err); !ok {
				t.Fatalf("ParseTyped(%q): error %T, want *ParseError", s, err)
			}
			return
		}
		// What it takes is a valid vector, strict text for Parse.
		if back, err := Parse(v.String()); err != nil || back.String() != v.String() {
			t.Fatalf("ParseTyped(%q) = %s, which Parse reads back as %v, %v", s, v, back, err)
		}
	})
}

// A vector with Threat and Environmental metrics has the Base score of its
// Base metrics: checked against the reference file, each of its vectors
// given more metrics that change the full score.
func TestBaseScoreIsTheReferenceScoreOfTheBaseMetrics(t *testing.T) {
	extras := []string{"/E:U", "/E:P/CR:H/MAV:L", "/E:A/MVC:N/MVI:N/MVA:N", "/CR:L/IR:L/AR:L/S:P/U:Red"}
	sc := openReference(t)
	n := 0
	for sc.Scan() {
		n++
		if n%7 != 0 {
			continue
		}
		fields := strings.Fields(sc.Text())
		for _, extra := range extras {
			v, err := Parse(fields[0] + extra)
			if err != nil {
				t.Fatalf("Parse(%s%s): %v", fields[0], extra, err)
			}
			if got := v.BaseScore().Format(1); got != fields[1] {
				t.Fatalf("%s%s: base score %s, the reference scores its Base metrics %s", fields[0], extra, got, fields[1])
			}
			if got := v.Base().String(); got != fields[0] {
				t.Fatalf("%s%s: Base() = %s, want %s", fields[0], extra, got, fields[0])
			}
		}
	}
	if n != 104976 {
		t.Fatalf("read %d reference lines, want 104976", n)
	}
}

func TestExploitMaturityReadsE(t *testing.T) {
	const base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	for _, tt := range []struct{ extra, want string }{{"", "X"}, {"/E:A", "A"}, {"/E:P", "P"}, {"/E:U", "U"}, {"/CR:H", "X"}} {
		v, err := Parse(base + tt.extra)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.ExploitMaturity(); got != tt.want {
			t.Errorf("%s%s: E = %s, want %s", base, tt.extra, got, tt.want)
		}
	}
}
