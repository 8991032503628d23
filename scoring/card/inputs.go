package card

import (
	"errors"
	"strconv"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// validate checks the inputs that are set against their edition.
func (in *Inputs) validate() error {
	_, _, err := in.check()
	return err
}

// check is validate returning the edition and the parsed CVSS vector too
// (nil when the card has none), so that Evaluate, which the app runs on
// every change, parses the vector once.
func (in *Inputs) check() (*aivss.Edition, *cvss4.Vector, error) {
	var vector *cvss4.Vector
	if in.Edition == "" {
		return nil, nil, aivssField(InputEdition, "is not set; a card names its AIVSS edition")
	}
	ed, err := aivss.Lookup(in.Edition)
	if err != nil {
		return nil, nil, aivssField(InputEdition, "is "+strconv.Quote(in.Edition)+", which is not an AIVSS edition; the editions are v0.8, v0.5 and card")
	}
	if in.CVSSVector != "" {
		if in.CVSSScore.Set {
			return nil, nil, aivssField(InputCVSSScore, "is set together with a CVSS vector; give one or the other")
		}
		v, err := cvss4.Parse(in.CVSSVector)
		if err != nil {
			return nil, nil, &FieldError{Loc: Location{Section: SectionAIVSS, Input: InputCVSSVector}, Msg: "is not valid: " + err.Error(), Err: err}
		}
		if v.String() != in.CVSSVector {
			return nil, nil, aivssField(InputCVSSVector, "is not in canonical form "+v.String())
		}
		vector = v
	}
	if d, ok := in.CVSSScore.Get(); ok && (d < 0 || d > decimal.FromInt(10) || d.Hundredths()%10 != 0) {
		return nil, nil, aivssField(InputCVSSScore, "is "+d.String()+"; a CVSS v4.0 score is 0.0 to 10.0 with one decimal")
	}
	for i, f := range in.Factors {
		if f.Set && !ed.Levels.Allows(f.Value) {
			return nil, nil, &FieldError{Loc: Location{Section: SectionAIVSS, Input: InputFactor, Factor: ed.Factors[i]},
				Msg: "is " + f.Value.String() + "; " + ed.Called + " takes " + ed.Levels.Values()}
		}
	}
	if v, ok := in.ThM.Get(); ok && !ed.ThM.Allows(v) {
		return nil, nil, aivssField(InputThM, "is "+v.String()+"; "+ed.Called+" takes "+ed.ThM.Labelled())
	}
	if v, ok := in.MF.Get(); ok {
		if !ed.HasMF {
			return nil, nil, aivssField(InputMF, "is set, but "+ed.Called+" has no mitigation factor")
		}
		if !ed.MF.Allows(v) {
			return nil, nil, aivssField(InputMF, "is "+v.String()+"; "+ed.Called+" takes "+ed.MF.Labelled())
		}
	}
	return ed, vector, nil
}

// Evaluation is what a card's inputs give: a score, or the list of what is
// still missing, or the error in an input that is set but wrong.
type Evaluation struct {
	Edition *aivss.Edition // nil only if the edition is unknown
	Result  aivss.Result   // valid when Complete
	Vector  *cvss4.Vector  // the parsed CVSS vector, when the card has one
	// ThM is the threat multiplier the score uses: the card's, or the one
	// the vector's Exploit Maturity sets (ThMFromVector).
	ThM           decimal.Optional
	ThMFromVector bool
	Missing       []Location // inputs still unset, in the order of the calculator
	Err           error      // an input that is set but not accepted (a *FieldError)
}

// Complete reports whether the evaluation has a score.
func (e *Evaluation) Complete() bool { return e.Err == nil && len(e.Missing) == 0 }

// Evaluate scores the card's inputs. It never assumes a default for an
// unset input: a card without a ThM says ThM is missing. A CVSS vector
// enters with its Base score, whatever Threat and Environmental metrics it
// has, and its Exploit Maturity sets ThM where the edition's ThM is
// Exploit Maturity (aivss.Edition.VectorInputs); a ThM that contradicts
// it is the evaluation's error, not the card's: a link holding both still
// opens, and says what to change.
func Evaluate(c *Card) Evaluation { return evaluate(&c.AIVSS) }

func evaluate(in *Inputs) Evaluation {
	var ev Evaluation
	ed, vector, err := in.check()
	ev.Edition = ed
	if err != nil {
		ev.Err = err
		return ev
	}
	var cvss decimal.Decimal
	ev.ThM = in.ThM
	switch {
	case vector != nil:
		ev.Vector = vector
		cvss, ev.ThM, err = ed.VectorInputs(vector, in.ThM)
		if ce, ok := errors.AsType[*aivss.ThMConflictError](err); ok {
			ev.Err = &FieldError{Loc: Location{Section: SectionAIVSS, Input: InputThM},
				Msg: ce.ThMWords(), Err: ce}
			return ev
		}
		ev.ThMFromVector = !in.ThM.Set && ev.ThM.Set
	case in.CVSSScore.Set:
		cvss = in.CVSSScore.Value
	default:
		ev.Missing = append(ev.Missing, Location{Section: SectionAIVSS, Input: InputCVSSVector})
	}
	var factors [aivss.NumFactors]decimal.Decimal
	for i, f := range in.Factors {
		if !f.Set {
			ev.Missing = append(ev.Missing, Location{Section: SectionAIVSS, Input: InputFactor, Factor: ed.Factors[i]})
		}
		factors[i] = f.Value
	}
	if !ev.ThM.Set {
		ev.Missing = append(ev.Missing, Location{Section: SectionAIVSS, Input: InputThM})
	}
	if ed.HasMF && !in.MF.Set {
		ev.Missing = append(ev.Missing, Location{Section: SectionAIVSS, Input: InputMF})
	}
	if len(ev.Missing) > 0 {
		return ev
	}
	ev.Result, ev.Err = ed.Score(cvss, &factors, ev.ThM, in.MF)
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

// OtherCVSS returns the score of the card's vector with its Threat and
// Environmental metrics, and its nomenclature ("CVSS-BT", "CVSS-BE",
// "CVSS-BTE"), when the vector has any: shown beside the result for
// reference, never as the base score, which is what AIVSS takes.
func (e *Evaluation) OtherCVSS() (nomenclature string, score decimal.Decimal, ok bool) {
	if e.Vector == nil || !e.Vector.HasMoreThanBase() {
		return "", 0, false
	}
	return e.Vector.Nomenclature(), e.Vector.Score(), true
}

// ThMSource says where the ThM of the score comes from when it is not the
// card's own: "set by the CVSS vector's Exploit Maturity E:U"; "" when it
// is the card's.
func (e *Evaluation) ThMSource() string {
	if !e.ThMFromVector || e.Vector == nil {
		return ""
	}
	return "set by the CVSS vector's Exploit Maturity E:" + e.Vector.ExploitMaturity()
}
