package goappwasm

// Error is a step of preparing the workspace that failed.
type Error struct {
	Op  string // what was being done, e.g. "check github.com/maxence-charriere/go-app/v10"
	Err error
}

func (e *Error) Error() string { return "goappwasm: " + e.Op + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }
