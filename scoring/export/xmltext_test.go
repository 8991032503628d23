package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// encoding/xml's EscapeText is the reference: badges must keep the form
// they had when it wrote them.
func TestXMLTextEscapesAsEncodingXML(t *testing.T) {
	for _, s := range []string{
		"",
		"Ticket triage bot",
		`R&D <bot> "x" 'y'`,
		"tab\tnew\nline\rreturn",
		"control \x00\x01\x1f and DEL \x7f",
		"invalid UTF-8 \xff\xfe and a lone \xe2\x82",
		"surrogate-free: \uD7FF \uE000 \uFFFD \uFFFE \U0001F600",
		"é — “quotes” · MAESTRO",
	} {
		var want bytes.Buffer
		xml.EscapeText(&want, []byte(s))
		var got strings.Builder
		writeXMLText(&got, s)
		if got.String() != want.String() {
			t.Errorf("%q:\n got %q\nwant %q", s, got.String(), want.String())
		}
	}
}

func FuzzXMLText(f *testing.F) {
	f.Add(`R&D <bot> "x"`)
	f.Add("\xff\t\uFFFE")
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		xml.EscapeText(&want, []byte(s))
		var got strings.Builder
		writeXMLText(&got, s)
		if got.String() != want.String() {
			t.Errorf("%q: got %q, want %q", s, got.String(), want.String())
		}
	})
}
