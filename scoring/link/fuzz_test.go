package link

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// FuzzDecode: no input panics; whatever decodes is a valid card that
// encodes, and the encoding decodes back to the same card and is what
// Canonical gives, for the input and for itself. A link reported cut short
// carries a valid card of scores and findings alone, which itself encodes
// and decodes; every other error is an *Error. The seeds have links of
// both formats.
func FuzzDecode(f *testing.F) {
	if s, err := Encode(handCard()); err == nil {
		f.Add(s)
		f.Add(s[:len(s)-7])
	}
	// Format 2: the golden links, whole and cut in their findings and
	// text, and hand-written findings' parts.
	v2, _ := filepath.Glob("testdata/links-v2/*.link")
	for _, p := range v2 {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		s := strings.TrimSuffix(string(raw), "\n")
		f.Add(s)
		f.Add(s[:len(s)-9])
		if i := strings.Index(s, "&d="); i > 0 {
			f.Add(s[:i-4])
			f.Add(s[:i+2])
		}
	}
	for _, s := range []string{
		"v2&e=v0.8&s=1.1;F-001;3;CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H;1,0.5,1,1,1,1,0.5,0.5,1,0.5;0.97;1&d=AAAA",
		"v2&e=card&s=8.1;%C3%9C%207;;7.5;;1.25;0&s=8.2;~x;10;;;;", "v2&e=v0.5&s=4.1;F-1;7;9.3;;0.91;&", "v2&e=v0.8&s",
	} {
		f.Add(s)
	}
	for _, s := range []string{
		"", "v1", "v1&e=v0.8", "v1&e=card&c=7.5&f=0.2,0.2,0.1,0.3,0.1,0.3,0.1,0.1,0.8,0.7&thm=1&mf=0.85",
		"v1&e=v0.5&c=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N&thm=0.91",
		"v1&e=v0.8&d=AAAA", "v1&e=v0.8&c=%43VSS:4.0", "v2&e=v0.8",
		"v1&e=v0%2E8&c=9.30&mf=1.00", "v1&mf=1&c=9&e=v0.8", "v1&e=v0.8&d=", "v1&e=v0.8&thm=0.97&d=YhT0SMxJ00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Decode(s)
		if err != nil {
			if c != nil {
				t.Fatal("card returned with an error")
			}
			if te, ok := errors.AsType[*TruncatedError](err); ok {
				checkTruncated(t, s, te)
			} else if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is %T, neither *Error nor *TruncatedError", err, err)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("decoded card is invalid: %v", err)
		}
		enc, err := Encode(c)
		if err != nil {
			t.Fatalf("decoded card does not encode: %v", err)
		}
		back, err := Decode(enc)
		if err != nil || !reflect.DeepEqual(back, c) {
			t.Fatalf("re-encoded link %q decodes to %+v, %v", enc, back, err)
		}
		for _, in := range []string{s, enc} {
			if canon, err := Canonical(in); err != nil || canon != enc {
				t.Fatalf("Canonical(%q) = %q, %v; want %q", in, canon, err, enc)
			}
		}
	})
}

func checkTruncated(t *testing.T, s string, te *TruncatedError) {
	t.Helper()
	c := te.Card
	switch {
	case c == nil:
		t.Fatalf("%q: cut short, but no card", s)
	case c.Validate() != nil:
		t.Fatalf("%q: cut short, and the card is invalid: %v", s, c.Validate())
	case !onlyScoresAndFindings(c):
		t.Fatalf("%q: cut short, and the card has text: %+v", s, c)
	case te.Err == nil || te.Err.Part != "d" && te.Err.Part != "s":
		t.Fatalf("%q: cut short, and the error is %+v", s, te.Err)
	case len(te.Intact) == 0 || te.Intact[0] != "e":
		t.Fatalf("%q: cut short, and the intact parts %q lack e", s, te.Intact)
	case slices.Contains(te.Intact, "s") != (c.MAESTRO.NumThreats() > 0):
		t.Fatalf("%q: cut short with %d findings, and the intact parts are %q", s, c.MAESTRO.NumThreats(), te.Intact)
	}
	for i, p := range te.Intact {
		if k := slices.Index(format2.parts, p); k < 0 || p == "d" || i > 0 && k <= slices.Index(format2.parts, te.Intact[i-1]) {
			t.Fatalf("%q: intact parts %q", s, te.Intact)
		}
	}
	enc, err := Encode(c)
	if err != nil {
		t.Fatalf("%q: the scores of a cut link do not encode: %v", s, err)
	}
	if back, err := Decode(enc); err != nil || !reflect.DeepEqual(back, c) {
		t.Fatalf("%q: the scores' link %q decodes to %+v, %v", s, enc, back, err)
	}
}

// onlyScoresAndFindings reports whether c has no text: no title, summary
// or layer status or notes, and threats that are findings and nothing else.
func onlyScoresAndFindings(c *card.Card) bool {
	if c.Title != "" || c.Summary != "" {
		return false
	}
	only := func(ts []maestro.Threat) bool {
		for _, t := range ts {
			if !t.AIVSS.Scored() || !reflect.DeepEqual(t, maestro.Threat{AIVSS: t.AIVSS}) {
				return false
			}
		}
		return true
	}
	for _, e := range c.MAESTRO.Layers {
		if e.Status != maestro.NotAssessed || e.Notes != "" || !only(e.Threats) {
			return false
		}
	}
	return only(c.MAESTRO.CrossLayer)
}
