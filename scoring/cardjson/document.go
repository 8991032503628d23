package cardjson

import (
	"bytes"
	"encoding/json"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The JSON document, as Marshal writes it and Unmarshal reads it. Field
// order is the order written.
//
// Decimals are strings exactly as the card holds them: factors, ThM and MF
// in their shortest form as in a link ("0.5", "1", "0.97"), a CVSS score
// with one decimal ("9.3", "10.0"). An unset input is null. When there is
// a CVSS vector, cvss_score is null: the vector carries the score.
//
// Fields marked informative are computed from the others, for readers of
// the file; Unmarshal checks their type and otherwise ignores them.
type document struct {
	Format  string     `json:"format"`
	Title   string     `json:"title"`
	Summary string     `json:"summary"`
	AIVSS   cardAIVSS  `json:"aivss"`
	MAESTRO maestroDoc `json:"maestro"`
}

// cardAIVSS is the card's AIVSS inputs.
type cardAIVSS struct {
	Edition string `json:"edition"`
	inputs
	outcome
}

// inputs are the AIVSS inputs a card and a finding both have.
type inputs struct {
	CVSSVector optText   `json:"cvss_vector"` // canonical
	CVSSScore  cvssScore `json:"cvss_score"`
	Factors    factors   `json:"factors"`
	ThM        optDec    `json:"thm"`
	MF         optDec    `json:"mf"`
}

// outcome is what the inputs give; every field is informative.
type outcome struct {
	Score    *string  `json:"score"`             // null while incomplete
	Severity *string  `json:"severity"`          // null while incomplete
	Missing  []string `json:"missing,omitempty"` // only while incomplete: "CVSS", "factor tools", "ThM", "MF"
	// Only for a vector with Threat or Environmental metrics: the base
	// score AIVSS takes, the vector's other score, and the ThM its Exploit
	// Maturity sets when none is given.
	CVSSBase      *string    `json:"cvss_base,omitempty"`
	CVSSOther     *otherCVSS `json:"cvss_other,omitempty"`
	ThMFromVector *string    `json:"thm_from_vector,omitempty"`
}

// otherCVSS is a vector's CVSS-BT, -BE or -BTE score, for reference.
type otherCVSS struct {
	Nomenclature string `json:"nomenclature"`
	Score        string `json:"score"`
}

type maestroDoc struct {
	Layers     []layerDoc  `json:"layers"`
	CrossLayer []threatDoc `json:"cross_layer"`
}

type layerDoc struct {
	Layer   int         `json:"layer"`
	Name    string      `json:"name"` // informative, but checked: the layer's name
	Status  status      `json:"status"`
	Notes   string      `json:"notes"`
	Threats []threatDoc `json:"threats"`
}

type threatDoc struct {
	CatalogID   string   `json:"catalog_id"`
	Title       string   `json:"title"`
	Name        string   `json:"name"` // informative: the title, or the catalog's name
	Description string   `json:"description"`
	Layers      *[]int   `json:"layers,omitempty"` // cross-layer threats only
	ASI         asi      `json:"asi"`
	Likelihood  level    `json:"likelihood"`
	Impact      level    `json:"impact"`
	Risk        *string  `json:"risk"` // informative
	Mitigations string   `json:"mitigations"`
	State       state    `json:"state"`
	AIVSS       *finding `json:"aivss"` // threatcard/2; null for a threat that is not a finding
}

// finding is a threat's AIVSS assessment.
type finding struct {
	ID       string   `json:"id"`
	Category category `json:"category"`
	inputs
	// Inherited lists, informatively, the factors the finding takes from
	// the card, by id in the edition's order.
	Inherited []string `json:"inherited"`
	outcome
}

// The values that write themselves: a typed model value in, its JSON
// spelling out.

// optText is a string that is null when empty.
type optText string

func (s optText) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return jsonString(string(s)), nil
}

// jsonString is s as a JSON string, with "<", ">" and "&" as they are:
// json.Marshal would write them as \u escapes, which the encoder of
// Marshal, writing them as they are elsewhere, does not undo.
func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// optDec is a factor, ThM or MF: its shortest form, or null when unset.
type optDec decimal.Optional

func (o optDec) MarshalJSON() ([]byte, error) { return decJSON(decimal.Optional(o), 0), nil }

// cvssScore is a bare CVSS score: one decimal, or null when unset.
type cvssScore decimal.Optional

func (o cvssScore) MarshalJSON() ([]byte, error) { return decJSON(decimal.Optional(o), 1), nil }

func decJSON(o decimal.Optional, places int) []byte {
	v, ok := o.Get()
	if !ok {
		return []byte("null")
	}
	return []byte(`"` + v.Format(places) + `"`)
}

// factors are the ten factors, written as an object keyed by the
// edition's factor ids in its order.
type factors struct {
	ed     *aivss.Edition
	values [card.NumFactors]decimal.Optional
}

func (f factors) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, fac := range f.ed.Factors {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(fac.ID))
		b.WriteByte(':')
		b.Write(decJSON(f.values[i], 0))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type status maestro.Status

func (s status) MarshalJSON() ([]byte, error) { return jsonString(maestro.Status(s).String()), nil }

type state maestro.State

func (s state) MarshalJSON() ([]byte, error) { return jsonString(maestro.State(s).String()), nil }

type asi maestro.ASI

func (a asi) MarshalJSON() ([]byte, error) { return optText(maestro.ASI(a).Code()).MarshalJSON() }

type level maestro.Level

func (l level) MarshalJSON() ([]byte, error) { return optText(maestro.Level(l).String()).MarshalJSON() }

type category corerisk.Risk

func (c category) MarshalJSON() ([]byte, error) {
	return optText(corerisk.Risk(c).String()).MarshalJSON()
}

// fromCard is c's document.
func fromCard(c *card.Card) document {
	ev := card.Evaluate(c)
	doc := document{
		Format:  Format,
		Title:   c.Title,
		Summary: c.Summary,
		AIVSS: cardAIVSS{
			Edition: ev.Edition.ID,
			inputs:  inputsOf(ev.Edition, c.AIVSS.CVSSVector, c.AIVSS.CVSSScore, c.AIVSS.Factors, c.AIVSS.ThM, c.AIVSS.MF),
			outcome: outcomeOf(&ev),
		},
	}
	findings := map[*maestro.Threat]*card.Finding{}
	fs := c.Findings()
	for i := range fs {
		findings[fs[i].Threat] = &fs[i]
	}
	threat := func(t *maestro.Threat, cross bool) threatDoc {
		d := threatDoc{
			CatalogID:   t.CatalogID,
			Title:       t.Title,
			Name:        t.Name(),
			Description: t.Description,
			ASI:         asi(t.ASI),
			Likelihood:  level(t.Likelihood),
			Impact:      level(t.Impact),
			Mitigations: t.Mitigations,
			State:       state(t.State),
		}
		if r := t.Risk().String(); r != "" {
			d.Risk = &r
		}
		if cross {
			ls := make([]int, len(t.Layers))
			for i, l := range t.Layers {
				ls[i] = int(l)
			}
			d.Layers = &ls
		}
		if f := findings[t]; f != nil {
			d.AIVSS = findingOf(ev.Edition, f)
		}
		return d
	}
	m := &c.MAESTRO
	doc.MAESTRO.Layers = make([]layerDoc, 0, maestro.NumLayers)
	for _, l := range maestro.Layers() {
		e := m.Layer(l)
		ld := layerDoc{Layer: int(l), Name: l.Name(), Status: status(e.Status), Notes: e.Notes, Threats: []threatDoc{}}
		for i := range e.Threats {
			ld.Threats = append(ld.Threats, threat(&e.Threats[i], false))
		}
		doc.MAESTRO.Layers = append(doc.MAESTRO.Layers, ld)
	}
	doc.MAESTRO.CrossLayer = []threatDoc{}
	for i := range m.CrossLayer {
		doc.MAESTRO.CrossLayer = append(doc.MAESTRO.CrossLayer, threat(&m.CrossLayer[i], true))
	}
	return doc
}

func inputsOf(ed *aivss.Edition, vector string, score decimal.Optional, fs [card.NumFactors]decimal.Optional, thm, mf decimal.Optional) inputs {
	return inputs{CVSSVector: optText(vector), CVSSScore: cvssScore(score), Factors: factors{ed, fs}, ThM: optDec(thm), MF: optDec(mf)}
}

// outcomeOf is the informative part of an evaluation.
func outcomeOf(ev *card.Evaluation) outcome {
	var o outcome
	if name, score, ok := ev.OtherCVSS(); ok {
		base := ev.Vector.BaseScore().Format(1)
		o.CVSSBase = &base
		o.CVSSOther = &otherCVSS{Nomenclature: name, Score: score.Format(1)}
	}
	if ev.ThMFromVector {
		thm := ev.ThM.Value.Format(0)
		o.ThMFromVector = &thm
	}
	if ev.Complete() {
		sev := string(ev.Result.Severity)
		o.Score, o.Severity = &ev.Result.Score, &sev
		return o
	}
	o.Missing = make([]string, len(ev.Missing))
	for i, m := range ev.Missing {
		o.Missing[i] = m.Label()
		if m.Input == card.InputFactor {
			o.Missing[i] = "factor " + m.Factor.ID
		}
	}
	return o
}

func findingOf(ed *aivss.Edition, f *card.Finding) *finding {
	a := &f.Threat.AIVSS
	d := &finding{
		ID:        a.ID,
		Category:  category(a.Category),
		inputs:    inputsOf(ed, a.CVSSVector, a.CVSSScore, a.Factors, a.ThM, a.MF),
		Inherited: []string{},
		outcome:   outcomeOf(&f.Eval),
	}
	for i, inherited := range f.Inherited {
		if inherited {
			d.Inherited = append(d.Inherited, ed.Factors[i].ID)
		}
	}
	return d
}
