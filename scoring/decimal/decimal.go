// Package decimal holds the exact decimal numbers that AIVSS inputs are
// written in: values with at most two decimals (factor values, threat
// multipliers, mitigation factors, CVSS scores). Parse and ParseTyped give
// only non-negative values; a Decimal a program makes (FromHundredths,
// FromInt) may be negative and is then written with a minus sign.
//
// Values are kept as an integer count of hundredths so that no input ever
// passes through float64 on its way to a score that the specification says
// is computed in decimal arithmetic.
package decimal

import (
	"strconv"
)

// Places is the number of decimal places a Decimal carries.
const Places = 2

// unit is 10^Places.
const unit = 100

// maxHundredths bounds parsed values; nothing AIVSS takes comes near it, and
// the bound keeps every product in the scoring code inside int64.
const maxHundredths = 100_000

// Decimal is a decimal number with at most two decimals, stored as a count
// of hundredths: Decimal(97) is 0.97.
type Decimal int64

// FromHundredths returns the Decimal n/100.
func FromHundredths(n int64) Decimal { return Decimal(n) }

// FromInt returns the Decimal n.
func FromInt(n int64) Decimal { return Decimal(n * unit) }

// Hundredths returns d as a count of hundredths.
func (d Decimal) Hundredths() int64 { return int64(d) }

// Float64 returns the float64 nearest to d (a correctly rounded division,
// so it equals strconv.ParseFloat of d's decimal text).
func (d Decimal) Float64() float64 { return float64(d) / unit }

// String returns d with as few decimals as show it exactly, at least one:
// 0.5, 1.0, 0.97.
func (d Decimal) String() string {
	if d%10 == 0 {
		return d.Format(1)
	}
	return d.Format(2)
}

// Format returns d with exactly places decimals (1 or 2); with places 1 a
// value that needs two decimals is shown with two, never rounded.
func (d Decimal) Format(places int) string {
	if places < 2 && d%10 != 0 {
		places = 2
	}
	n, sign := int64(d), ""
	if n < 0 {
		n, sign = -n, "-"
	}
	whole, frac := n/unit, n%unit
	switch places {
	case 0:
		if frac == 0 {
			return sign + strconv.FormatInt(whole, 10)
		}
		return d.Format(1)
	case 1:
		return sign + strconv.FormatInt(whole, 10) + "." + strconv.FormatInt(frac/10, 10)
	default:
		return sign + strconv.FormatInt(whole, 10) + "." + string(rune('0'+frac/10)) + string(rune('0'+frac%10))
	}
}

// Parse reads a plain decimal: digits, optionally a point and up to two
// more significant decimals ("0.5", "1", "0.97", ".5" is refused, "0.500"
// is accepted). Signs, exponents and spaces are errors.
func Parse(s string) (Decimal, error) {
	if s == "" {
		return 0, &SyntaxError{Text: s, Msg: "empty number"}
	}
	var whole, frac int64
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		whole = whole*10 + int64(s[i]-'0')
		if whole*unit > maxHundredths {
			return 0, &SyntaxError{Text: s, Msg: "number too large"}
		}
	}
	if i == 0 {
		return 0, &SyntaxError{Text: s, Msg: "not a plain decimal number (digits, then an optional point and decimals)"}
	}
	if i < len(s) {
		if s[i] != '.' || i+1 == len(s) {
			return 0, &SyntaxError{Text: s, Msg: "not a plain decimal number (digits, then an optional point and decimals)"}
		}
		for j, k := i+1, 0; j < len(s); j, k = j+1, k+1 {
			c := s[j]
			if c < '0' || c > '9' {
				return 0, &SyntaxError{Text: s, Msg: "not a plain decimal number (digits, then an optional point and decimals)"}
			}
			if k < Places {
				frac = frac*10 + int64(c-'0')
			} else if c != '0' {
				return 0, &SyntaxError{Text: s, Msg: "more than two decimals"}
			}
		}
		for k := len(s) - i - 1; k < Places; k++ {
			frac *= 10
		}
	}
	d := Decimal(whole*unit + frac)
	if d > maxHundredths {
		return 0, &SyntaxError{Text: s, Msg: "number too large"}
	}
	return d, nil
}

// MustParse is Parse for constants in tables; it panics on bad input.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with Parse.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
