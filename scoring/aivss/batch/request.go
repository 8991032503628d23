package batch

import (
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// Request is one score request in text form, as a JSON line or a command
// line gives it. Numbers are decimal text.
type Request struct {
	Edition    string   // an edition id; "" means aivss.Default
	CVSSVector string   // a CVSS v4.0 vector, or ""; its Base score enters, its E sets ThM
	CVSSScore  string   // a CVSS v4.0 base score, or ""; exactly one of the two
	Factors    []string // the factor values in the edition's order
	ThM, MF    string   // "" means the edition's default
}

// Inputs checks the request's form and reads its numbers. The values are
// checked against the edition by aivss.Score. A vector enters with its
// Base score, and its Exploit Maturity sets ThM as in the app
// (aivss.Edition.VectorInputs): a ThM that contradicts it is an error.
func (r *Request) Inputs() (aivss.Inputs, error) {
	in := aivss.Inputs{Edition: r.Edition}
	id := r.Edition
	if id == "" {
		id = aivss.Default
	}
	e, err := aivss.Lookup(id)
	if err != nil {
		return in, &FieldError{Field: "edition", Err: err}
	}
	var vector *cvss4.Vector
	switch {
	case r.CVSSVector != "" && r.CVSSScore != "":
		return in, &FieldError{Field: "cvss", Msg: "give cvss (a vector) or cvss_score (a number), not both"}
	case r.CVSSVector != "":
		if vector, err = cvss4.Parse(r.CVSSVector); err != nil {
			return in, &FieldError{Field: "cvss", Err: err}
		}
	case r.CVSSScore != "":
		if in.CVSS, err = decimal.Parse(r.CVSSScore); err != nil {
			return in, &FieldError{Field: "cvss_score", Err: err}
		}
	default:
		return in, &FieldError{Field: "cvss", Msg: "missing; give cvss (a CVSS v4.0 vector) or cvss_score (0.0 to 10.0)"}
	}
	if len(r.Factors) != aivss.NumFactors {
		return in, &FieldError{Field: "factors", Msg: "want " + strconv.Itoa(aivss.NumFactors) + " values in " + e.ID +
			"'s order (" + factorIDs(e) + "), got " + strconv.Itoa(len(r.Factors))}
	}
	for i, s := range r.Factors {
		if in.Factors[i], err = decimal.Parse(s); err != nil {
			return in, &FieldError{Field: "factors[" + strconv.Itoa(i) + "] (" + e.Factors[i].ID + ")", Err: err}
		}
	}
	for _, o := range []struct {
		name string
		text string
		dst  *decimal.Optional
	}{{"thm", r.ThM, &in.ThM}, {"mf", r.MF, &in.MF}} {
		if o.text == "" {
			continue
		}
		d, err := decimal.Parse(o.text)
		if err != nil {
			return in, &FieldError{Field: o.name, Err: err}
		}
		*o.dst = decimal.Some(d)
	}
	if vector != nil {
		if in.CVSS, in.ThM, err = e.VectorInputs(vector, in.ThM); err != nil {
			return in, &FieldError{Field: "thm", Err: err}
		}
	}
	return in, nil
}

// Score reads the request and scores it.
func (r *Request) Score() (aivss.Result, error) {
	in, err := r.Inputs()
	if err != nil {
		return aivss.Result{}, err
	}
	return aivss.Score(in)
}

func factorIDs(e *aivss.Edition) string {
	ids := make([]string, len(e.Factors))
	for i, f := range e.Factors {
		ids[i] = f.ID
	}
	return strings.Join(ids, ", ")
}
