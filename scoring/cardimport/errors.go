package cardimport

import "strconv"

// Error reports a document that cannot be imported, with where the problem
// is: a line of the text, or a path in the JSON document (and the line, for
// JSON that is not well-formed).
type Error struct {
	Format Format
	Line   int    // 1-based line of the document; 0 when not known or the whole document
	Text   string // the line as given, spaces trimmed (card text only); "" when Line is 0
	Path   string // where in a JSON document, e.g. "maestro.layers[2].status"; "" for text or the whole document
	Msg    string // what is wrong
	// Err is the error underneath: a *cardtext.ParseError or an
	// *jsonvalue.Error; nil for a document over MaxSize.
	Err error
}

func (e *Error) Error() string {
	where := ""
	switch {
	case e.Path != "":
		where = e.Path + ": "
	case e.Line > 0:
		where = "line " + strconv.Itoa(e.Line) + ": "
	}
	return "importing the " + e.Format.String() + ": " + where + e.Msg
}

// Unwrap returns the parser's own error.
func (e *Error) Unwrap() error { return e.Err }
