package maestro

import (
	"errors"
	"testing"
)

func TestStateNames(t *testing.T) {
	tests := []struct {
		s     State
		name  string
		valid bool
	}{
		{Open, "open", true},
		{Mitigated, "mitigated", true},
		{Accepted, "accepted", true},
		{State(3), "invalid", false},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.name {
			t.Errorf("State(%d).String() = %q, want %q", tt.s, got, tt.name)
		}
		if got := tt.s.Valid(); got != tt.valid {
			t.Errorf("State(%d).Valid() = %v, want %v", tt.s, got, tt.valid)
		}
	}
	var zero State
	if zero != Open {
		t.Errorf("zero State = %d, want Open", zero)
	}
}

func TestParseState(t *testing.T) {
	tests := []struct {
		in      string
		want    State
		wantErr bool
	}{
		{"open", Open, false},
		{"mitigated", Mitigated, false},
		{"accepted", Accepted, false},
		{"", 0, true},
		{"Open", 0, true},
		{"transferred", 0, true},
		{"false-positive", 0, true},
		{" open", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseState(tt.in)
			if tt.wantErr {
				var ve *ValueError
				if !errors.As(err, &ve) {
					t.Fatalf("error = %v, want *ValueError", err)
				}
				if ve.Field != "state" || ve.Value != tt.in {
					t.Errorf("error names field %q value %q, want %q %q", ve.Field, ve.Value, "state", tt.in)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseState(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseState(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseStateErrorMessage(t *testing.T) {
	_, err := ParseState("closed")
	want := `state: "closed" is not allowed; state takes open, mitigated, accepted`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func FuzzParseState(f *testing.F) {
	for _, s := range []string{"", "open", "mitigated", "accepted", "Open"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := ParseState(s)
		if err != nil {
			var ve *ValueError
			if !errors.As(err, &ve) || ve.Value != s {
				t.Fatalf("ParseState(%q) error %v does not name the value", s, err)
			}
			return
		}
		if !st.Valid() || st.String() != s {
			t.Fatalf("ParseState(%q) = %d, which prints as %q", s, st, st.String())
		}
	})
}

func TestThreatName(t *testing.T) {
	tests := []struct {
		name   string
		threat Threat
		want   string
	}{
		{"catalog threat shows the catalog name", Threat{CatalogID: "l1-model-stealing"}, "Model Stealing"},
		{"cross-layer catalog threat", Threat{CatalogID: "x-lateral-movement"}, "Lateral Movement"},
		{"unknown catalog id shows the id", Threat{CatalogID: "l9-nothing"}, "l9-nothing"},
		{"custom threat shows its title", Threat{Title: "Deepfake generation"}, "Deepfake generation"},
		{"empty threat has no name", Threat{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.threat.Name(); got != tt.want {
				t.Errorf("Name() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestThreatRiskUsesLikelihoodAndImpact(t *testing.T) {
	tests := []struct {
		likelihood, impact Level
		want               Risk
	}{
		{Unrated, Unrated, RiskUnrated},
		{Medium, Unrated, RiskUnrated},
		{Low, High, RiskMedium},
		{High, Medium, RiskHigh},
		{High, High, RiskCritical},
	}
	for _, tt := range tests {
		th := Threat{Likelihood: tt.likelihood, Impact: tt.impact}
		if got := th.Risk(); got != tt.want {
			t.Errorf("likelihood %q impact %q: Risk() = %q, want %q", tt.likelihood, tt.impact, got, tt.want)
		}
	}
}
