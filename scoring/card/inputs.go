package card

import (
	"fmt"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// validate checks the inputs that are set against their edition.
func (in *Inputs) validate() error {
	_, err := in.check()
	return err
}

// check is validate returning the parsed CVSS vector too (nil when the
// card has none), so that Evaluate, which the app runs on every change,
// parses the vector once.
func (in *Inputs) check() (*cvss4.Vector, error) {
	var vector *cvss4.Vector
	if in.Edition == "" {
		return nil, &FieldError{Field: "aivss.edition", Msg: "is empty; a card names its AIVSS edition"}
	}
	ed, err := aivss.Lookup(in.Edition)
	if err != nil {
		return nil, &FieldError{Field: "aivss.edition", Msg: err.Error()}
	}
	if in.CVSSVector != "" {
		if in.CVSSScore.Set {
			return nil, &FieldError{Field: "aivss.cvss_score", Msg: "is set together with a CVSS vector; give one or the other"}
		}
		v, err := cvss4.Parse(in.CVSSVector)
		if err != nil {
			return nil, &FieldError{Field: "aivss.cvss_vector", Msg: err.Error()}
		}
		if v.String() != in.CVSSVector {
			return nil, &FieldError{Field: "aivss.cvss_vector", Msg: "is not in canonical form " + v.String()}
		}
		vector = v
	}
	if d, ok := in.CVSSScore.Get(); ok && (d > decimal.FromInt(10) || d.Hundredths()%10 != 0) {
		return nil, &FieldError{Field: "aivss.cvss_score", Msg: fmt.Sprintf("is %s; a CVSS v4.0 score is 0.0 to 10.0 with one decimal", d)}
	}
	for i, f := range in.Factors {
		if f.Set && !ed.Levels.Allows(f.Value) {
			id := ed.Factors[i].ID
			return nil, &FieldError{Field: "aivss.factors." + id,
				Msg: fmt.Sprintf("has value %s, not allowed in %s; %s takes %s", f.Value, ed.ID, id, ed.Levels.Values())}
		}
	}
	if v, ok := in.ThM.Get(); ok && !ed.ThM.Allows(v) {
		return nil, &FieldError{Field: "aivss.thm", Msg: fmt.Sprintf("is %s, not allowed in %s; it takes %s", v, ed.ID, ed.ThM.Labelled())}
	}
	if v, ok := in.MF.Get(); ok {
		if !ed.HasMF {
			return nil, &FieldError{Field: "aivss.mf", Msg: fmt.Sprintf("is set, but %s has no mitigation factor", ed.ID)}
		}
		if !ed.MF.Allows(v) {
			return nil, &FieldError{Field: "aivss.mf", Msg: fmt.Sprintf("is %s, not allowed in %s; it takes %s", v, ed.ID, ed.MF.Labelled())}
		}
	}
	return vector, nil
}

// Evaluation is what a card's inputs give: a score, or the list of what is
// still missing, or the error in an input that is set but wrong.
type Evaluation struct {
	Edition *aivss.Edition // nil only if the edition is unknown
	Result  aivss.Result   // valid when Complete
	Vector  *cvss4.Vector  // the parsed CVSS vector, when the card has one
	Missing []string       // inputs still unset, e.g. "CVSS", "factor tools", "ThM"
	Err     error          // an input that is set but not accepted
}

// Complete reports whether the evaluation has a score.
func (e *Evaluation) Complete() bool { return e.Err == nil && len(e.Missing) == 0 }

// Evaluate scores the card's inputs. It never assumes a default for an
// unset input: a card without a ThM says "ThM" is missing.
func Evaluate(c *Card) Evaluation {
	in := &c.AIVSS
	var ev Evaluation
	ed, err := aivss.Lookup(in.Edition)
	if err != nil || in.Edition == "" {
		ev.Err = &FieldError{Field: "aivss.edition", Msg: "is not a known AIVSS edition"}
		return ev
	}
	ev.Edition = ed
	vector, err := in.check()
	if err != nil {
		ev.Err = err
		return ev
	}
	var cvss decimal.Decimal
	switch {
	case in.CVSSVector != "":
		ev.Vector = vector
		cvss = vector.Score()
	case in.CVSSScore.Set:
		cvss = in.CVSSScore.Value
	default:
		ev.Missing = append(ev.Missing, "CVSS")
	}
	var factors [aivss.NumFactors]decimal.Decimal
	for i, f := range in.Factors {
		if !f.Set {
			ev.Missing = append(ev.Missing, "factor "+ed.Factors[i].ID)
		}
		factors[i] = f.Value
	}
	if !in.ThM.Set {
		ev.Missing = append(ev.Missing, "ThM")
	}
	if ed.HasMF && !in.MF.Set {
		ev.Missing = append(ev.Missing, "MF")
	}
	if len(ev.Missing) > 0 {
		return ev
	}
	ev.Result, ev.Err = ed.Score(cvss, &factors, in.ThM, in.MF)
	return ev
}

// NewCard returns a new, empty card in the default edition with the
// edition's default threat multiplier and mitigation factor filled in, as
// a calculator opens.
func NewCard() *Card {
	ed, _ := aivss.Lookup(aivss.Default)
	c := &Card{AIVSS: Inputs{Edition: ed.ID, ThM: decimal.Some(ed.ThM.Default)}}
	if ed.HasMF {
		c.AIVSS.MF = decimal.Some(ed.MF.Default)
	}
	return c
}
