package aivssreport

import (
	"slices"

	"github.com/threatcard/threatcard/scoring/jsonvalue"
)

// reader collects the warnings of one Parse.
type reader struct {
	warnings []Warning
}

// at is where a value is in a report: its path, and the vulnerability it
// is in (index −1 for none, id "" while it is not known).
type at struct {
	path  string
	id    string
	index int
}

// key is the place of member k of the object at a.
func (a at) key(k string) at { a.path = jsonvalue.Join(a.path, k); return a }

// field is a's path as a message names it: within the vulnerability, or
// the full path.
func (a at) field() string { return within(a.path, a.index) }

// fail reports the value at a as wrong: msg follows the field's name.
func (a at) fail(msg string, err error) *Error {
	return &Error{ID: a.id, Index: a.index, Path: a.path, Msg: msg, Err: err}
}

// prefix starts a message about the vulnerability a is in: "VULN-003: ".
func (a at) prefix() string {
	if a.id == "" {
		return ""
	}
	return a.id + ": "
}

// ignoreUnknown warns of each member of the object v, at a, whose key is
// not in known.
func (r *reader) ignoreUnknown(v jsonvalue.Value, a at, known ...string) {
	for _, m := range v.Members {
		if slices.Contains(known, m.Key) {
			continue
		}
		f := a.key(m.Key)
		r.warnings = append(r.warnings, Warning{ID: f.id, Index: f.index, Field: f.field(),
			Msg: f.prefix() + f.field() + " is not a field of an Appendix A report; ignored"})
	}
}

// mismatch warns that the value at a is stated as stated, not computed;
// note, if any, follows the computed value in the message.
func (r *reader) mismatch(a at, stated, computed, note string) {
	r.warnings = append(r.warnings, Warning{ID: a.id, Index: a.index, Field: a.field(), Stated: stated, Computed: computed,
		Msg: a.prefix() + a.field() + " is " + stated + "; computed " + computed + note})
}

// member returns the member key of the object v, at a, checking that it
// is of kind; present says whether v has it. A required member that is
// missing, and a member of another kind, are errors.
func member(v jsonvalue.Value, a at, key string, kind jsonvalue.Kind, required bool) (m jsonvalue.Value, ma at, present bool, err error) {
	ma = a.key(key)
	m, ok := v.Get(key)
	switch {
	case !ok && required:
		return m, ma, false, ma.fail("is missing; Appendix A requires it", nil)
	case !ok:
		return m, ma, false, nil
	case m.Kind != kind:
		return m, ma, false, ma.fail("is "+m.Kind.String()+", not "+kind.String(), nil)
	}
	return m, ma, true, nil
}

// object checks that v, at a, is an object.
func object(v jsonvalue.Value, a at) error {
	if v.Kind != jsonvalue.Object {
		return a.fail("is "+v.Kind.String()+", not an object", nil)
	}
	return nil
}
