package ui

import (
	"strings"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// numberField is what a person types into a field that edits one of the
// card's decimals. The text stays as typed ("0." on the way to "0.5") until
// it is taken, or until the card's value changes from elsewhere.
type numberField struct {
	text    string // the field's text, while typed
	textSet bool   // text is shown instead of the card's value
	msg     string // why the text was not taken, or ""
}

// follow forgets the typed text once the card holds a value other than it.
func (f *numberField) follow(v decimal.Optional) {
	if !f.textSet {
		return
	}
	d, err := decimal.Parse(strings.TrimSpace(f.text))
	if err == nil && (!v.Set || d != v.Value) {
		f.textSet, f.msg = false, ""
	}
}

// shownFor is what the field shows: what was typed, or the card's value v
// with places decimals.
func (f *numberField) shownFor(v decimal.Optional, places int) string {
	switch {
	case f.textSet:
		return f.text
	case v.Set:
		return v.Value.Format(places)
	}
	return ""
}

// parseTyped reads a field's text as an optional decimal: "" unsets it.
// Text that is not a number gives the message for it, which names example.
func parseTyped(text, example string) (decimal.Optional, string) {
	t := strings.TrimSpace(text)
	if t == "" {
		return decimal.Optional{}, ""
	}
	d, err := decimal.Parse(t)
	if err != nil {
		return decimal.Optional{}, "Not a number: write it like " + example + "."
	}
	return decimal.Some(d), ""
}

// take records s as typed and hands it to set, which returns why it was
// not taken, or "". Text that is not a number yet is only explained once
// the field is left (done).
func (f *numberField) take(s string, done bool, set func(string) string) {
	f.text, f.textSet = s, true
	msg := set(s)
	if strings.HasPrefix(msg, "Not a number") && !done {
		msg = ""
	}
	f.msg = msg
	if done && msg == "" {
		f.textSet = false
	}
}
