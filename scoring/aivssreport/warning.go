package aivssreport

// Warning is something Parse took from a report but wants a person to
// know: a stated score that differs from the one computed from the
// report's own inputs (the card keeps the inputs, so the computed score is
// the one it shows), or a field that Appendix A does not have, which is
// ignored.
type Warning struct {
	ID    string // the vulnerability's id; "" outside a vulnerability
	Index int    // the vulnerability's place in the report from 0; -1 outside one
	// Field is the field within the vulnerability ("scores.aivss"), or
	// its full path outside one ("metadata.contact").
	Field string
	// Stated and Computed are, for a score, the report's value as written
	// ("9.30") and the one computed ("9.4"); "" for an ignored field.
	Stated, Computed string
	// Msg is the whole warning: "VULN-003: scores.aivss is 9.3; computed
	// 9.4".
	Msg string
}

// String returns Msg.
func (w Warning) String() string { return w.Msg }
