package export

import (
	"strings"
	"unicode/utf8"
)

// writeXMLText writes s as XML character data, escaped exactly as
// encoding/xml's EscapeText does (the badge's tests and older badges rely
// on its form), without linking encoding/xml, whose tables the web app
// would build at every start for this one call: markup and quote
// characters and the three white-space controls as references, and
// anything that is not an XML character (including invalid UTF-8) as
// U+FFFD.
func writeXMLText(sb *strings.Builder, s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '"':
			sb.WriteString("&#34;")
		case r == '\'':
			sb.WriteString("&#39;")
		case r == '&':
			sb.WriteString("&amp;")
		case r == '<':
			sb.WriteString("&lt;")
		case r == '>':
			sb.WriteString("&gt;")
		case r == '\t':
			sb.WriteString("&#x9;")
		case r == '\n':
			sb.WriteString("&#xA;")
		case r == '\r':
			sb.WriteString("&#xD;")
		case r == utf8.RuneError && size == 1, !isXMLChar(r):
			sb.WriteRune('\uFFFD')
		default:
			sb.WriteRune(r)
		}
	}
}

// isXMLChar reports whether r is a Char of XML 1.0 (§2.2).
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
