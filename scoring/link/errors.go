package link

import (
	"fmt"
	"strings"

	"github.com/threatcard/threatcard/scoring/card"
)

// Error reports why a link cannot be decoded. Nothing of a link that fails
// is returned: a card is whole or absent (the one exception, a link cut
// short after its scoring parts, is a *TruncatedError that wraps an
// *Error).
//
// Part is for programs; the message is for people, and names the part as
// it appears in the link ("link part f"); PartName gives its name in words.
type Error struct {
	Part string // the part of the link that is wrong: "version", "e", "c", "f", "thm", "mf", "s" (a finding's; Msg says which), "d", "link"
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

// TruncatedError reports a link cut short after its scoring parts, which
// is what a long link becomes when a ticket, chat or mail keeps only its
// beginning: cut inside its text part (d=), or, in format 2, inside or
// right after its findings' parts (s=), before the text. The text is
// lost, but the scoring parts come before it and are intact and valid:
// Card is the card they carry, with no title, summary or layer notes, and
// each finding that arrived whole as a custom threat with no text (no
// title, description, catalog id, ASI code, likelihood, impact, state or
// layers) under its section, in order: "Finding F-001" as a card shows a
// finding without a title. A finding whose part the cut went through is
// lost, as are those after it. A caller may show that card's score,
// saying plainly that the text was cut off, but must not take it for the
// whole card: its link (Encode(Card)) is not the link that was shared.
//
// Only what a cut produces is reported so: d= is the last part, holds
// base64url characters only (a last group of one to three of them
// included), and is the beginning of a DEFLATE stream that stops before
// its end, whose text, as far as it goes, breaks no rule; or the link
// (format 2) ends in the beginning of a finding's part, as far as it goes
// right, or in "&" or "&d" after one. A d= that is wrong in any other way,
// or a link cut before its first finding's part or text, is an *Error.
type TruncatedError struct {
	Card *card.Card // the scoring inputs of the link and its whole findings, and nothing else
	// Intact lists the parts before the cut, in the order e, c, f, thm,
	// mf, s; "e" is always one, and "s" is when a finding arrived whole.
	Intact []string
	Err    *Error // what was found: in part d, or, cut inside a finding's part, in part s
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
// "edition", "c" "CVSS", "f" "factors", "thm" "ThM", "mf" "MF", "s"
// "findings", "d" "text"; "version" and "link" are themselves.
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
	case "s":
		return "findings"
	case "d":
		return "text"
	}
	return part
}
