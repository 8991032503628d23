package maestro

import (
	"errors"
	"testing"
)

// The 3×3 matrix documented on RiskOf, cell by cell, plus the unrated row
// and column.
func TestRiskOfMatrix(t *testing.T) {
	tests := []struct {
		likelihood, impact Level
		want               Risk
	}{
		{Unrated, Unrated, RiskUnrated},
		{Unrated, Low, RiskUnrated},
		{Unrated, High, RiskUnrated},
		{Low, Unrated, RiskUnrated},
		{High, Unrated, RiskUnrated},

		{Low, Low, RiskLow},           // 1
		{Low, Medium, RiskLow},        // 2
		{Medium, Low, RiskLow},        // 2
		{Low, High, RiskMedium},       // 3
		{High, Low, RiskMedium},       // 3
		{Medium, Medium, RiskMedium},  // 4
		{Medium, High, RiskHigh},      // 6
		{High, Medium, RiskHigh},      // 6
		{High, High, RiskCritical},    // 9
		{Level(4), High, RiskUnrated}, // out of range
		{High, Level(9), RiskUnrated},
	}
	for _, tt := range tests {
		if got := RiskOf(tt.likelihood, tt.impact); got != tt.want {
			t.Errorf("RiskOf(%q, %q) = %q, want %q", tt.likelihood, tt.impact, got, tt.want)
		}
	}
}

func TestRiskString(t *testing.T) {
	tests := []struct {
		r    Risk
		want string
	}{
		{RiskUnrated, ""},
		{RiskLow, "Low"},
		{RiskMedium, "Medium"},
		{RiskHigh, "High"},
		{RiskCritical, "Critical"},
		{Risk(5), "invalid"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("Risk(%d).String() = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestLevelString(t *testing.T) {
	tests := []struct {
		l     Level
		want  string
		valid bool
	}{
		{Unrated, "", true},
		{Low, "Low", true},
		{Medium, "Medium", true},
		{High, "High", true},
		{Level(4), "invalid", false},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("Level(%d).String() = %q, want %q", tt.l, got, tt.want)
		}
		if got := tt.l.Valid(); got != tt.valid {
			t.Errorf("Level(%d).Valid() = %v, want %v", tt.l, got, tt.valid)
		}
	}
}

func TestParseLevel(t *testing.T) {
	tests := []struct {
		in      string
		want    Level
		wantErr bool
	}{
		{"", Unrated, false},
		{"Low", Low, false},
		{"Medium", Medium, false},
		{"High", High, false},
		{"low", 0, true},
		{"HIGH", 0, true},
		{"Critical", 0, true},
		{" Low", 0, true},
		{"Med", 0, true},
		{"1", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseLevel("impact", tt.in)
			if tt.wantErr {
				var ve *ValueError
				if !errors.As(err, &ve) {
					t.Fatalf("error = %v, want *ValueError", err)
				}
				if ve.Field != "impact" || ve.Value != tt.in {
					t.Errorf("error names field %q value %q, want %q %q", ve.Field, ve.Value, "impact", tt.in)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseLevel(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseLevel(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseLevelErrorMessageNamesField(t *testing.T) {
	_, err := ParseLevel("likelihood", "Critical")
	want := `likelihood: "Critical" is not allowed; likelihood takes Low, Medium, High, (empty for unrated)`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func FuzzParseLevel(f *testing.F) {
	for _, s := range []string{"", "Low", "Medium", "High", "low", "Critical"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLevel("likelihood", s)
		if err != nil {
			var ve *ValueError
			if !errors.As(err, &ve) || ve.Field != "likelihood" || ve.Value != s {
				t.Fatalf("ParseLevel(%q) error %v does not name field and value", s, err)
			}
			return
		}
		if !l.Valid() || l.String() != s {
			t.Fatalf("ParseLevel(%q) = %d, which prints as %q", s, l, l.String())
		}
	})
}
