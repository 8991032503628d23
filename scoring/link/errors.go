package link

import (
	"fmt"
	"strings"

	"github.com/threatcard/threatcard/scoring/card"
)

// Error reports why a link cannot be decoded. Nothing of a link that fails
// is returned: a card is whole or absent (the one exception, a link cut
// short inside its text, is a *TruncatedError that wraps an *Error).
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

// TruncatedError reports a link cut short inside its text part (d=), which
// is what a long link becomes when a ticket, chat or mail keeps only its
// beginning. The text is lost, but the scoring parts come before it and
// are intact and valid: Card is the card they carry, with no title,
// summary or MAESTRO model. A caller may show that card's score, saying
// plainly that the text was cut off, but must not take it for the whole
// card: its link (Encode(Card)) is not the link that was shared.
//
// Only what a cut produces is reported so: d= is the last part, holds
// base64url characters only (a last group of one to three of them
// included), and is the beginning of a DEFLATE stream that stops before
// its end, whose text, as far as it goes, breaks no rule. A d= that is
// wrong in any other way, or a link cut before d=, is an *Error.
type TruncatedError struct {
	Card   *card.Card // the scoring inputs of the link, and nothing else
	Intact []string   // the parts before d=, in the order e, c, f, thm, mf; "e" is always one
	Err    *Error     // what was found in part d
}

func (e *TruncatedError) Error() string {
	names := make([]string, len(e.Intact))
	for i, p := range e.Intact {
		names[i] = PartName(p)
	}
	return e.Err.Error() + "; intact: " + strings.Join(names, ", ")
}

func (e *TruncatedError) Unwrap() error { return e.Err }

// PartName names a link part (an Error's Part, an entry of a
// TruncatedError's Intact) in the words a person knows it by: "e" is
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
