package aivssreport

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Edition is the AIVSS edition a report is scored in: Appendix A is the
// report format of OWASP AIVSS v0.8.
const Edition = "v0.8"

// The document Marshal writes. Field order is the order written, the
// schema's. Numbers are json.Number so that they are written as the exact
// decimal text the scoring gives, never through float64.
type report struct {
	Metadata        metadata        `json:"metadata"`
	Vulnerabilities []vulnerability `json:"vulnerabilities"`
}

type metadata struct {
	SystemName     string  `json:"system_name"`
	SystemVersion  *string `json:"system_version,omitempty"`
	AssessmentDate string  `json:"assessment_date"`
	AssessorID     string  `json:"assessor_id"`
	Notes          string  `json:"notes,omitempty"`
}

type vulnerability struct {
	ID                   string      `json:"id"`
	Title                string      `json:"title,omitempty"`
	Description          string      `json:"description,omitempty"`
	OWASPCategory        string      `json:"owasp_category"`
	CVSSBase             cvssBase    `json:"cvss_base"`
	AmplificationFactors factors     `json:"amplification_factors"`
	ThreatMultiplier     json.Number `json:"threat_multiplier"`
	Scores               scores      `json:"scores"`
}

type cvssBase struct {
	VectorString string      `json:"vector_string"`
	Score        json.Number `json:"score"`
}

// factors are the ten v0.8 factors under their ids, in the edition's
// order (factorKeys; a test checks the two agree).
type factors struct {
	Autonomy       json.Number `json:"autonomy"`
	Tools          json.Number `json:"tools"`
	Language       json.Number `json:"language"`
	Context        json.Number `json:"context"`
	NonDeterminism json.Number `json:"non_determinism"`
	Opacity        json.Number `json:"opacity"`
	Persistence    json.Number `json:"persistence"`
	Identity       json.Number `json:"identity"`
	MultiAgent     json.Number `json:"multi_agent"`
	SelfMod        json.Number `json:"self_mod"`
}

type scores struct {
	FactorSum        json.Number `json:"factor_sum"`
	AARS             json.Number `json:"aars"`
	MitigationFactor json.Number `json:"mitigation_factor"`
	AIVSS            json.Number `json:"aivss"`
	Severity         string      `json:"severity,omitempty"`
}

// factorKeys are the keys of amplification_factors, the ids of the v0.8
// factors, in the edition's order.
var factorKeys = [card.NumFactors]string{
	"autonomy", "tools", "language", "context", "non_determinism",
	"opacity", "persistence", "identity", "multi_agent", "self_mod",
}

// Marshal writes the card's scored findings as an OWASP AIVSS v0.8
// Appendix A report, indented JSON ending in a newline.
//
// The card must pass card.Validate and be in edition v0.8. The metadata
// are the card's title as system_name ("Untitled card" when it has none),
// m's date and assessor, and as notes the card's summary followed by the
// line "threatcard link: " and m.Link; a summary whose first line is
// "System version: …" gives system_version instead (Parse puts a
// report's version there).
//
// The vulnerabilities are the findings that are scored and have a
// category, highest score first (card.RankFindings); the others are
// returned as Skipped, in card order. Each is written with its
// effective inputs, what it inherits from the card's profile merged in,
// and the scores computed in exact decimals: numbers are written as the
// exact decimal results (aars 0.44135), factors, ThM and MF as the card
// holds them (0.5, 1.0, 0.97). severity is left out for a score of 0.0,
// which has no band in v0.8.
//
// The error is an *Error: the card is not valid or not in v0.8, m.Date is
// no calendar date, or m.Assessor or m.Link is one Parse would not read
// back (a line break; an assessor over MaxAssessor characters).
func Marshal(c *card.Card, m Metadata) ([]byte, []Skipped, error) {
	if err := checkCard(c); err != nil {
		return nil, nil, err
	}
	if !checkDate(m.Date) {
		return nil, nil, &Error{Index: -1, Path: "metadata.assessment_date",
			Msg: "is " + strconv.Quote(m.Date) + "; the assessment date is a calendar date written YYYY-MM-DD"}
	}
	if n := utf8.RuneCountInString(m.Assessor); n > MaxAssessor || strings.ContainsFunc(m.Assessor, unicode.IsControl) {
		return nil, nil, &Error{Index: -1, Path: "metadata.assessor_id",
			Msg: "is " + quoteClip(m.Assessor) + "; an assessor id is one line of at most " + strconv.Itoa(MaxAssessor) + " characters"}
	}
	if strings.ContainsFunc(m.Link, unicode.IsControl) {
		return nil, nil, &Error{Index: -1, Path: "metadata.notes", Msg: "would hold a link with a control character or line break"}
	}
	r := report{Metadata: metadata{SystemName: c.Title, AssessmentDate: m.Date, AssessorID: m.Assessor}}
	if r.Metadata.SystemName == "" {
		r.Metadata.SystemName = UntitledCard
	}
	if r.Metadata.AssessorID == "" {
		r.Metadata.AssessorID = DefaultAssessor
	}
	version, hasVersion, text := splitSummary(c.Summary)
	if hasVersion {
		r.Metadata.SystemVersion = &version
	}
	r.Metadata.Notes = joinNotes(text, m.Link)

	fs := c.Findings()
	skipped := skips(fs)
	card.RankFindings(fs)
	r.Vulnerabilities = []vulnerability{}
	for i := range fs {
		if skipReason(&fs[i]) == "" {
			r.Vulnerabilities = append(r.Vulnerabilities, writeFinding(c, &fs[i]))
		}
	}

	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&r); err != nil {
		return nil, nil, &Error{Index: -1, Msg: "cannot write the report: " + err.Error(), Err: err}
	}
	return b.Bytes(), skipped, nil
}

// skipReason says why f is left out of a report, or "" when it is not.
// Skips returns what Marshal would leave out of c's report, without
// writing it: the findings skipped, or the error Marshal gives for the card
// itself (metadata aside). The page says this beside the report's button
// after each edit, where writing the JSON each time would cost the time of
// the keystroke.
func Skips(c *card.Card) ([]Skipped, error) {
	if err := checkCard(c); err != nil {
		return nil, err
	}
	return skips(c.Findings()), nil
}

// checkCard is Marshal's check of the card: valid, and in v0.8.
func checkCard(c *card.Card) error {
	if err := c.Validate(); err != nil {
		return &Error{Index: -1, Msg: "the card is not valid: " + err.Error(), Err: err}
	}
	if c.AIVSS.Edition != Edition {
		called := strconv.Quote(c.AIVSS.Edition)
		if ed, err := aivss.Lookup(c.AIVSS.Edition); err == nil {
			called = ed.Called
		}
		return &Error{Index: -1, Msg: "the card is scored in " + called +
			"; an AIVSS report (Appendix A) is OWASP AIVSS v0.8's format: switch the card to v0.8 to export one"}
	}
	return nil
}

// skips are the findings of fs a report leaves out, in card order.
func skips(fs []card.Finding) []Skipped {
	var skipped []Skipped
	for i := range fs {
		if reason := skipReason(&fs[i]); reason != "" {
			skipped = append(skipped, Skipped{ID: fs[i].Threat.AIVSS.ID, Reason: reason})
		}
	}
	return skipped
}

func skipReason(f *card.Finding) string {
	var parts []string
	if !f.Threat.AIVSS.Category.Valid() {
		parts = append(parts, "has no OWASP core-risk category")
	}
	switch {
	case f.Eval.Err != nil:
		parts = append(parts, "is not scored: "+f.Eval.Err.Error())
	case len(f.Eval.Missing) > 0:
		parts = append(parts, "is not scored: "+missingWords(f.Eval.Missing)+" missing")
	}
	return strings.Join(parts, " and ")
}

// missingWords names the missing inputs of a finding briefly: "CVSS,
// Execution Autonomy, ThM", or "CVSS, all 10 factors, ThM, MF".
func missingWords(missing []card.Location) string {
	var words, named []string
	factors := 0
	for _, l := range missing {
		switch l.Input {
		case card.InputCVSSVector, card.InputCVSSScore:
			words = append(words, "CVSS")
		case card.InputFactor:
			factors++
			named = append(named, l.Factor.Name)
		case card.InputThM:
			words = append(words, "ThM")
		case card.InputMF:
			words = append(words, "MF")
		}
	}
	if factors == card.NumFactors {
		named = []string{"all 10 factors"}
	}
	if len(words) > 0 && words[0] == "CVSS" {
		return strings.Join(append(append([]string{"CVSS"}, named...), words[1:]...), ", ")
	}
	return strings.Join(append(named, words...), ", ")
}

// writeFinding is the report's entry for the scored, categorised f.
func writeFinding(c *card.Card, f *card.Finding) vulnerability {
	t, a, res := f.Threat, &f.Threat.AIVSS, &f.Eval.Result
	in := c.FindingInputs(a)
	v := vulnerability{
		ID:               a.ID,
		Description:      t.Description,
		OWASPCategory:    a.Category.String(),
		CVSSBase:         cvssBase{VectorString: a.CVSSVector, Score: json.Number(res.CVSS)},
		ThreatMultiplier: number(f.Eval.ThM.Value),
		Scores: scores{
			FactorSum:        json.Number(res.FactorSum),
			AARS:             json.Number(res.AARS),
			MitigationFactor: number(in.MF.Value),
			AIVSS:            json.Number(res.Score),
		},
	}
	if hasOwnTitle(t) {
		v.Title = t.Name()
	}
	if res.Severity != aivss.None {
		v.Scores.Severity = string(res.Severity)
	}
	fv := &v.AmplificationFactors
	for i, p := range []*json.Number{&fv.Autonomy, &fv.Tools, &fv.Language, &fv.Context, &fv.NonDeterminism,
		&fv.Opacity, &fv.Persistence, &fv.Identity, &fv.MultiAgent, &fv.SelfMod} {
		*p = number(in.Factors[i].Value)
	}
	return v
}

// hasOwnTitle reports whether t has a name of its own, a custom title or
// a catalog entry's, rather than the "Finding F-001" a finding without
// either is shown as.
func hasOwnTitle(t *maestro.Threat) bool { return t.CatalogID != "" || t.Title != "" }

// number writes an input as a JSON number, as the card holds it: 0.5,
// 1.0, 0.97.
func number(d decimal.Decimal) json.Number { return json.Number(d.String()) }
