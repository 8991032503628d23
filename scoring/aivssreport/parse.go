package aivssreport

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/jsonvalue"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// MaxSize is the largest report Parse reads, in bytes. A report that
// fills a card (100 findings, 60,000 characters of text) is well below
// it.
const MaxSize = 1 << 20

// MaxAssessor is the longest assessor_id Parse takes, in characters: one
// line, as long as a card's title may be. Appendix A sets no limit; this
// one keeps a report that Parse reads and Marshal writes again within
// MaxSize.
const MaxAssessor = card.MaxTitle

// Result is what Parse makes of a report.
type Result struct {
	Card *card.Card
	// Metadata are the report's assessment_date and assessor_id, which a
	// card has no place for, and the link on the last line of its notes
	// when Marshal wrote one: given back to Marshal, they make the same
	// report again.
	Metadata Metadata
	Warnings []Warning // in document order
}

// Parse reads an OWASP AIVSS v0.8 Appendix A report and makes a card of
// it, in edition v0.8.
//
// Each vulnerability becomes a finding: a custom threat with the
// vulnerability's title and description, under the first MAESTRO layer
// whose Appendix C row lists its category, with its id and an assessment
// that sets every input as its own (the ten factors, ThM and MF; the CVSS
// vector in canonical form, or the bare score when vector_string is
// empty). Categories are read as the schema writes them and with "and"
// for "&". The card's own profile is what a new card has: no factors, no
// CVSS, and v0.8's default ThM (0.97) and MF (1.0), which Appendix A also
// gives as defaults; a report says nothing of the agent as a whole, and
// no finding inherits from it.
//
// system_name is the card's title ("Untitled card", which Marshal writes
// for a card without one, is none). system_version and the notes go into
// the card's summary, the version as a first line "System version: …", so
// that no text of the report is dropped; a last line of the notes
// "threatcard link: …" is Marshal's and goes into Result.Metadata
// instead.
//
// The scores a report states are checked against those computed from its
// inputs: each that differs is a Warning naming the vulnerability, both
// values and the field, and the card keeps the inputs. So is each field
// that Appendix A does not have (the schema allows them), which is
// ignored; "$schema" at the top is taken without one.
//
// Anything else is an *Error naming the vulnerability by its id and the
// field: a document that is not JSON, over MaxSize bytes or repeating a
// key; a required field missing, a value of the wrong type, outside the
// schema's enums and bounds, or one that a v0.8 card does not take (a
// mitigation factor between Table 4b's levels, which the schema's range
// allows; a CVSS score with two decimals as the bare CVSS input); a
// vector that is not CVSS v4.0, or whose Exploit Maturity contradicts
// threat_multiplier; an id that is empty or given twice; text over a
// card's limits or with control characters (an assessor_id is one line of
// at most MaxAssessor characters); more vulnerabilities than a card has
// room for.
func Parse(data []byte) (*Result, error) {
	root, err := jsonvalue.ParseLimits(data, jsonvalue.Limits{MaxSize: MaxSize})
	if err != nil {
		return nil, jsonError(err)
	}
	top := at{index: -1}
	if root.Kind != jsonvalue.Object {
		return nil, top.fail("the report is "+root.Kind.String()+"; an Appendix A report is an object with metadata and vulnerabilities", nil)
	}
	var r reader
	r.ignoreUnknown(root, top, "$schema", "metadata", "vulnerabilities")
	md, mda, _, err := member(root, top, "metadata", jsonvalue.Object, true)
	if err != nil {
		return nil, err
	}
	vs, vsa, _, err := member(root, top, "vulnerabilities", jsonvalue.Array, true)
	if err != nil {
		return nil, err
	}
	c := card.NewCard()
	res := &Result{Card: c}
	if res.Metadata, err = r.metadata(md, mda, c); err != nil {
		return nil, err
	}
	if n := len(vs.Items); n > card.MaxThreats {
		return nil, vsa.fail("has "+strconv.Itoa(n)+" vulnerabilities; a card holds at most "+strconv.Itoa(card.MaxThreats)+" threats", nil)
	}
	ed, err := aivss.Lookup(Edition)
	if err != nil {
		return nil, err
	}
	ids := map[string]int{}
	for i, v := range vs.Items {
		t, err := r.vulnerability(v, at{path: vulnPath(i), index: i}, ids, ed)
		if err != nil {
			return nil, err
		}
		l, _ := maestro.CoreRiskLayer(t.AIVSS.Category)
		e := c.MAESTRO.Layer(l)
		e.Threats = append(e.Threats, t)
	}
	if err := c.Validate(); err != nil {
		fe, ok := errors.AsType[*card.FieldError](err)
		if ok && fe.Loc.Section == card.SectionCard {
			return nil, top.fail("the report "+fe.Msg, err)
		}
		return nil, top.fail("the report makes a card that is not valid: "+err.Error(), err)
	}
	res.Warnings = r.warnings
	return res, nil
}

// jsonError is the *Error for a document jsonvalue refuses.
func jsonError(err error) *Error {
	je, ok := errors.AsType[*jsonvalue.Error](err)
	if !ok {
		return &Error{Index: -1, Msg: err.Error(), Err: err}
	}
	e := &Error{Index: -1, Path: je.Path, Msg: je.Msg, Err: je}
	if je.Line > 0 {
		e.Msg += " (line " + strconv.Itoa(je.Line) + ")"
	}
	if je.Path != "" {
		e.Msg = "is refused: " + e.Msg
		if rest, ok := strings.CutPrefix(je.Path, "vulnerabilities["); ok {
			digits, _, _ := strings.Cut(rest, "]")
			if i, err := strconv.Atoi(digits); err == nil {
				e.Index = i
			}
		}
	}
	return e
}

// metadata reads the report's metadata md, at a, into c's title and
// summary, and returns what c has no place for.
func (r *reader) metadata(md jsonvalue.Value, a at, c *card.Card) (Metadata, error) {
	r.ignoreUnknown(md, a, "system_name", "system_version", "assessment_date", "assessor_id", "notes")
	name, namea, _, err := member(md, a, "system_name", jsonvalue.String, true)
	if err != nil {
		return Metadata{}, err
	}
	version, versiona, hasVersion, err := member(md, a, "system_version", jsonvalue.String, false)
	if err != nil {
		return Metadata{}, err
	}
	date, datea, _, err := member(md, a, "assessment_date", jsonvalue.String, true)
	if err != nil {
		return Metadata{}, err
	}
	if !checkDate(date.Text) {
		return Metadata{}, datea.fail("is "+quoteClip(date.Text)+"; Appendix A takes a calendar date written YYYY-MM-DD", nil)
	}
	assessor, assessora, _, err := member(md, a, "assessor_id", jsonvalue.String, true)
	if err != nil {
		return Metadata{}, err
	}
	if n := utf8.RuneCountInString(assessor.Text); n > MaxAssessor {
		return Metadata{}, assessora.fail("has "+strconv.Itoa(n)+" characters; the limit is "+strconv.Itoa(MaxAssessor), nil)
	}
	if strings.ContainsFunc(assessor.Text, unicode.IsControl) {
		return Metadata{}, assessora.fail("contains a line break or another control character; an assessor id is one line", nil)
	}
	notes, notesa, hasNotes, err := member(md, a, "notes", jsonvalue.String, false)
	if err != nil {
		return Metadata{}, err
	}
	if hasVersion && strings.ContainsFunc(version.Text, unicode.IsControl) {
		return Metadata{}, versiona.fail("contains a line break or another control character; the card keeps the version on the first line of its summary", nil)
	}
	text, link := splitNotes(notes.Text)
	if strings.ContainsFunc(link, unicode.IsControl) {
		text, link = notes.Text, "" // not a link Marshal wrote; the summary check says what is wrong
	}
	c.Title = name.Text
	if c.Title == UntitledCard {
		c.Title = ""
	}
	c.Summary = joinSummary(version.Text, hasVersion, text)
	err = (&card.Card{Title: c.Title, Summary: c.Summary, AIVSS: card.Inputs{Edition: Edition}}).Validate()
	if fe, ok := errors.AsType[*card.FieldError](err); ok {
		switch fe.Loc.Section {
		case card.SectionTitle:
			return Metadata{}, namea.fail(fe.Msg, err)
		case card.SectionSummary:
			if !hasNotes {
				notesa = versiona
			}
			return Metadata{}, notesa.fail("goes into the card's summary, which "+fe.Msg, err)
		}
	}
	if err != nil {
		return Metadata{}, a.fail("makes a card that is not valid: "+err.Error(), err)
	}
	return Metadata{Date: date.Text, Assessor: assessor.Text, Link: link}, nil
}

// quoteClip quotes s for a message, cut after 60 characters.
func quoteClip(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return strconv.Quote(s)
}
