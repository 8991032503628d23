package link_test

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

const base64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// textLink is a golden link with a text part, split where its text begins.
type textLink struct {
	name   string
	head   string     // the link up to and including "&d="
	d      string     // the text part's value
	card   *card.Card // the golden card
	intact []string   // the parts before d=, as written in the link, s once
	// scoringEnd is where the card's scoring parts end: the index of the
	// first finding's part, or of "&d=" when there is none.
	scoringEnd int
	// findingEnds are the index where each finding's part ends, at the
	// '&' after it.
	findingEnds []int
}

// recovered is what a cut leaves of a golden card: its scoring inputs and
// its first n findings, each a custom threat of no text under its section
// (a cross-layer one with no layers). It is written from the golden card,
// not by the code under test.
func recovered(c *card.Card, n int) *card.Card {
	out := &card.Card{AIVSS: c.AIVSS}
	keep := func(ts []maestro.Threat, add func(maestro.Threat)) {
		for _, t := range ts {
			if t.AIVSS.ID != "" && n > 0 {
				add(maestro.Threat{AIVSS: t.AIVSS})
				n--
			}
		}
	}
	for i := range c.MAESTRO.Layers {
		e := &out.MAESTRO.Layers[i]
		keep(c.MAESTRO.Layers[i].Threats, func(t maestro.Threat) { e.Threats = append(e.Threats, t) })
	}
	keep(c.MAESTRO.CrossLayer, func(t maestro.Threat) { out.MAESTRO.CrossLayer = append(out.MAESTRO.CrossLayer, t) })
	return out
}

// textLinks returns the golden links of both formats that have a text
// part; the cards of format 1 come from their reviewed JSON files, those
// of format 2 from goldenV2Cards.
func textLinks(t *testing.T) []textLink {
	t.Helper()
	cards := map[string]*card.Card{}
	links := map[string]string{}
	for name, l := range goldenLinks(t) {
		raw, err := os.ReadFile("testdata/links/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		golden, err := cardjson.Unmarshal(raw)
		if err != nil {
			t.Fatal(err)
		}
		cards["v1/"+name], links["v1/"+name] = golden, l
	}
	v2 := goldenV2Links(t)
	for _, g := range goldenV2Cards() {
		cards["v2/"+g.name], links["v2/"+g.name] = g.card, v2[g.name]
	}
	var out []textLink
	for name, l := range links {
		i := strings.Index(l, "&d=")
		if i < 0 {
			continue
		}
		g := textLink{name: name, head: l[:i+3], d: l[i+3:], card: cards[name], scoringEnd: i}
		at := len(strings.SplitN(l, "&", 2)[0])
		for _, f := range strings.Split(l[:i], "&")[1:] {
			key, _, _ := strings.Cut(f, "=")
			if key == "s" {
				if len(g.findingEnds) == 0 {
					g.scoringEnd = at
				}
				g.findingEnds = append(g.findingEnds, at+1+len(f))
			}
			if !slices.Contains(g.intact, key) {
				g.intact = append(g.intact, key)
			}
			at += 1 + len(f)
		}
		out = append(out, g)
	}
	if len(out) < 5 {
		t.Fatalf("%d golden links with text; the tests below want several", len(out))
	}
	return out
}

// A link cut anywhere inside its text opens as its score and findings
// alone: a *TruncatedError holding the golden card's scoring inputs and
// findings, no text, and the parts before d=.
func TestLinkCutInsideItsTextKeepsItsScores(t *testing.T) {
	for _, g := range textLinks(t) {
		t.Run(g.name, func(t *testing.T) {
			want := recovered(g.card, len(g.findingEnds))
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
				if !reflect.DeepEqual(te.Card, want) {
					t.Fatalf("cut after %d: the card is %+v\nwant the golden scores and findings %+v", n, te.Card, want)
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

// A link of format 2 cut inside or right after its findings' parts lost
// its text, which a finding's threat is in: it opens as its score and the
// findings whose parts arrived whole, as a *TruncatedError. A finding whose
// part the cut went through is lost (its last field may be cut short
// and still read as a value); cut after the '&' that ends a finding's
// part, or after "&d", every finding before the cut is whole.
func TestLinkCutInsideItsFindingsKeepsTheWholeOnes(t *testing.T) {
	tested := 0
	for _, g := range textLinks(t) {
		if len(g.findingEnds) == 0 {
			continue
		}
		tested++
		t.Run(g.name, func(t *testing.T) {
			l := g.head + g.d
			last := g.findingEnds[len(g.findingEnds)-1]
			for n := g.scoringEnd + 2; n <= last+2; n++ {
				cut := l[:n]
				kept, part, words := 0, "s", "cut short inside a finding's part"
				for k, end := range g.findingEnds {
					if n > end {
						kept = k + 1
					}
				}
				switch {
				case n == last+2:
					part, words = "d", "cut short before its text"
				case kept > 0 && n == g.findingEnds[kept-1]+1:
					part, words = "d", "cut short after a finding's part"
				}
				intact := slices.Clone(g.intact[:slices.Index(g.intact, "s")])
				if kept > 0 {
					intact = append(intact, "s")
				}
				_, err := link.Decode(cut)
				te, ok := errors.AsType[*link.TruncatedError](err)
				switch {
				case !ok:
					t.Fatalf("%q: Decode = %v (%T); want a *TruncatedError", cut, err, err)
				case !reflect.DeepEqual(te.Card, recovered(g.card, kept)):
					t.Fatalf("%q: the card is %+v\nwant the golden scores and its first %d findings %+v", cut, te.Card, kept, recovered(g.card, kept))
				case !reflect.DeepEqual(te.Intact, intact):
					t.Fatalf("%q: intact parts %q; want %q", cut, te.Intact, intact)
				case te.Err.Part != part || !strings.Contains(te.Err.Msg, words):
					t.Fatalf("%q: error %v; want part %s saying %q", cut, err, part, words)
				}
			}
		})
	}
	if tested < 3 {
		t.Fatalf("%d golden links with findings; the test wants several", tested)
	}
}

// A link cut before its findings and text begin loses what it cannot
// know it had: it is never taken for a cut link. Cut inside a scoring part
// it is an *Error (or, cut between two parts or where a shorter value is
// still a value, a card without text, which no decoder can tell from a
// whole one).
func TestLinkCutBeforeItsTextIsNoTruncatedError(t *testing.T) {
	for _, g := range textLinks(t) {
		t.Run(g.name, func(t *testing.T) {
			whole := g.head[:g.scoringEnd]
			for n := 1; n <= g.scoringEnd+1; n++ {
				cut := g.head[:n]
				c, err := link.Decode(cut)
				switch _, truncated := errors.AsType[*link.TruncatedError](err); {
				case truncated:
					t.Fatalf("%q: a *TruncatedError, but no finding and no text was reached", cut)
				case err != nil:
					if _, ok := err.(*link.Error); !ok {
						t.Fatalf("%q: error %v is %T, not *link.Error", cut, err, err)
					}
				case c.Title != "" || !reflect.DeepEqual(c.MAESTRO, card.Card{}.MAESTRO):
					t.Fatalf("%q: decoded with text", cut)
				case cut == whole && !reflect.DeepEqual(c, &card.Card{AIVSS: g.card.AIVSS}):
					t.Fatalf("%q: %+v; want the golden scores", cut, c.AIVSS)
				}
			}
		})
	}
}

// A text part that is corrupt rather than cut stays an *Error: a character
// that is not base64url anywhere, and a character changed anywhere but in
// the last twelve. Those carry the end of the compressed data (its last
// codes, and the empty final block Go's DEFLATE closes with, five bytes),
// where a change can make the data stop early with text that looks whole
// so far, as a cut does: in the golden links, up to 11 characters from
// the end. (Format 1's test spared the last eight, which its golden links
// needed.)
func TestCorruptTextIsNoTruncatedError(t *testing.T) {
	for _, g := range textLinks(t) {
		t.Run(g.name, func(t *testing.T) {
			for n := range len(g.d) {
				bad := g.head + g.d[:n] + "*" + g.d[n+1:]
				if _, err := link.Decode(bad); err == nil || reflect.TypeOf(err) != reflect.TypeFor[*link.Error]() {
					t.Fatalf("'*' at %d: Decode = %v (%T); want a *link.Error", n, err, err)
				}
			}
			for n := range len(g.d) - 12 {
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
	// Format 2: a finding's part wrong in a link cut in its text, early or
	// after the finding's threat; a wrong finding before a cut finding's
	// part; and a last finding's part that is not what a cut leaves.
	golden := goldenV2Links(t)["v08-findings-layers-and-cross-layer"]
	i := strings.Index(golden, "&d=") + 3
	wrongThM := strings.Replace(golden[:i], ";8.2;1,,,,,,0.5,,,0;1;", ";8.2;1,,,,,,0.5,,,0;0.9;", 1)
	wrongCategory := strings.Replace(golden[:i], "F-001;10;", "F-001;11;", 1)
	tests = append(tests, []struct{ name, link, part, msg string }{
		{"finding's ThM not allowed, text cut early", wrongThM + golden[i:i+10], "s",
			"finding s=3.2: the threat multiplier (ThM) of threat 2 of L3 Agent Frameworks is 0.9"},
		{"finding's ThM not allowed, text cut late", wrongThM + golden[i:len(golden)-12], "s",
			"finding s=3.2: the threat multiplier (ThM) of threat 2 of L3 Agent Frameworks is 0.9"},
		{"finding's category wrong, cut in a later finding", wrongCategory[:strings.Index(wrongCategory, "&s=8.2")+20], "s",
			`finding s=1.1 (threat 1 of L1 Foundation Models): its category "11" is not one of 1 to 10`},
		{"last finding's part no beginning of one", "v2&e=v0.8&s=1.1;F-1;;;;;&s=1.2;F-2;;9.3;;0.97;1!", "s", `MF "1!": not a plain decimal number`},
		{"last finding's part out of order", "v2&e=v0.8&s=1.2;F-1;;;;;&s=1.1;F-2;;9", "s", "finding 2 of the link (s=1.1;F-2;;9) has 4 of the 7 fields"},
		{"last finding's id taken", "v2&e=v0.8&s=1.1;F-1;;;;;&s=1.2;F-1;;9", "s", "has 4 of the 7 fields"},
	}...)
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
	_, err = link.Decode("v2&e=v0.8&thm=0.97&mf=1&s=1.1;F-1;;;;;&d")
	const wantV2 = "link part d: the link is cut short before its text, which is lost; intact: edition, ThM, MF, findings"
	if err == nil || err.Error() != wantV2 {
		t.Fatalf("error %v\nwant %s", err, wantV2)
	}
	_, err = link.Decode("v2&e=v0.8&s=1.1;F-1;;;;;&s=3.1;F-2;2;CVSS:4.0/AV")
	const wantCut = "link part s: the link is cut short inside a finding's part: that finding and the text are lost, and any findings after it; intact: edition, findings"
	if err == nil || err.Error() != wantCut {
		t.Fatalf("error %v\nwant %s", err, wantCut)
	}
	_, err = link.Decode("v1&e=v0.5&d=")
	if te, ok := errors.AsType[*link.TruncatedError](err); !ok || !reflect.DeepEqual(te.Intact, []string{"e"}) {
		t.Fatalf("a link cut right after d=: %v; want a *TruncatedError with only e intact", err)
	}
}

func TestPartNamesAreWords(t *testing.T) {
	for part, want := range map[string]string{
		"e": "edition", "c": "CVSS", "f": "factors", "thm": "ThM", "mf": "MF", "s": "findings", "d": "text",
		"version": "version", "link": "link",
	} {
		if got := link.PartName(part); got != want {
			t.Errorf("PartName(%q) = %q; want %q", part, got, want)
		}
	}
}
