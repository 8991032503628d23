package cardimport

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/threatcard/threatcard/scoring/aivssreport"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/cardtext"
	"github.com/threatcard/threatcard/scoring/jsonvalue"
)

// MaxSize is the largest document Import reads, in bytes: the size of the
// largest JSON export (cardjson.MaxSize). A card's text is always shorter.
const MaxSize = cardjson.MaxSize

// Format is the kind of document being imported.
type Format uint8

const (
	Text   Format = iota // the text of a published card
	JSON                 // a JSON export, format threatcard/2 or threatcard/1
	Report               // an OWASP AIVSS v0.8 report (Appendix A), JSON too
)

// String names the format as a person would: "card text", "JSON export",
// "OWASP AIVSS report".
func (f Format) String() string {
	switch f {
	case JSON:
		return "JSON export"
	case Report:
		return "OWASP AIVSS report"
	}
	return "card text"
}

// byteOrderMark may start a document saved by some editors.
var byteOrderMark = []byte("\ufeff")

// Detect tells which format data is in: JSON when its first character, after
// white space and a byte-order mark, is '{' — an OWASP AIVSS report when
// it is an object with metadata and vulnerabilities and no "format"
// (aivssreport.Recognize), threatcard's JSON otherwise; card text when it
// does not start with '{'.
func Detect(data []byte) Format {
	doc := bytes.TrimPrefix(data, byteOrderMark)
	trimmed := bytes.TrimLeft(doc, " \t\r\n")
	switch {
	case len(trimmed) == 0 || trimmed[0] != '{':
		return Text
	case aivssreport.Recognize(doc):
		return Report
	}
	return JSON
}

// Warning is a remark on what an import did not take as it stood: a line
// of card text, or (Line 0) the document as a whole, as the remarks on a
// report are, which name the vulnerability and both values.
type Warning = cardtext.Warning

// Result is an imported card.
type Result struct {
	Format   Format
	Card     *card.Card // passes card.Validate
	Warnings []Warning  // none for threatcard's JSON
}

// Import reads a card from data, a JSON export, an OWASP AIVSS report or a
// published card's text (see Detect). Any failure is an *Error naming where in data the problem is.
func Import(data []byte) (*Result, error) {
	format := Detect(data)
	if len(data) > MaxSize {
		return nil, &Error{Format: format,
			Msg: fmt.Sprintf("the document is %d bytes; the limit is %d", len(data), MaxSize)}
	}
	if format == Report {
		r, err := aivssreport.Parse(bytes.TrimPrefix(data, byteOrderMark))
		if err != nil {
			e := &Error{Format: Report, Msg: err.Error(), Err: err}
			if je, ok := errors.AsType[*jsonvalue.Error](err); ok {
				e.Line = je.Line
			}
			return nil, e
		}
		res := &Result{Format: Report, Card: r.Card}
		for _, w := range r.Warnings {
			res.Warnings = append(res.Warnings, Warning{Msg: w.Msg})
		}
		return res, nil
	}
	if format == JSON {
		doc := bytes.TrimPrefix(data, byteOrderMark)
		c, err := cardjson.Unmarshal(doc)
		if err != nil {
			return nil, jsonError(err)
		}
		return &Result{Format: JSON, Card: c}, nil
	}
	r, err := cardtext.Parse(string(data))
	if err != nil {
		e := &Error{Format: Text, Msg: err.Error(), Err: err}
		if pe, ok := errors.AsType[*cardtext.ParseError](err); ok {
			e.Line, e.Text, e.Msg = pe.Line, pe.Text, pe.Msg
		}
		return nil, e
	}
	return &Result{Format: Text, Card: r.Card, Warnings: r.Warnings}, nil
}

// jsonError turns cardjson.Unmarshal's error into an *Error: its path, or
// the line of JSON that is not well-formed.
func jsonError(err error) *Error {
	e := &Error{Format: JSON, Msg: err.Error(), Err: err}
	if je, ok := errors.AsType[*jsonvalue.Error](err); ok {
		e.Path, e.Msg, e.Line = je.Path, je.Msg, je.Line
	}
	return e
}
