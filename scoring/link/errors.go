package link

import "fmt"

// Error reports why a link cannot be decoded. Nothing of a link that fails
// is returned: a card is whole or absent.
//
// Part is for programs; the message is for people, and names the part as
// it appears in the link ("link part f"); PartName gives its name in words.
type Error struct {
	Part string // the part of the link that is wrong: "version", "e", "c", "f", "thm", "mf", "d", "link"
	Pos  int    // byte offset inside that part, or -1 when it does not apply
	Msg  string // what is wrong
	Err  error  // the underlying error, if any
}

func (e *Error) Error() string {
	where := "link"
	if e.Part != "link" && e.Part != "" {
		where = "link part " + e.Part
	}
	if e.Pos >= 0 {
		return fmt.Sprintf("%s, position %d: %s", where, e.Pos, e.Msg)
	}
	return where + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

func errorf(part string, pos int, format string, args ...any) *Error {
	return &Error{Part: part, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// PartName names a link part (an Error's Part) in the words a person knows it by: "e" is
// "edition", "c" "CVSS", "f" "factors", "thm" "ThM", "mf" "MF", "d"
// "text"; "version" and "link" are themselves.
func PartName(part string) string {
	switch part {
	case "e":
		return "edition"
	case "c":
		return "CVSS"
	case "f":
		return "factors"
	case "thm":
		return "ThM"
	case "mf":
		return "MF"
	case "d":
		return "text"
	}
	return part
}
