package export

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escapeInline is s escaped as text inside a line of a paragraph, not at
// its start.
func escapeInline(s string) string { return escapeMarkdown(s, false, false) }

// escapeLine is s escaped as a line of its own: a paragraph.
func escapeLine(s string) string { return escapeMarkdown(s, true, false) }

// escapeCell is s escaped as (part of) a table cell.
func escapeCell(s string) string { return escapeMarkdown(s, false, true) }

// escapeMarkdown makes s text that renders as typed in GitHub's, GitLab's
// and Jira's Markdown (CommonMark with GFM's tables, strike-through and
// extended autolinks) and reads as typed in the raw text too. lineStart
// says that s starts a line, table that it is in a table cell. Only
// characters that could change the rendering get a backslash (CommonMark
// lets one escape any ASCII punctuation); HTML entities are never written,
// so a copied ticket holds the user's own characters. What is escaped, and
// when:
//
//   - '[' and ']' always: no link, image, footnote or reference can start
//     ("![" is then inert, so '!' stays);
//   - '`' always: no code span or fence;
//   - '<' when it could open a tag, a comment, a declaration or an
//     autolink: before an ASCII letter, '/', '!' or '?', before an e-mail
//     address's local part and '@', and at the end of s ("a < b" and
//     "x <= y" stay);
//   - '&' when it starts an entity or a numeric character reference
//     ("&amp;", "&#12;", "&#x41;"; "R & D" and "a=b&c=d" stay);
//   - a run of '*', '_' or '~' when it could open or close emphasis or
//     strike-through by CommonMark's flanking rules, judged by the
//     characters around the run, and at either end of s as if a space or
//     punctuation were there (s may sit inside "**…**"). So "snake_case",
//     "a * b" and "~ 5" stay, "*bold*", "_x_" and "~~s~~" do not;
//   - '\' before ASCII punctuation and at the end of s, where it would
//     escape what follows;
//   - '|' in a table cell, where it would end the cell;
//   - GFM's extended autolinks: the ':' of "scheme://", the '.' of "www."
//     at the start of a word, and the '@' of an e-mail address
//     ("http\://evil.example", "www\.evil.example", "a\@b.example");
//   - '$' after a character that is not a space: GitHub and GitLab render
//     "$…$" as math, and a closing '$' needs a non-space before it, so
//     "$500." stays while "$x$" becomes "$x\$";
//   - when lineStart is set, the marker of a heading, list item, block
//     quote, thematic break, setext underline or fence ("\# x", "\- x",
//     "1\. x", "\> x", "\---", "\==="). Lines are trimmed first (see
//     lines), so no text starts an indented code block.
//
// Line breaks become spaces: a caller that wants paragraphs splits the
// text into lines first (see paragraphs).
//
// What a backslash cannot stop is left as typed, rather than broken with
// an invisible character (a word joiner, as this export once did) that
// would change the text a reader copies out of the ticket:
//
//   - mentions ("@alice"), issue references ("#12") and emoji short codes
//     (":smile:"): GitHub and GitLab find them in the rendered text, after
//     Markdown has read the escapes. They link within the same site only,
//     never to an address the text chooses;
//   - e-mail addresses on GitHub: its autolinking joins the text back
//     before it looks for '@', so "a\@b.example" still becomes a mailto:
//     link there, whose text is the address itself. (Renderers that look
//     while reading the Markdown, as goldmark does, leave it text.)
func escapeMarkdown(s string, lineStart, table bool) string {
	rs := []rune(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s))
	block := -1 // the index of a block marker's character to escape
	if lineStart {
		block = blockMarker(rs)
	}
	var sb strings.Builder
	sb.Grow(len(s) + len(s)/8)
	esc := func(r rune) {
		sb.WriteByte('\\')
		sb.WriteRune(r)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case '*', '_', '~':
			j := i + 1
			for j < len(rs) && rs[j] == r {
				j++
			}
			e := (block >= i && block < j) || delimiterActive(r, classBefore(rs, i), classAfter(rs, j))
			for ; i < j; i++ {
				if e {
					sb.WriteByte('\\')
				}
				sb.WriteRune(r)
			}
			i--
			continue
		case 'w', 'W':
			if i+3 < len(rs) && strings.EqualFold(string(rs[i:i+3]), "www") && rs[i+3] == '.' &&
				(i == 0 || !isLetterOrDigit(rs[i-1])) {
				sb.WriteString(string(rs[i : i+3]))
				esc('.')
				i += 3
				continue
			}
		}
		if i == block || escapeRune(rs, i, table) {
			esc(r)
		} else {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// escapeRune reports whether rs[i], which is not '*', '_' or '~', needs a
// backslash wherever it is in the line.
func escapeRune(rs []rune, i int, table bool) bool {
	next := func(k int) rune {
		if i+k < len(rs) {
			return rs[i+k]
		}
		return -1
	}
	switch rs[i] {
	case '[', ']', '`':
		return true
	case '|':
		return table
	case '\\':
		n := next(1)
		return n < 0 || isASCIIPunct(n)
	case '<':
		return opensMarkup(rs[i+1:])
	case '&':
		return startsReference(rs[i+1:])
	case ':':
		return i > 0 && isASCIILetter(rs[i-1]) && next(1) == '/' && next(2) == '/'
	case '@':
		n := next(1)
		return i > 0 && isEmailLocal(rs[i-1]) && n >= 0 && (isWordChar(n) || n == '-')
	case '$':
		return i > 0 && !unicode.IsSpace(rs[i-1])
	}
	return false
}

// blockMarker returns the index of the character that makes the line rs
// start a block other than a paragraph, or -1 if none does: the first '#'
// of a heading; '>', '-', '+' or '*' of a quote or bullet item; the first
// character of a thematic break, a setext underline or a fence; the '.'
// or ')' of an ordered item.
func blockMarker(rs []rune) int {
	if len(rs) == 0 {
		return -1
	}
	spaceOrEnd := func(k int) bool { return k >= len(rs) || rs[k] == ' ' || rs[k] == '\t' }
	c := rs[0]
	switch c {
	case '#':
		n := 1
		for n < len(rs) && rs[n] == '#' {
			n++
		}
		if n <= 6 && spaceOrEnd(n) {
			return 0
		}
	case '>':
		return 0
	case '-', '+', '*':
		if spaceOrEnd(1) {
			return 0
		}
	}
	// A thematic break, a setext underline or a fence: a run of one
	// character, with spaces in between (breaks) or after (underlines).
	if strings.ContainsRune("-*_=`~", c) {
		n, other := 0, false
		for _, r := range rs {
			switch r {
			case c:
				n++
			case ' ', '\t':
			default:
				other = true
			}
		}
		fence := len(rs) >= 3 && rs[1] == c && rs[2] == c && (c == '`' || c == '~')
		if fence || (!other && (n >= 3 || c == '=' || c == '-')) {
			return 0
		}
	}
	// An ordered item: one to nine digits, '.' or ')', a space or the end.
	n := 0
	for n < len(rs) && n < 10 && '0' <= rs[n] && rs[n] <= '9' {
		n++
	}
	if n >= 1 && n <= 9 && n < len(rs) && (rs[n] == '.' || rs[n] == ')') && spaceOrEnd(n+1) {
		return n
	}
	return -1
}

// A charClass is a set of the classes CommonMark's flanking rules sort
// characters into. A character some renderers class one way and others
// another (a non-breaking space, a currency sign) is in both.
type charClass uint8

const (
	classSpace charClass = 1 << iota
	classPunct
	classOther
)

func classOf(r rune) charClass {
	switch {
	case r == ' ' || r == '\t':
		return classSpace
	case r < utf8.RuneSelf && isASCIIPunct(r):
		return classPunct
	case r < utf8.RuneSelf:
		return classOther
	case unicode.IsSpace(r):
		return classSpace | classOther
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return classPunct | classOther
	}
	return classOther
}

// At either end of the text the neighbour is unknown: a space, the end of
// the line or the "**" around a bold name.
const classEdge = classSpace | classPunct

func classBefore(rs []rune, i int) charClass {
	if i == 0 {
		return classEdge
	}
	return classOf(rs[i-1])
}

func classAfter(rs []rune, j int) charClass {
	if j >= len(rs) {
		return classEdge
	}
	return classOf(rs[j])
}

// delimiterActive reports whether a run of c between characters of the
// classes before and after could open or close emphasis (c is '*' or '_')
// or strike-through ('~').
func delimiterActive(c rune, before, after charClass) bool {
	for _, p := range []charClass{classSpace, classPunct, classOther} {
		for _, n := range []charClass{classSpace, classPunct, classOther} {
			if before&p == 0 || after&n == 0 {
				continue
			}
			left := n != classSpace && (n != classPunct || p != classOther)
			right := p != classSpace && (p != classPunct || n != classOther)
			open, close := left, right
			if c == '_' {
				open = left && (!right || p == classPunct)
				close = right && (!left || n == classPunct)
			}
			if open || close {
				return true
			}
		}
	}
	return false
}

// opensMarkup reports whether '<' followed by rest could open an HTML tag,
// comment, processing instruction, declaration or autolink. At the end of
// the text it might, depending on what follows.
func opensMarkup(rest []rune) bool {
	if len(rest) == 0 {
		return true
	}
	if c := rest[0]; isASCIILetter(c) || c == '/' || c == '!' || c == '?' {
		return true
	}
	k := 0
	for k < len(rest) && rest[k] < utf8.RuneSelf && (isASCIIAlnum(rest[k]) || strings.ContainsRune(".!#$%&'*+/=?^_`{|}~-", rest[k])) {
		k++
	}
	return k > 0 && k < len(rest) && rest[k] == '@'
}

// startsReference reports whether '&' followed by rest is an entity or a
// numeric character reference: "&name;", "&#123;" or "&#x1F;". Any name
// counts, known to HTML or not.
func startsReference(rest []rune) bool {
	digits, k := isASCIIAlnum, 0
	if len(rest) > 0 && rest[0] == '#' {
		k, digits = 1, func(r rune) bool { return '0' <= r && r <= '9' }
		if len(rest) > 1 && (rest[1] == 'x' || rest[1] == 'X') {
			k, digits = 2, func(r rune) bool { return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F' }
		}
	} else if len(rest) == 0 || !isASCIILetter(rest[0]) {
		return false
	}
	start := k
	for k < len(rest) && digits(rest[k]) {
		k++
	}
	return k > start && k < len(rest) && rest[k] == ';'
}

func isASCIIPunct(r rune) bool {
	return '!' <= r && r <= '/' || ':' <= r && r <= '@' || '[' <= r && r <= '`' || '{' <= r && r <= '~'
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

func isASCIIAlnum(r rune) bool { return isASCIILetter(r) || '0' <= r && r <= '9' }

// isLetterOrDigit is a character after which "www." is not the start of
// a word (GFM also links "www." after '*', '_', '~' and '(').
func isLetterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isWordChar is a letter, digit, mark or '_': what can stand inside a word
// of a domain name or a URL, in any script.
func isWordChar(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isEmailLocal is a character that can end the local part of an e-mail
// address as some renderer's autolinks read it: GFM's spec takes letters,
// digits, '.', '-', '_' and '+', and goldmark's linkify the other
// characters an address may have too ("0!@0.0" is a link there), so all
// of them count. Escaping an '@' that no renderer would link costs a
// backslash the reader never sees.
func isEmailLocal(r rune) bool {
	return isWordChar(r) || r < utf8.RuneSelf && strings.ContainsRune(".!#$%&'*+/=?^`{|}~-", r)
}

// codeSpan is s as a code span: CVSS vectors, ASI codes and catalog ids.
// Its fence is one backtick longer than the longest run of backticks in s,
// and s is padded with a space on each side where CommonMark would
// otherwise strip one or read a backtick as part of the fence. In a table
// cell, table says so, every '|' is escaped: GFM keeps the cell open and
// takes the backslash out of the code. s must not be empty.
func codeSpan(s string, table bool) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") ||
		(strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.Trim(s, " ") != "") {
		s = " " + s + " "
	}
	if table {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	fence := strings.Repeat("`", longest+1)
	return fence + s + fence
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
		if i == 0 && prefix != "" {
			out[i] = prefix + escapeInline(l)
		} else {
			out[i] = escapeLine(l)
		}
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
	return escapeCell(strings.Join(ls, sep))
}

// quoteClip quotes s for an error message, shortened if it is long.
func quoteClip(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return strconv.Quote(s)
}
