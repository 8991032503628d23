package decimal

import (
	"errors"
	"strconv"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want int64 // hundredths
	}{
		{"0", 0}, {"1", 100}, {"10", 1000}, {"0.5", 50}, {"0.50", 50}, {"0.500", 50},
		{"0.97", 97}, {"9.3", 930}, {"1.00", 100}, {"00.1", 10}, {"1000", 100000},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got.Hundredths() != tt.want {
			t.Errorf("Parse(%q) = %d, %v; want %d hundredths", tt.in, got.Hundredths(), err, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"", "empty number"},
		{".5", "not a plain decimal"},
		{"1.", "not a plain decimal"},
		{"-1", "not a plain decimal"},
		{"+1", "not a plain decimal"},
		{"1e-1", "not a plain decimal"},
		{" 1", "not a plain decimal"},
		{"1 ", "not a plain decimal"},
		{"0.975", "more than two decimals"},
		{"0.001", "more than two decimals"},
		{"1000.01", "number too large"},
		{"99999999999999999999", "number too large"},
		{"1,5", "not a plain decimal"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Msg[:len(tt.msg)] != tt.msg || se.Text != tt.in {
			t.Errorf("Parse(%q) error = %v; want a *SyntaxError saying %q", tt.in, err, tt.msg)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		hundredths int64
		places     int
		want       string
	}{
		{0, 0, "0"}, {50, 0, "0.5"}, {97, 0, "0.97"}, {100, 0, "1"}, {1000, 0, "10"},
		{0, 1, "0.0"}, {930, 1, "9.3"}, {97, 1, "0.97"}, {1000, 1, "10.0"},
		{0, 2, "0.00"}, {50, 2, "0.50"}, {5, 2, "0.05"}, {100, 2, "1.00"},
		// A negative value a program made is written with its sign.
		{-5, 0, "-0.05"}, {-5, 2, "-0.05"}, {-50, 1, "-0.5"}, {-100, 0, "-1"}, {-1234, 2, "-12.34"},
	}
	for _, tt := range tests {
		if got := FromHundredths(tt.hundredths).Format(tt.places); got != tt.want {
			t.Errorf("Format(%d hundredths, %d) = %q; want %q", tt.hundredths, tt.places, got, tt.want)
		}
	}
	for d, want := range map[Decimal]string{0: "0.0", 50: "0.5", 97: "0.97", 100: "1.0", 1000: "10.0"} {
		if got := d.String(); got != want {
			t.Errorf("String(%d hundredths) = %q; want %q", d, got, want)
		}
	}
}

// Float64 must give the same float64 as parsing the decimal text, which
// the float editions rely on to match their sources bit for bit.
func TestFloat64MatchesParseFloat(t *testing.T) {
	for n := int64(0); n <= 100_000; n++ {
		d := FromHundredths(n)
		want, _ := strconv.ParseFloat(d.Format(2), 64)
		if got := d.Float64(); got != want {
			t.Fatalf("Float64(%s) = %v; strconv.ParseFloat gives %v", d.Format(2), got, want)
		}
	}
}

func TestText(t *testing.T) {
	var d Decimal
	if err := d.UnmarshalText([]byte("0.83")); err != nil || d != 83 {
		t.Fatalf("UnmarshalText(0.83) = %d, %v", d, err)
	}
	if b, _ := d.MarshalText(); string(b) != "0.83" {
		t.Fatalf("MarshalText = %q", b)
	}
	if err := d.UnmarshalText([]byte("x")); err == nil {
		t.Fatal("UnmarshalText(x) accepted")
	}
	if o := Some(5); !o.Set || o.Value != 5 {
		t.Fatalf("Some(5) = %+v", o)
	}
	if v, ok := (Optional{}).Get(); ok || v != 0 {
		t.Fatal("zero Optional is set")
	}
}

// FuzzParse: no panic; accepted text is a valid number whose shortest
// form parses back to the same value.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "0.5", "0.97", "10.0", "0.500", "1e3", "-0", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		if d < 0 || d > maxHundredths {
			t.Fatalf("Parse(%q) = %d out of range", s, d)
		}
		for _, p := range []int{0, 1, 2} {
			back, err := Parse(d.Format(p))
			if err != nil || back != d {
				t.Fatalf("Parse(Format(%d)) of %q = %d, %v", p, s, back, err)
			}
		}
	})
}
