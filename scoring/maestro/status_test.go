package maestro

import (
	"errors"
	"testing"
)

func TestStatusNamesAndLabels(t *testing.T) {
	tests := []struct {
		s     Status
		name  string
		label string
	}{
		{NotAssessed, "not-assessed", "not assessed"},
		{Mapped, "mapped", "mapped"},
		{Uncertain, "uncertain", "not certain from listing"},
		{Status(3), "invalid", "invalid"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.name {
			t.Errorf("Status(%d).String() = %q, want %q", tt.s, got, tt.name)
		}
		if got := tt.s.Label(); got != tt.label {
			t.Errorf("Status(%d).Label() = %q, want %q", tt.s, got, tt.label)
		}
	}
}

func TestStatusZeroValueIsNotAssessed(t *testing.T) {
	var s Status
	if s != NotAssessed {
		t.Errorf("zero Status = %d, want NotAssessed", s)
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		in      string
		want    Status
		wantErr bool
	}{
		{"not-assessed", NotAssessed, false},
		{"mapped", Mapped, false},
		{"uncertain", Uncertain, false},
		{"", 0, true},
		{"Mapped", 0, true},
		{"not assessed", 0, true},
		{"not certain from listing", 0, true},
		{"mapped ", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseStatus(tt.in)
			if tt.wantErr {
				var ve *ValueError
				if !errors.As(err, &ve) {
					t.Fatalf("error = %v, want *ValueError", err)
				}
				if ve.Field != "status" || ve.Value != tt.in {
					t.Errorf("error names field %q value %q, want %q %q", ve.Field, ve.Value, "status", tt.in)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseStatus(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseStatus(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseStatusErrorMessage(t *testing.T) {
	_, err := ParseStatus("done")
	want := `status: "done" is not allowed; status takes not-assessed, mapped, uncertain`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func FuzzParseStatus(f *testing.F) {
	for _, s := range []string{"", "mapped", "uncertain", "not-assessed", "Mapped"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := ParseStatus(s)
		if err != nil {
			var ve *ValueError
			if !errors.As(err, &ve) || ve.Value != s {
				t.Fatalf("ParseStatus(%q) error %v does not name the value", s, err)
			}
			return
		}
		if !st.Valid() || st.String() != s {
			t.Fatalf("ParseStatus(%q) = %d, which prints as %q", s, st, st.String())
		}
	})
}
