package ui

import (
	"errors"
	"strings"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// numberField is what a person types into a field that edits one of the
// card's decimals, and the rule by which the card follows it. Nothing is
// silently substituted:
//
//   - An edit begins at the first keystroke after the field last showed the
//     card's value; the field remembers the card's value then (before).
//   - A keystroke whose text is a value the edition takes is applied at
//     once: the score follows the typing.
//   - A keystroke whose text is not puts the card back to before, so that
//     the link and the draft never keep a value that was only on the way
//     (the 1.0 typed on the way to 11), and the field says why and what the
//     card keeps; the page knows (editor.invalid), and the result shows no
//     score while any field holds such text.
//   - Leaving the field with text the card took shows the card's value in
//     its own form: ".25" becomes "0.25".
type numberField struct {
	text    string           // the field's text, while an edit is under way
	textSet bool             // an edit is under way: text is shown instead of the card's value
	before  decimal.Optional // the card's value when the edit began
	msg     string           // why text is not taken, with what the card keeps; "" when it is
}

// numberSpec says what one number field edits.
type numberSpec struct {
	id      string // the element's id; the field's key among the page's invalid fields
	name    string // the field in a person's words, as card.Location.Name writes it: "the CVSS score", "Execution Autonomy"
	example string // a value as the field takes it, for messages: "7.5", "0.25"
	places  int    // the decimals the field shows the card's value with
}

// key reads the field's text s after a keystroke, or, with done, when the
// field is left. cur is the card's value now; set applies a value to the
// card (the page's refusal, or nil). ed learns whether the field holds text
// the card did not take.
func (f *numberField) key(ed editor, sp numberSpec, cur decimal.Optional, s string, done bool, set func(decimal.Optional) error) {
	if !f.textSet {
		f.before = cur
	}
	f.text, f.textSet = s, true
	v, why := parseTyped(s, sp)
	scoreWhy := sp.name + ": " + why
	if why == "" && v != cur {
		if err := set(v); err != nil {
			why = refusedWhat(err)
			scoreWhy = why
		} else {
			cur = v
		}
	}
	if why == "" {
		f.msg = ""
		ed.invalid(sp.id, "")
		if done {
			f.textSet = false // the card's value, in the field's own form
		}
		return
	}
	if cur != f.before {
		_ = set(f.before) // the card held it a moment ago
	}
	owner := ed.owner()
	keeps := keptText(f.before, sp.places, owner)
	f.msg = "Not accepted: " + why + ". The " + owner + " " + keeps + "."
	ed.invalid(sp.id, scoreWhy+"; the "+owner+" "+keeps)
}

// clear ends the edit: the field shows the card's value again.
func (f *numberField) clear(ed editor, id string) {
	f.textSet, f.msg = false, ""
	ed.invalid(id, "")
}

// keptText says what the card (or a finding, as owner says) keeps:
// "keeps 9.3", "leaves it unset"; a finding's unset input is the card's:
// "leaves it to the card".
func keptText(v decimal.Optional, places int, owner string) string {
	if !v.Set {
		if owner == "finding" {
			return "leaves it to the card"
		}
		return "leaves it unset"
	}
	return "keeps " + v.Value.Format(places)
}

// follow forgets the typed text once the card's value changed from
// elsewhere (the slider, another card): text the card took that is no
// longer its value, or text it did not take while the card's value moved
// away from before or the page forgot the field (invalid false).
func (f *numberField) follow(v decimal.Optional, invalid bool) {
	if !f.textSet {
		return
	}
	if f.msg != "" {
		if !invalid || v != f.before {
			f.textSet, f.msg = false, ""
		}
		return
	}
	if d, why := parseTyped(f.text, numberSpec{}); why == "" && d != v {
		f.textSet = false
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

// parseTyped reads a field's text as an optional decimal, as a person
// writes it (decimal.ParseTyped: ".25", "0,5", spaces): "" unsets it. Text
// that is no number gives why, in the words of sp's field.
func parseTyped(text string, sp numberSpec) (decimal.Optional, string) {
	if strings.TrimSpace(text) == "" {
		return decimal.Optional{}, ""
	}
	d, err := decimal.ParseTyped(text)
	if err != nil {
		msg := err.Error()
		if se, ok := errors.AsType[*decimal.SyntaxError](err); ok {
			msg = se.Msg
		}
		if sp.places == 1 && msg == "at most two decimals" {
			msg = "at most one decimal" // a CVSS score
		}
		switch {
		case sp.example == "" || strings.HasPrefix(msg, "a negative") || strings.HasPrefix(msg, "number too large"):
		case msg == "not a number":
			msg += "; write it like " + sp.example
		default:
			msg += ", like " + sp.example
		}
		return decimal.Optional{}, msg
	}
	return decimal.Some(d), ""
}

// refusedWhat is what is wrong with an edit the page refused, naming the
// field: "Execution Autonomy is 1.5; the AgentReady threat-model cards edition takes 0
// to 1".
func refusedWhat(err error) string {
	if r, ok := errors.AsType[*EditRefusedError](err); ok {
		return strings.TrimSuffix(r.What(), ".")
	}
	return err.Error()
}

// refusedMsg is the message under a field for an edit the page refused.
func refusedMsg(err error) string {
	return "Not accepted: " + refusedWhat(err) + "."
}
