package export

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// wordJoiner is an invisible character that joins nothing. Put inside
// "://", "www.", "@name" or "#12" it keeps a renderer from seeing a URL, an
// e-mail address, a mention or an issue reference, while a reader still
// sees the same text.
const wordJoiner = "\u2060"

// escapeMarkdown makes s inert text in Markdown (CommonMark, GitHub's,
// GitLab's and Jira's flavours). Every piece of a card's text goes
// through it:
//
//   - every ASCII character with a meaning in Markdown is backslash-escaped,
//     so s opens no link, image, emphasis, code span, table cell, math or
//     strike-through, and a line of s cannot start a heading, list, quote,
//     rule or fence;
//   - '<', '>' and '&' become entities, so s holds no HTML, no autolink in
//     angle brackets and no entity of its own;
//   - a word joiner breaks "://", "www.", '@' (e-mail addresses and
//     mentions) and '#' before a digit (issue references), which
//     renderers turn into links even in plain text;
//   - line breaks become spaces: a caller that wants paragraphs splits the
//     text into lines first (see paragraphs).
func escapeMarkdown(s string) string {
	var sb strings.Builder
	sb.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		rest := s[i+size:]
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '+', '-', '.', '!', '|', '~', '$', '^', '=':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case '#':
			sb.WriteString(`\#`)
			if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
				sb.WriteString(wordJoiner)
			}
		case '<':
			sb.WriteString("&lt;")
		case '>':
			sb.WriteString("&gt;")
		case '&':
			sb.WriteString("&amp;")
		case ':':
			sb.WriteByte(':')
			if strings.HasPrefix(rest, "//") {
				sb.WriteString(wordJoiner)
			}
		case '@':
			sb.WriteString("@" + wordJoiner)
		case 'w', 'W':
			sb.WriteRune(r)
			if len(rest) >= 3 && strings.EqualFold(rest[:3], "ww.") {
				sb.WriteString(rest[:2] + wordJoiner)
				size += 2
			}
		case '\n', '\r':
			sb.WriteByte(' ')
		default:
			sb.WriteRune(r)
		}
		i += size
	}
	return sb.String()
}

// lines splits multi-line text into its non-blank lines, each trimmed of
// the spaces around it (leading spaces would make a code block).
func lines(s string) []string {
	var out []string
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// paragraphs is multi-line text as Markdown: each non-blank line escaped,
// in a paragraph of its own. The first line, if any, is preceded by
// prefix, which must be Markdown already.
func paragraphs(prefix, s string) []string {
	ls := lines(s)
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = escapeMarkdown(l)
	}
	if len(out) > 0 {
		out[0] = prefix + out[0]
	}
	return out
}

// cell is text for one table cell: its lines joined by sep, escaped. An
// empty cell shows a dash.
func cell(s, sep string) string {
	ls := lines(s)
	if len(ls) == 0 {
		return "—"
	}
	return escapeMarkdown(strings.Join(ls, sep))
}

// quoteClip quotes s for an error message, shortened if it is long.
func quoteClip(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return strconv.Quote(s)
}
