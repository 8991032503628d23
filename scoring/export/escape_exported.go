package export

// The escaping of this package, for other packages that write Markdown of
// a card (scoring/carddiff), so that every Markdown threatcard writes
// escapes user text by the same rules (see escapeMarkdown).

// EscapeInline is s escaped as text inside a line, not at its start.
func EscapeInline(s string) string { return escapeInline(s) }

// EscapeLine is s escaped as a line of its own.
func EscapeLine(s string) string { return escapeLine(s) }

// EscapeCell is s escaped as (part of) a table cell.
func EscapeCell(s string) string { return escapeCell(s) }

// CodeSpan is s, which must not be empty, as a code span; table says it is
// in a table cell.
func CodeSpan(s string, table bool) string { return codeSpan(s, table) }
