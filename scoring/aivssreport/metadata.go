package aivssreport

import (
	"strings"
	"time"
)

// Metadata is what a report says of the assessment besides the card: when
// and by whom it was made, and the card's link.
type Metadata struct {
	Date     string // the assessment date, YYYY-MM-DD
	Assessor string // who made it; Marshal writes DefaultAssessor when empty
	// Link is the card's full threatcard link. Marshal writes it on the
	// last line of the notes ("threatcard link: https://…"); Parse reads
	// it back from there.
	Link string
}

// DefaultAssessor is the assessor_id Marshal writes when Metadata names
// none.
const DefaultAssessor = "threatcard"

// UntitledCard is the system_name Marshal writes for a card without a
// title (Appendix A requires one); Parse reads it back as no title.
const UntitledCard = "Untitled card"

// The lines by which a card's summary and a report's notes carry what the
// card has no field of its own for.
const (
	// versionPrefix starts the summary's first line when it holds the
	// report's system_version.
	versionPrefix = "System version: "
	// linkPrefix starts the notes' last line when it holds the card's
	// link.
	linkPrefix = "threatcard link: "
)

// checkDate reports whether s is a calendar date written YYYY-MM-DD, as
// JSON Schema's "date" format (RFC 3339 full-date) takes it.
func checkDate(s string) bool {
	if len(s) != len("2006-01-02") {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// splitSummary reads a card's summary as a report's system_version and
// notes: a first line "System version: 2.1" is the version (hasVersion
// even when empty), and the rest, after the blank line joinSummary puts
// between them, the notes.
func splitSummary(summary string) (version string, hasVersion bool, notes string) {
	rest, ok := strings.CutPrefix(summary, versionPrefix)
	if !ok {
		return "", false, summary
	}
	version, notes, _ = strings.Cut(rest, "\n")
	return version, true, strings.TrimPrefix(notes, "\n")
}

// joinSummary is the inverse of splitSummary: the summary a card gets for
// a report's system_version (when hasVersion) and notes.
func joinSummary(version string, hasVersion bool, notes string) string {
	if !hasVersion {
		return notes
	}
	s := versionPrefix + version
	if notes != "" {
		s += "\n\n" + notes
	}
	return s
}

// joinNotes returns the notes Marshal writes: the text from the card's
// summary, then the link on a line of its own after a blank one.
func joinNotes(text, link string) string {
	switch {
	case link == "":
		return text
	case text == "":
		return linkPrefix + link
	}
	return text + "\n\n" + linkPrefix + link
}

// splitNotes is the inverse of joinNotes: a last line "threatcard link:
// …" is the link, and what comes before it, without the blank line,
// the text.
func splitNotes(notes string) (text, link string) {
	i := strings.LastIndexByte(notes, '\n')
	last := notes[i+1:]
	link, ok := strings.CutPrefix(last, linkPrefix)
	if !ok {
		return notes, ""
	}
	if i < 0 {
		return "", link
	}
	return strings.TrimSuffix(notes[:i], "\n"), link
}
