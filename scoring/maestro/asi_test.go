package maestro

import (
	"errors"
	"testing"
)

// The OWASP Top 10 for Agentic Applications (2026) codes and names, as
// listed in the research notes (maestro.md §3.7).
var officialASI = []struct {
	code, name string
}{
	{"ASI01", "Agent Goal Hijack"},
	{"ASI02", "Tool Misuse & Exploitation"},
	{"ASI03", "Identity & Privilege Abuse"},
	{"ASI04", "Agentic Supply Chain Vulnerabilities"},
	{"ASI05", "Unexpected Code Execution (RCE)"},
	{"ASI06", "Memory & Context Poisoning"},
	{"ASI07", "Insecure Inter-Agent Communication"},
	{"ASI08", "Cascading Failures"},
	{"ASI09", "Human-Agent Trust Exploitation"},
	{"ASI10", "Rogue Agents"},
}

func TestASICodesAndNamesMatchOfficialList(t *testing.T) {
	if NumASI != len(officialASI) {
		t.Fatalf("NumASI = %d, want %d", NumASI, len(officialASI))
	}
	for i, want := range officialASI {
		a := ASI(i + 1)
		if !a.Valid() {
			t.Errorf("ASI(%d).Valid() = false", i+1)
		}
		if got := a.Code(); got != want.code {
			t.Errorf("ASI(%d).Code() = %q, want %q", i+1, got, want.code)
		}
		if got := a.Name(); got != want.name {
			t.Errorf("ASI(%d).Name() = %q, want %q", i+1, got, want.name)
		}
	}
}

func TestASINoneAndOutOfRange(t *testing.T) {
	tests := []struct {
		a     ASI
		valid bool
	}{
		{0, true},
		{11, false},
		{255, false},
	}
	for _, tt := range tests {
		if got := tt.a.Valid(); got != tt.valid {
			t.Errorf("ASI(%d).Valid() = %v, want %v", tt.a, got, tt.valid)
		}
		if got := tt.a.Code(); got != "" {
			t.Errorf("ASI(%d).Code() = %q, want empty", tt.a, got)
		}
		if got := tt.a.Name(); got != "" {
			t.Errorf("ASI(%d).Name() = %q, want empty", tt.a, got)
		}
	}
}

func TestParseASI(t *testing.T) {
	tests := []struct {
		in      string
		want    ASI
		wantErr bool
	}{
		{"", 0, false},
		{"ASI01", 1, false},
		{"ASI05", 5, false},
		{"ASI09", 9, false},
		{"ASI10", 10, false},
		{"ASI00", 0, true},
		{"ASI11", 0, true},
		{"asi01", 0, true},
		{"ASI1", 0, true},
		{"ASI001", 0, true},
		{" ASI01", 0, true},
		{"ASI01 ", 0, true},
		{"1", 0, true},
		{"T1", 0, true},
		{"Agent Goal Hijack", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseASI(tt.in)
			if tt.wantErr {
				var ve *ValueError
				if !errors.As(err, &ve) {
					t.Fatalf("ParseASI(%q) error = %v, want *ValueError", tt.in, err)
				}
				if ve.Field != "asi" || ve.Value != tt.in {
					t.Errorf("error names field %q value %q, want %q %q", ve.Field, ve.Value, "asi", tt.in)
				}
				if got != 0 {
					t.Errorf("ParseASI(%q) = %d with an error, want 0", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseASI(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseASI(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseASIErrorMessage(t *testing.T) {
	_, err := ParseASI("ASI11")
	want := `asi: "ASI11" is not allowed; asi takes ASI01, …, ASI10, (empty for none)`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func FuzzParseASI(f *testing.F) {
	for _, s := range []string{"", "ASI01", "ASI10", "ASI11", "asi01", "ASI0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseASI(s)
		if err != nil {
			var ve *ValueError
			if !errors.As(err, &ve) || ve.Value != s {
				t.Fatalf("ParseASI(%q) error %v does not name the value", s, err)
			}
			return
		}
		if !a.Valid() || a.Code() != s {
			t.Fatalf("ParseASI(%q) = %d, whose code is %q", s, a, a.Code())
		}
	})
}
