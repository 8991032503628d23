package batch

import "strconv"

// FieldError reports a request field that cannot be read or used.
type FieldError struct {
	Field string // "cvss", "factors[3]", "thm", or "" for the line as a whole
	Msg   string // what is wrong, for a person to act on
	Err   error  // the underlying error, if any (its text follows Msg)
}

func (e *FieldError) Error() string {
	s := e.Msg
	if e.Err != nil {
		if s != "" {
			s += ": "
		}
		s += e.Err.Error()
	}
	if e.Field == "" {
		return s
	}
	return e.Field + ": " + s
}

func (e *FieldError) Unwrap() error { return e.Err }

// LineError is an error on one input line of a batch.
type LineError struct {
	Line int // 1-based
	Err  error
}

func (e *LineError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }

func (e *LineError) Unwrap() error { return e.Err }
