package aivssreport

import (
	"cmp"
	"strings"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// num is the exact value of a JSON number, (−1)^neg × 0.digits × 10^exp,
// with digits free of leading and trailing zeros ("" for zero, which is
// never negative). Two numbers are equal when their nums are: 1, 1.0,
// 1.00 and 10e-1 are one value. Nothing passes through float64.
type num struct {
	neg    bool
	digits string
	exp    int
}

// maxExp bounds the exponent a num keeps; a larger one (1e99999) is far
// outside any range a report's numbers are checked against, and the
// bound keeps the arithmetic on exponents from overflowing.
const maxExp = 1_000_000

// parseNum reads a number written in JSON's grammar (which jsonvalue has
// checked), or an exact decimal text the scoring writes ("0.44135").
func parseNum(text string) num {
	var n num
	s := text
	if strings.HasPrefix(s, "-") {
		n.neg, s = true, s[1:]
	}
	mant, expText, _ := strings.Cut(strings.ToLower(s), "e")
	whole, frac, _ := strings.Cut(mant, ".")
	e := 0
	if expText != "" {
		neg := false
		switch expText[0] {
		case '-':
			neg, expText = true, expText[1:]
		case '+':
			expText = expText[1:]
		}
		for i := 0; i < len(expText); i++ {
			if e < maxExp {
				e = e*10 + int(expText[i]-'0')
			}
		}
		e = min(e, maxExp)
		if neg {
			e = -e
		}
	}
	digits := whole + frac
	n.exp = len(whole) + e
	trimmed := strings.TrimLeft(digits, "0")
	n.exp -= len(digits) - len(trimmed)
	n.digits = strings.TrimRight(trimmed, "0")
	if n.digits == "" {
		return num{}
	}
	return n
}

// sign is −1, 0 or 1.
func (n num) sign() int {
	switch {
	case n.digits == "":
		return 0
	case n.neg:
		return -1
	}
	return 1
}

// compare returns −1, 0 or 1 as a is less than, equal to or greater than b.
func compare(a, b num) int {
	sa, sb := a.sign(), b.sign()
	if sa != sb || sa == 0 {
		return cmp.Compare(sa, sb)
	}
	// Same sign, both non-zero: the larger exponent is the larger
	// magnitude; with equal exponents the digits compare as text, since
	// neither starts with a zero.
	c := cmp.Compare(a.exp, b.exp)
	if c == 0 {
		c = strings.Compare(a.digits, b.digits)
	}
	return c * sa
}

// between reports whether lo ≤ n ≤ hi.
func (n num) between(lo, hi num) bool { return compare(n, lo) >= 0 && compare(n, hi) <= 0 }

// decimal returns n as a Decimal when it has at most two decimals and
// fits one (below 10^6): what a card holds.
func (n num) decimal() (decimal.Decimal, bool) {
	if n.digits == "" {
		return 0, true
	}
	shift := n.exp + decimal.Places - len(n.digits) // the zeros after the digits, in hundredths
	if shift < 0 || n.exp > 6 {
		return 0, false
	}
	var h int64
	for i := 0; i < len(n.digits); i++ {
		h = h*10 + int64(n.digits[i]-'0')
	}
	for range shift {
		h *= 10
	}
	if n.neg {
		h = -h
	}
	return decimal.FromHundredths(h), true
}

// The bounds Appendix A puts on numbers.
var (
	zero    = parseNum("0")
	ten     = parseNum("10")
	mfFloor = parseNum("0.67")
	one     = parseNum("1")
)
