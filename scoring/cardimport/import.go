package cardimport

import (
	"bytes"
	"errors"
	"fmt"

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
	Text Format = iota // the text of a published card
	JSON               // a JSON export, format threatcard/2 or threatcard/1
)

// String names the format as a person would: "card text", "JSON export".
func (f Format) String() string {
	if f == JSON {
		return "JSON export"
	}
	return "card text"
}

// byteOrderMark may start a document saved by some editors.
var byteOrderMark = []byte("\ufeff")

// Detect tells which format data is in: JSON when its first character, after
// white space and a byte-order mark, is '{'; card text otherwise.
func Detect(data []byte) Format {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, byteOrderMark), " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return JSON
	}
	return Text
}

// Result is an imported card.
type Result struct {
	Format   Format
	Card     *card.Card         // passes card.Validate
	Warnings []cardtext.Warning // what the text import did not take as it stood; none for JSON
}

// Import reads a card from data, a JSON export or a published card's text
// (see Detect). Any failure is an *Error naming where in data the problem is.
func Import(data []byte) (*Result, error) {
	format := Detect(data)
	if len(data) > MaxSize {
		return nil, &Error{Format: format,
			Msg: fmt.Sprintf("the document is %d bytes; the limit is %d", len(data), MaxSize)}
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
