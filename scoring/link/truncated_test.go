package link_test

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/link"
)

const base64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// textLink is a golden link with a text part, split where its text begins.
type textLink struct {
	name   string
	head   string     // the link up to and including "&d="
	d      string     // the text part's value
	scores *card.Card // the golden card's scoring inputs, without its text
	intact []string   // the parts before d=, as written in the link
}

// textLinks returns the golden links that have a text part; the cards come
// from their reviewed JSON files.
func textLinks(t *testing.T) []textLink {
	t.Helper()
	var out []textLink
	for name, l := range goldenLinks(t) {
		i := strings.Index(l, "&d=")
		if i < 0 {
			continue
		}
		raw, err := os.ReadFile("testdata/links/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		golden, err := cardjson.Unmarshal(raw)
		if err != nil {
			t.Fatal(err)
		}
		var intact []string
		for _, f := range strings.Split(l[:i], "&")[1:] {
			key, _, _ := strings.Cut(f, "=")
			intact = append(intact, key)
		}
		out = append(out, textLink{name, l[:i+3], l[i+3:], &card.Card{AIVSS: golden.AIVSS}, intact})
	}
	if len(out) < 2 {
		t.Fatalf("%d golden links with text; the tests below want several", len(out))
	}
	return out
}

// A link cut anywhere inside its text opens as its score alone: a
// *TruncatedError holding the golden card's scoring inputs, no text, and
// the parts before d=.
func TestLinkCutInsideItsTextKeepsItsScores(t *testing.T) {
	for _, g := range textLinks(t) {
		t.Run(g.name, func(t *testing.T) {
			for n := range len(g.d) {
				cut := g.head + g.d[:n]
				c, err := link.Decode(cut)
				te, ok := errors.AsType[*link.TruncatedError](err)
				if !ok {
					t.Fatalf("cut after %d of %d text characters: Decode = %v (%T); want a *TruncatedError", n, len(g.d), err, err)
				}
				if c != nil {
					t.Fatalf("cut after %d: Decode returned a card with its error", n)
				}
				if !reflect.DeepEqual(te.Card, g.scores) {
					t.Fatalf("cut after %d: the card is %+v\nwant the golden scores %+v", n, te.Card, g.scores)
				}
				if !reflect.DeepEqual(te.Intact, g.intact) {
					t.Fatalf("cut after %d: intact parts %q; want %q", n, te.Intact, g.intact)
				}
				if te.Err == nil || te.Err.Part != "d" || !strings.Contains(err.Error(), "cut short inside its text") {
					t.Fatalf("cut after %d: error %v (part %+v)", n, err, te.Err)
				}
				if le, ok := errors.AsType[*link.Error](err); !ok || le != te.Err {
					t.Fatalf("cut after %d: the error does not unwrap to its *link.Error", n)
				}
				if _, err := link.Canonical(cut); err == nil || err.Error() != te.Error() {
					t.Fatalf("cut after %d: Canonical = %v; want the same error", n, err)
				}
			}
		})
	}
}

// A link cut before its text begins loses text it cannot know it had: it
// is never taken for a cut text. Cut inside a scoring part it is an
// *Error (or, cut between two parts or where a shorter value is still a
// value, a card without text, which no decoder can tell from a whole one).
func TestLinkCutBeforeItsTextIsNoTruncatedError(t *testing.T) {
	for _, g := range textLinks(t) {
		t.Run(g.name, func(t *testing.T) {
			whole := g.head[:len(g.head)-len("&d=")]
			for n := 1; n < len(g.head); n++ {
				cut := g.head[:n]
				c, err := link.Decode(cut)
				switch _, truncated := errors.AsType[*link.TruncatedError](err); {
				case truncated:
					t.Fatalf("%q: a *TruncatedError, but the text part was not reached", cut)
				case err != nil:
					if _, ok := err.(*link.Error); !ok {
						t.Fatalf("%q: error %v is %T, not *link.Error", cut, err, err)
					}
				case c.Title != "" || !reflect.DeepEqual(c.MAESTRO, card.Card{}.MAESTRO):
					t.Fatalf("%q: decoded with text", cut)
				case cut == whole && !reflect.DeepEqual(c, g.scores):
					t.Fatalf("%q: %+v; want the golden scores", cut, c.AIVSS)
				}
			}
		})
	}
}

// A text part that is corrupt rather than cut stays an *Error: a character
// that is not base64url anywhere, and a character changed anywhere but in
// the last eight (which carry the end of the compressed data, where a
// change and a cut look alike).
func TestCorruptTextIsNoTruncatedError(t *testing.T) {
	for _, g := range textLinks(t) {
		t.Run(g.name, func(t *testing.T) {
			for n := range len(g.d) {
				bad := g.head + g.d[:n] + "*" + g.d[n+1:]
				if _, err := link.Decode(bad); err == nil || reflect.TypeOf(err) != reflect.TypeFor[*link.Error]() {
					t.Fatalf("'*' at %d: Decode = %v (%T); want a *link.Error", n, err, err)
				}
			}
			for n := range len(g.d) - 8 {
				next := base64URL[(strings.IndexByte(base64URL, g.d[n])+1)%len(base64URL)]
				changed := g.head + g.d[:n] + string(next) + g.d[n+1:]
				if _, err := link.Decode(changed); err != nil && reflect.TypeOf(err) != reflect.TypeFor[*link.Error]() {
					t.Fatalf("character %d changed to %c: Decode = %v (%T); want a *link.Error or a card", n, next, err, err)
				}
			}
		})
	}
}

// The cut does not excuse a scoring part that is wrong; and d= is taken
// for cut only as the link's last part.
func TestCutTextWithAWrongScoreOrNotLastIsAnError(t *testing.T) {
	const head = "v1&e=v0.8&c=7.1&f=1,,,,0.5,,,,,&thm=0.5&d="
	const d = "YhT0SMxJ003LzMkBVYJFiWklgAAAAP__" // v08-incomplete's text
	tests := []struct{ name, link, part, msg string }{
		{"ThM not allowed", strings.Replace(head, "thm=0.5", "thm=0.9", 1) + d[:10], "thm", "0.9"},
		{"factor not allowed", strings.Replace(head, "f=1,", "f=0.7,", 1) + d[:10], "f", "0.7"},
		{"text part not last", "v1&e=v0.8&d=" + d[:12] + "&c=7.1", "d", "the compressed text stops before its end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := link.Decode(tt.link)
			le, ok := err.(*link.Error)
			if !ok {
				t.Fatalf("Decode(%q) = %v (%T); want a *link.Error", tt.link, err, err)
			}
			if le.Part != tt.part || !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("error %v; want part %s saying %q", err, tt.part, tt.msg)
			}
		})
	}
}

func TestTruncatedErrorSaysWhatIsIntactInWords(t *testing.T) {
	_, err := link.Decode("v1&e=v0.8&c=7.1&f=1,,,,0.5,,,,,&thm=0.5&d=YhT0SMxJ00")
	const want = "link part d: the link is cut short inside its text, which is lost; intact: edition, CVSS, factors, ThM"
	if err == nil || err.Error() != want {
		t.Fatalf("error %v\nwant %s", err, want)
	}
	_, err = link.Decode("v1&e=v0.5&d=")
	if te, ok := errors.AsType[*link.TruncatedError](err); !ok || !reflect.DeepEqual(te.Intact, []string{"e"}) {
		t.Fatalf("a link cut right after d=: %v; want a *TruncatedError with only e intact", err)
	}
}

func TestPartNamesAreWords(t *testing.T) {
	for part, want := range map[string]string{
		"e": "edition", "c": "CVSS", "f": "factors", "thm": "ThM", "mf": "MF", "d": "text",
		"version": "version", "link": "link",
	} {
		if got := link.PartName(part); got != want {
			t.Errorf("PartName(%q) = %q; want %q", part, got, want)
		}
	}
}
