package numtext

import (
	"math/big"
	"testing"
)

func TestIntermediateRoundsHalfUpToFourDecimals(t *testing.T) {
	tests := []struct {
		in    string
		want  string
		exact bool
	}{
		{"0.19691", "0.1969", false},
		{"9.442590000000001", "9.4426", false}, // the card edition's raw score seen on the page
		{"7.129499999999999", "7.1295", false}, // v0.5's
		{"0.013579999999999986", "0.0136", false},
		{"2.5", "2.5", true},
		{"2.50", "2.5", true},
		{"10", "10.0", true},
		{"0", "0.0", true},
		{"0.00005", "0.0001", false},
		{"0.00004", "0.0", false},
		{"9.99995", "10.0", false},
		{"99.99999", "100.0", false},
		{"8.6500", "8.65", true},
		{"1.23456789", "1.2346", false},
	}
	for _, tt := range tests {
		got := Intermediate(tt.in)
		if got.Text != tt.want || got.Exact != tt.exact {
			t.Errorf("Intermediate(%q) = %+v; want %q, exact %v", tt.in, got, tt.want, tt.exact)
		}
	}
}

func TestFixedWritesOnePrecision(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
		exact  bool
	}{
		{"0.013579999999999986", 4, "0.0136", false},
		{"0", 4, "0.0000", true},
		{"0.5", 4, "0.5000", true},
		{"0.5", 1, "0.5", true},
		{"1", 1, "1.0", true},
		{"0.45", 1, "0.5", false},
		{"2.675", 0, "3", false},
	}
	for _, tt := range tests {
		got := Fixed(tt.in, tt.places)
		if got.Text != tt.want || got.Exact != tt.exact {
			t.Errorf("Fixed(%q, %d) = %+v; want %q, exact %v", tt.in, tt.places, got, tt.want, tt.exact)
		}
	}
}

func TestTextThatIsNotADecimalIsShownAsItIs(t *testing.T) {
	for _, s := range []string{"", "-1.5", "1e-7", "NaN", ".5", "1.2.3"} {
		if got := Intermediate(s); got.Text != s {
			t.Errorf("Intermediate(%q) = %q; want the text unchanged", s, got.Text)
		}
	}
}

func TestRelSaysWhetherTheNumberIsExact(t *testing.T) {
	if got := Intermediate("0.19691").Rel(); got != "≈" {
		t.Errorf("Rel of a rounded number = %q, want ≈", got)
	}
	if got := Intermediate("0.1969").Rel(); got != "=" {
		t.Errorf("Rel of an exact number = %q, want =", got)
	}
}

// The rounding agrees with math/big's exact decimal arithmetic (an
// independent reference) on many values.
func TestIntermediateAgreesWithBigRat(t *testing.T) {
	for n := int64(0); n < 200000; n += 7 {
		for _, scale := range []int{5, 6, 9} {
			r := new(big.Rat).SetFrac64(n, pow10(scale))
			s := r.FloatString(scale)
			// Half up at four places: floor(x·10^4 + 1/2) / 10^4.
			q := new(big.Rat).Add(new(big.Rat).Mul(r, big.NewRat(10000, 1)), big.NewRat(1, 2))
			fl := new(big.Int).Quo(q.Num(), q.Denom())
			want := new(big.Rat).SetFrac(fl, big.NewInt(10000))
			got, ok := new(big.Rat).SetString(Intermediate(s).Text)
			if !ok || got.Cmp(want) != 0 {
				t.Fatalf("Intermediate(%q) = %q; want %s", s, Intermediate(s).Text, want.FloatString(4))
			}
		}
	}
}

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

func TestUnroundedNeverShowsATieTheScoreIsBelow(t *testing.T) {
	tests := []struct{ in, want, rel string }{
		{"8.64996", "8.6499…", "="}, // rounding would read 8.65, which rounds up; the score rounds down
		{"4.049999999999999", "4.0499…", "="},
		{"8.65", "8.65", "="},      // an exact tie stays: the edition's rounding decides
		{"8.650004", "8.65", "≈"},  // above the tie: 8.65 rounds the same way
		{"9.46975", "9.4698", "≈"}, // no tie involved
		{"7.129499999999999", "7.1295", "≈"},
		{"9.442590000000001", "9.4426", "≈"},
	}
	for _, tt := range tests {
		got := Unrounded(tt.in)
		if got.Text != tt.want || got.Rel() != tt.rel {
			t.Errorf("Unrounded(%q) = %q (%s); want %q (%s)", tt.in, got.Text, got.Rel(), tt.want, tt.rel)
		}
	}
}

// Whatever text comes in, Intermediate never panics; decimal text comes
// out with at most MaxPlaces decimals, within half a unit of the last place
// of the value (exactly equal when marked exact).
func FuzzIntermediate(f *testing.F) {
	for _, s := range []string{"0.19691", "9.442590000000001", "10", "99.99999", "", "1.2.3", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Intermediate(s)
		in, ok := new(big.Rat).SetString(s)
		if _, _, isDecimal := split(s); !isDecimal || !ok {
			if n.Text != s {
				t.Fatalf("Intermediate(%q) = %q; text that is not a decimal comes back as it is", s, n.Text)
			}
			return
		}
		_, frac, _ := split(n.Text)
		if len(frac) > MaxPlaces {
			t.Fatalf("Intermediate(%q) = %q, more than %d decimals", s, n.Text, MaxPlaces)
		}
		out, _ := new(big.Rat).SetString(n.Text)
		diff := new(big.Rat).Abs(new(big.Rat).Sub(out, in))
		if diff.Cmp(big.NewRat(1, 20000)) > 0 || n.Exact != (diff.Sign() == 0) {
			t.Fatalf("Intermediate(%q) = %q (exact %v), off by %s", s, n.Text, n.Exact, diff.FloatString(8))
		}
	})
}
