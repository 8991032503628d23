package card

// FieldError reports a card field that breaks a limit or a rule.
type FieldError struct {
	Field string // where, e.g. "title", "L3.notes", "L2.threats[4].title"
	Msg   string // what is wrong, e.g. "has 4100 characters; the limit is 4000"
}

func (e *FieldError) Error() string { return e.Field + " " + e.Msg }
