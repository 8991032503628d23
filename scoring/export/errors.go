package export

// ImportError reports JSON that ParseJSON does not accept, naming where in
// the document the problem is.
//
// Deprecated: threatcard's JSON is package cardjson now (format
// threatcard/2, with findings); this copy stays until its last user,
// app/ui's share_testdata_test.go, moves there.
type ImportError struct {
	// Path is where in the JSON document, in the form
	// "maestro.layers[2].threats[0].state": object keys joined by '.',
	// array indices in brackets; "" for the document as a whole.
	Path string
	Msg  string // what is wrong, e.g. "unknown field"
	Err  error  // the underlying error, if any (*json.SyntaxError, *decimal.SyntaxError, *card.FieldError)
}

func (e *ImportError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

func (e *ImportError) Unwrap() error { return e.Err }

// LinkError reports a link that Markdown will not write into a ticket.
type LinkError struct {
	Link string // the link as given
	Msg  string // what is wrong with it
}

func (e *LinkError) Error() string { return "link " + quoteClip(e.Link) + ": " + e.Msg }
