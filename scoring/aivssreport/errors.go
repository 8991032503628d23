package aivssreport

// Error reports a report that Parse does not accept, or a card that
// Marshal cannot write, naming the vulnerability and the field.
type Error struct {
	// ID is the id of the vulnerability the problem is in, or "" when it
	// is not in one, or in one whose id is itself missing or wrong.
	ID string
	// Index is the vulnerability's place in the report's list, from 0;
	// -1 when the problem is not in a vulnerability.
	Index int
	// Path is where in the document: object keys joined by '.', array
	// indices in brackets ("vulnerabilities[3].amplification_factors.tools");
	// "" for the document as a whole.
	Path string
	Msg  string // what is wrong, following the field's name: "is 0.7; …"
	Err  error  // the underlying error, if any (*jsonvalue.Error, *cvss4.ParseError, *card.FieldError)
}

// Error names the vulnerability by its id and the field within it
// ("VULN-003: amplification_factors.tools is 0.7; …"), or, outside a
// vulnerability or before its id is known, the field by its full path
// ("vulnerabilities[3].id is missing").
func (e *Error) Error() string {
	switch {
	case e.ID != "":
		return e.ID + ": " + within(e.Path, e.Index) + " " + e.Msg
	case e.Path != "":
		return e.Path + " " + e.Msg
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Skipped is a finding of a card that Marshal leaves out of the report,
// with the reason in words.
type Skipped struct {
	ID     string // the finding's id
	Reason string // "has no OWASP core-risk category", "is not scored: CVSS, ThM missing"
}

// String says it in a sentence: "F-002 is not scored: CVSS missing".
func (s Skipped) String() string { return s.ID + " " + s.Reason }
