package decimal

import "strings"

// ParseTyped reads a number as a person types it into a field: spaces
// around it are ignored, and the forms that can only mean one number are
// taken too: a leading point (".25"), a trailing one ("1."), and a decimal
// comma instead of the point ("0,5"). What it cannot take is a
// *SyntaxError saying precisely why ("at most two decimals"), for the
// caller to follow with an example of its own. Links and JSON keep the
// strict form of Parse.
func ParseTyped(s string) (Decimal, error) {
	t := strings.TrimSpace(s)
	fail := func(msg string) (Decimal, error) { return 0, &SyntaxError{Text: s, Msg: msg} }
	if t == "" {
		return fail("empty number")
	}
	switch {
	case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "−"):
		return fail("a negative number; the value is 0 or more")
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	}
	points, commas := strings.Count(t, "."), strings.Count(t, ",")
	switch {
	case points+commas > 1:
		return fail("more than one decimal separator; write one point or one comma")
	case commas == 1:
		t = strings.Replace(t, ",", ".", 1)
	}
	whole, frac, hasPoint := strings.Cut(t, ".")
	if whole == "" && frac == "" {
		return fail("not a number")
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return fail("not a number")
			}
		}
	}
	if len(strings.TrimRight(frac, "0")) > Places {
		return fail("at most two decimals")
	}
	if whole == "" {
		whole = "0"
	}
	text := whole
	if hasPoint && frac != "" {
		text += "." + frac
	}
	d, err := Parse(text)
	if err != nil {
		if se, ok := err.(*SyntaxError); ok {
			return fail(se.Msg)
		}
		return 0, err
	}
	return d, nil
}
