// Package numtext writes the numbers threatcard shows the way a person
// writes them. There is one rule per kind of quantity, and every place a
// number reaches a person (the page, the printed report, Markdown, JSON,
// the badge, the command line) goes through it:
//
//   - a score: one decimal, as its edition rounds it (the editions write
//     it; nothing here rounds a score again);
//   - an input: as entered, in its shortest form (decimal.Decimal.String);
//   - an intermediate (a factor sum, AARS, the unrounded score, a
//     factor's share): at most MaxPlaces decimals, rounded half up on its
//     exact decimal text, and marked approximate when that dropped
//     digits, so that "≈" and "=" in a formula line say the truth.
//
// The values come in as decimal text, never as float64: an exact decimal
// (v0.8's arithmetic), or the shortest text of a float64 that an edition
// computes in binary (v0.5, the card edition), which is the value that
// edition holds. Rounding that text, not the float, keeps 7.129499999999999
// from being written as anything but 7.1295.
package numtext

import "strings"

// MaxPlaces is the most decimals an intermediate is written with.
const MaxPlaces = 4

// Number is an intermediate as it is shown.
type Number struct {
	Text  string // "0.1969", "2.5", "9.0"
	Exact bool   // Text is the value itself, not a rounding of it
}

// Rel is the relation to write before the number in a worked formula: "="
// when it is exact or cut with an ellipsis (see Unrounded), "≈" when
// rounded.
func (n Number) Rel() string {
	if n.Exact || strings.HasSuffix(n.Text, "…") {
		return "="
	}
	return "≈"
}

// String returns the text.
func (n Number) String() string { return n.Text }

// Intermediate writes the decimal text s (digits, an optional point and
// decimals; no sign or exponent) with at most MaxPlaces decimals, rounded
// half up, trailing zeros dropped but one decimal kept: "0.19691" is
// ≈ "0.1969", "9.442590000000001" ≈ "9.4426", "2.50" = "2.5", "10" = "10.0".
// Text in any other form is returned as it is, marked exact: it is not a
// number this package writes, and is shown rather than hidden.
func Intermediate(s string) Number {
	whole, frac, ok := split(s)
	if !ok {
		return Number{Text: s, Exact: true}
	}
	exact := len(strings.TrimRight(frac, "0")) <= MaxPlaces
	whole, frac = roundHalfUp(whole, frac, MaxPlaces)
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		frac = "0"
	}
	return Number{Text: whole + "." + frac, Exact: exact}
}

// Fixed writes the decimal text s with exactly places decimals, rounded
// half up: a column of numbers (the factors' shares) then lines up and
// reads at one precision. It reports whether the text is exact.
func Fixed(s string, places int) Number {
	whole, frac, ok := split(s)
	if !ok {
		return Number{Text: s, Exact: true}
	}
	exact := len(strings.TrimRight(frac, "0")) <= places
	whole, frac = roundHalfUp(whole, frac, places)
	if places == 0 {
		return Number{Text: whole, Exact: exact}
	}
	return Number{Text: whole + "." + frac, Exact: exact}
}

// split reads decimal text into its whole digits and its decimals.
func split(s string) (whole, frac string, ok bool) {
	whole, frac, _ = strings.Cut(s, ".")
	if whole == "" || !digits(whole) || !digits(frac) {
		return "", "", false
	}
	return whole, frac, true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// roundHalfUp rounds whole.frac to places decimals, on the digits: the
// result's frac has exactly places digits.
func roundHalfUp(whole, frac string, places int) (string, string) {
	if len(frac) <= places {
		return whole, frac + strings.Repeat("0", places-len(frac))
	}
	up := frac[places] >= '5'
	b := []byte(whole + frac[:places])
	if up {
		i := len(b) - 1
		for ; i >= 0 && b[i] == '9'; i-- {
			b[i] = '0'
		}
		if i < 0 {
			b = append([]byte{'1'}, b...)
		} else {
			b[i]++
		}
	}
	n := len(b) - places
	return string(b[:n]), string(b[n:])
}

// Unrounded writes a score before its edition rounds it to one decimal:
// as Intermediate, except where rounding to MaxPlaces would carry the
// number up onto a one-decimal tie it is below (8.64996 would read 8.65,
// which rounds up, while the score rounds down). There the digits are cut
// instead, with an ellipsis: "8.6499…". So the text never shows a
// rounding the edition did not make.
func Unrounded(s string) Number {
	n := Intermediate(s)
	if n.Exact {
		return n
	}
	whole, frac, _ := split(s)
	_, rounded, _ := split(n.Text)
	if len(rounded) == 2 && rounded[1] == '5' && frac[:2] < rounded {
		cut := frac[:MaxPlaces]
		return Number{Text: whole + "." + cut + "…", Exact: false}
	}
	return n
}
