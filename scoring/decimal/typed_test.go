package decimal

import (
	"errors"
	"strings"
	"testing"
)

func TestParseTypedTakesWhatCanOnlyMeanOneNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int64 // hundredths
	}{
		{"0.5", 50}, {".25", 25}, {"0,5", 50}, {",5", 50}, {"1.", 100}, {"1,", 100},
		{" 9.3 ", 930}, {"+0.97", 97}, {"10", 1000}, {"0.500", 50}, {"00,97", 97},
	}
	for _, tt := range tests {
		got, err := ParseTyped(tt.in)
		if err != nil || got.Hundredths() != tt.want {
			t.Errorf("ParseTyped(%q) = %d, %v; want %d hundredths", tt.in, got.Hundredths(), err, tt.want)
		}
	}
}

func TestParseTypedSaysPreciselyWhatIsWrong(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", "empty number"},
		{"  ", "empty number"},
		{"0.255", "at most two decimals"},
		{"0,255", "at most two decimals"},
		{"-1", "a negative number"},
		{"−0.5", "a negative number"},
		{"1.5.", "more than one decimal separator"},
		{"1,5.0", "more than one decimal separator"},
		{"abc", "not a number"},
		{"1e-1", "not a number"},
		{".", "not a number"},
		{"1 0", "not a number"},
		{"99999", "number too large"},
	}
	for _, tt := range tests {
		_, err := ParseTyped(tt.in)
		se, ok := errors.AsType[*SyntaxError](err)
		if !ok || !strings.HasPrefix(se.Msg, tt.msg) || se.Text != tt.in {
			t.Errorf("ParseTyped(%q) error = %v; want a *SyntaxError saying %q", tt.in, err, tt.msg)
		}
	}
}

func TestParseTypedAgreesWithParseOnStrictText(t *testing.T) {
	for n := int64(0); n <= 1000; n++ {
		d := FromHundredths(n)
		for _, s := range []string{d.Format(0), d.Format(1), d.Format(2)} {
			got, err := ParseTyped(s)
			if err != nil || got != d {
				t.Fatalf("ParseTyped(%q) = %v, %v; want %v", s, got, err, d)
			}
		}
	}
}

func FuzzParseTyped(f *testing.F) {
	for _, s := range []string{"0.5", ".25", "0,5", "1.", "-1", "0.255", "1e3", " 9,3 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseTyped(s)
		if err != nil {
			if _, ok := errors.AsType[*SyntaxError](err); !ok {
				t.Fatalf("ParseTyped(%q): error %T, want *SyntaxError", s, err)
			}
			return
		}
		if d < 0 {
			t.Fatalf("ParseTyped(%q) = %v, negative", s, d)
		}
		// What it takes, written canonically, is strict text for Parse.
		if back, err := Parse(d.String()); err != nil || back != d {
			t.Fatalf("ParseTyped(%q) = %v, which Parse reads back as %v, %v", s, d, back, err)
		}
	})
}
