package aivss

import (
	"math"
	"strconv"
	"strings"
)

// exactText writes n / 10^scale as a decimal with as few digits as show it
// exactly and at least one decimal: exactText(52380, 5) is "0.5238",
// exactText(100, 1) is "10.0". n is not negative.
func exactText(n int64, scale int) string {
	digits := strconv.FormatInt(n, 10)
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	point := len(digits) - scale
	frac := strings.TrimRight(digits[point:], "0")
	if frac == "" {
		frac = "0"
	}
	return digits[:point] + "." + frac
}

// tenthsText writes n tenths with one decimal: 95 is "9.5".
func tenthsText(n int64) string {
	return strconv.FormatInt(n/10, 10) + "." + strconv.FormatInt(n%10, 10)
}

// floatText writes x as the shortest decimal that reads back as x, with no
// exponent (what JavaScript's String(x) prints for the values AIVSS
// produces).
func floatText(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// binaryText writes the exact decimal value of x's binary form, as many
// digits as that takes: 8.1 / 2 is 4.04999999999999982236431605997495353221893310546875,
// which floatText writes 4.05. The unrounded score is written from it, so
// that a score shown rounded down (toFixed(1) gives 4.0) never reads as a
// tie rounded the wrong way (see numtext.Unrounded).
func binaryText(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1100, 64) // more places than any float64 has
	s = strings.TrimRight(s, "0")
	if strings.HasSuffix(s, ".") {
		s += "0"
	}
	return s
}

// toFixed1 returns, in tenths, the number JavaScript's x.toFixed(1) shows
// for a non-negative x: the n with n/10 nearest to the exact binary value of
// x, the larger n on a tie. So 4.25 (exact in binary) gives 43, and 4.05
// (binary just below 4.05) gives 40. Go's %.1f differs on the ties: it
// rounds them to even.
func toFixed1(x float64) int64 {
	n := math.Floor(x*10 + 0.5) // right except near a tie; corrected below
	// math.FMA rounds x*10 - c once, so its sign is the sign of the exact
	// difference: keep n with n - 0.5 <= 10x < n + 0.5 exactly.
	for n > 0 && math.FMA(x, 10, -(n-0.5)) < 0 {
		n--
	}
	for math.FMA(x, 10, -(n+0.5)) >= 0 {
		n++
	}
	return int64(n)
}

// halfEven1 returns x shown with one decimal rounded to nearest, ties to
// even, on the exact binary value (strconv's 'f' format), and the same
// number in tenths. x is not negative.
func halfEven1(x float64) (string, int64) {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	var n int64
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' {
			n = n*10 + int64(c-'0')
		}
	}
	return s, n
}
