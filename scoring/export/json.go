package export

import (
	"bytes"
	_ "embed"
	"encoding/json"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Format is the value of the "format" field of the JSON that JSON writes
// and ParseJSON reads.
//
// Deprecated: threatcard's JSON is package cardjson now (format
// threatcard/2, with findings); this copy stays until its last user,
// app/ui's share_testdata_test.go, moves there.
const Format = "threatcard/1"

//go:embed threatcard-1.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of format threatcard/1,
// the file threatcard-1.schema.json. The caller may modify the result.
//
// Deprecated: threatcard's JSON is package cardjson now (format
// threatcard/2, with findings); this copy stays until its last user,
// app/ui's share_testdata_test.go, moves there.
func Schema() []byte { return bytes.Clone(schema) }

// The JSON document. Field order is the order written.
//
// Decimals are strings exactly as the card holds them: factors, ThM and MF
// in their shortest form as in a link ("0.5", "1", "0.97"), the CVSS score
// with one decimal ("9.3", "10.0"). An unset input is null. When the card
// has a CVSS vector, cvss_score is null: the vector carries the score.
//
// Fields marked informative are computed from the others, for readers of
// the file; ParseJSON checks their type and otherwise ignores them.
type jsonCard struct {
	Format  string      `json:"format"`
	Title   string      `json:"title"`
	Summary string      `json:"summary"`
	AIVSS   jsonAIVSS   `json:"aivss"`
	MAESTRO jsonMaestro `json:"maestro"`
}

type jsonAIVSS struct {
	Edition    string      `json:"edition"`
	CVSSVector *string     `json:"cvss_vector"`
	CVSSScore  *string     `json:"cvss_score"`
	Factors    jsonFactors `json:"factors"`
	ThM        *string     `json:"thm"`
	MF         *string     `json:"mf"`
	Score      *string     `json:"score"`             // informative; null while incomplete
	Severity   *string     `json:"severity"`          // informative; null while incomplete
	Missing    []string    `json:"missing,omitempty"` // informative; only while incomplete
	// Informative, only for a vector with Threat or Environmental metrics:
	// the base score AIVSS takes, the vector's other score, and the ThM
	// its Exploit Maturity sets when the card gives none.
	CVSSBase      *string    `json:"cvss_base,omitempty"`
	CVSSOther     *jsonOther `json:"cvss_other,omitempty"`
	ThMFromVector *string    `json:"thm_from_vector,omitempty"`
}

// jsonOther is a vector's CVSS-BT, -BE or -BTE score, for reference.
type jsonOther struct {
	Nomenclature string `json:"nomenclature"`
	Score        string `json:"score"`
}

// jsonFactors writes the factors as an object keyed by factor id, in the
// edition's order.
type jsonFactors struct {
	ed     *aivss.Edition
	values *[card.NumFactors]decimal.Optional
}

func (f jsonFactors) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, fac := range f.ed.Factors {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(fac.ID)
		b.Write(k)
		b.WriteByte(':')
		if v, ok := f.values[i].Get(); ok {
			b.WriteString(`"` + v.Format(0) + `"`)
		} else {
			b.WriteString("null")
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type jsonMaestro struct {
	Layers     []jsonLayer  `json:"layers"`
	CrossLayer []jsonThreat `json:"cross_layer"`
}

type jsonLayer struct {
	Layer   int          `json:"layer"`
	Name    string       `json:"name"`
	Status  string       `json:"status"`
	Notes   string       `json:"notes"`
	Threats []jsonThreat `json:"threats"`
}

type jsonThreat struct {
	CatalogID   string  `json:"catalog_id"`
	Title       string  `json:"title"`
	Name        string  `json:"name"` // informative: the title, or the catalog's name
	Description string  `json:"description"`
	Layers      *[]int  `json:"layers,omitempty"` // cross-layer threats only
	ASI         *string `json:"asi"`
	Likelihood  *string `json:"likelihood"`
	Impact      *string `json:"impact"`
	Risk        *string `json:"risk"` // informative
	Mitigations string  `json:"mitigations"`
	State       string  `json:"state"`
}

// JSON returns c as a JSON document of format threatcard/1, indented by
// two spaces and ending in a newline. ParseJSON reads it back into an
// equal card. Findings are left out: threatcard/1 has none.
//
// Deprecated: threatcard's JSON is package cardjson now (format
// threatcard/2, with findings); this copy stays until its last user,
// app/ui's share_testdata_test.go, moves there.
func JSON(c *card.Card) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	ev := card.Evaluate(c)
	in := &c.AIVSS
	doc := jsonCard{
		Format:  Format,
		Title:   c.Title,
		Summary: c.Summary,
		AIVSS: jsonAIVSS{
			Edition: ev.Edition.ID,
			Factors: jsonFactors{ev.Edition, &in.Factors},
			ThM:     shortest(in.ThM),
			MF:      shortest(in.MF),
		},
	}
	if in.CVSSVector != "" {
		doc.AIVSS.CVSSVector = &in.CVSSVector
	}
	if v, ok := in.CVSSScore.Get(); ok {
		s := v.Format(1)
		doc.AIVSS.CVSSScore = &s
	}
	if name, score, ok := ev.OtherCVSS(); ok {
		base := ev.Vector.BaseScore().Format(1)
		doc.AIVSS.CVSSBase = &base
		doc.AIVSS.CVSSOther = &jsonOther{Nomenclature: name, Score: score.Format(1)}
	}
	if ev.ThMFromVector {
		thm := ev.ThM.Value.Format(0)
		doc.AIVSS.ThMFromVector = &thm
	}
	if ev.Complete() {
		sev := string(ev.Result.Severity)
		doc.AIVSS.Score, doc.AIVSS.Severity = &ev.Result.Score, &sev
	} else {
		doc.AIVSS.Missing = missingIDs(&ev)
	}
	m := &c.MAESTRO
	doc.MAESTRO.Layers = make([]jsonLayer, 0, maestro.NumLayers)
	for _, l := range maestro.Layers() {
		e := m.Layer(l)
		jl := jsonLayer{Layer: int(l), Name: l.Name(), Status: e.Status.String(), Notes: e.Notes, Threats: []jsonThreat{}}
		for i := range e.Threats {
			jl.Threats = append(jl.Threats, threatJSON(&e.Threats[i], false))
		}
		doc.MAESTRO.Layers = append(doc.MAESTRO.Layers, jl)
	}
	doc.MAESTRO.CrossLayer = []jsonThreat{}
	for i := range m.CrossLayer {
		doc.MAESTRO.CrossLayer = append(doc.MAESTRO.CrossLayer, threatJSON(&m.CrossLayer[i], true))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // the file is not embedded in HTML; keep "<" readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func threatJSON(t *maestro.Threat, cross bool) jsonThreat {
	jt := jsonThreat{
		CatalogID:   t.CatalogID,
		Title:       t.Title,
		Name:        t.Name(),
		Description: t.Description,
		ASI:         orNull(t.ASI.Code()),
		Likelihood:  orNull(t.Likelihood.String()),
		Impact:      orNull(t.Impact.String()),
		Risk:        orNull(t.Risk().String()),
		Mitigations: t.Mitigations,
		State:       t.State.String(),
	}
	if cross {
		ls := make([]int, len(t.Layers))
		for i, l := range t.Layers {
			ls[i] = int(l)
		}
		jt.Layers = &ls
	}
	return jt
}

// shortest is an input in its shortest form, or nil when unset.
func shortest(o decimal.Optional) *string {
	v, ok := o.Get()
	if !ok {
		return nil
	}
	s := v.Format(0)
	return &s
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// missingIDs lists what is missing as threatcard/1 writes it, for
// programs: "CVSS", "factor tools", "ThM", "MF".
func missingIDs(ev *card.Evaluation) []string {
	ids := make([]string, len(ev.Missing))
	for i, m := range ev.Missing {
		ids[i] = m.Label()
		if m.Input == card.InputFactor {
			ids[i] = "factor " + m.Factor.ID
		}
	}
	return ids
}
