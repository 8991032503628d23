package aivss

import (
	"math"
	"math/big"
	"testing"
)

func TestExactText(t *testing.T) {
	for _, c := range []struct {
		n     int64
		scale int
		want  string
	}{
		{0, 7, "0.0"},
		{5238000, 7, "0.5238"},
		{100000000, 7, "10.0"},
		{9923800000, 9, "9.9238"},
		{8000785000, 9, "8.000785"},
		{5, 2, "0.05"},
		{290, 2, "2.9"},
		{7, 0, "7.0"},
	} {
		if got := exactText(c.n, c.scale); got != c.want {
			t.Errorf("exactText(%d, %d) = %q, want %q", c.n, c.scale, got, c.want)
		}
	}
}

// toFixed1 against JavaScript's documented results (ECMA-262
// Number.prototype.toFixed: the n with n/10 − x nearest zero, the larger n
// on a tie), on doubles whose exact value is known.
func TestToFixed1(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want int64
	}{
		{0, 0},
		{0.25, 3},  // exact tie: up
		{4.25, 43}, // exact tie: up (Go's %.1f: 4.2)
		{6.75, 68},
		{4.05, 40},               // the double is 4.0499999999999998…
		{4.85, 48},               // 4.8499999999999996…
		{4.55, 45},               // 4.5499999999999998…
		{0.05, 1},                // 0.05000000000000000277…
		{9.95, 99},               // 9.9499999999999992…
		{3.9769999999999994, 40}, // research vector #13
		{6.984, 70},              // #39
		{10, 100},
	} {
		if got := toFixed1(c.x); got != c.want {
			t.Errorf("toFixed1(%v) = %d, want %d", c.x, got, c.want)
		}
	}
}

// toFixed1 must equal exact rational half-up rounding (math/big) on every
// v0.5 raw score the grid can produce and on their neighbouring doubles.
func TestToFixed1MatchesExactHalfUp(t *testing.T) {
	exact := func(x float64) int64 {
		r := new(big.Rat).SetFloat64(x)
		r.Mul(r, big.NewRat(10, 1))
		r.Add(r, big.NewRat(1, 2))
		return new(big.Int).Quo(r.Num(), r.Denom()).Int64() // floor: r > 0
	}
	for c := 0; c <= 100; c++ {
		for s := 0; s <= 20; s++ {
			for _, thm := range []float64{1, 0.97, 0.91} {
				raw := ((float64(c)/10 + float64(s)/2) / 2) * thm
				for _, x := range []float64{raw, math.Nextafter(raw, 0), math.Nextafter(raw, 20)} {
					if got, want := toFixed1(x), exact(x); got != want {
						t.Fatalf("toFixed1(%v) = %d, exact half up %d", x, got, want)
					}
				}
			}
		}
	}
}

func TestHalfEven1(t *testing.T) {
	for _, c := range []struct {
		x      float64
		text   string
		tenths int64
	}{
		{9.25, "9.2", 92}, // exact tie: to even
		{9.75, "9.8", 98},
		{0.05, "0.1", 1}, // above the tie in binary
		{10, "10.0", 100},
		{0, "0.0", 0},
	} {
		if text, tenths := halfEven1(c.x); text != c.text || tenths != c.tenths {
			t.Errorf("halfEven1(%v) = %q, %d; want %q, %d", c.x, text, tenths, c.text, c.tenths)
		}
	}
}
