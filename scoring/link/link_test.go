package link

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

func dec(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }

// handCard is a small card with every kind of field set.
func handCard() *card.Card {
	c := &card.Card{Title: "Ticket triage bot", Summary: "Reads tickets,\nlabels them."}
	c.AIVSS = card.Inputs{
		Edition:    "v0.8",
		CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		ThM:        dec("0.97"),
		MF:         dec("0.83"),
	}
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = dec([]string{"0", "0.5", "1"}[i%3])
	}
	c.AIVSS.Factors[9] = decimal.Optional{}
	m := &c.MAESTRO
	m.Layer(maestro.FoundationModels).Status = maestro.Mapped
	m.Layer(maestro.FoundationModels).Notes = "Prompt injection through ticket text."
	m.Layer(maestro.FoundationModels).Threats = []maestro.Threat{
		{CatalogID: "l1-prompt-injection", ASI: 1, Likelihood: maestro.High, Impact: maestro.Medium, Mitigations: "Strip markup\nReview labels", State: maestro.Mitigated},
		{Title: "Label flooding", Description: "Many bogus labels.", State: maestro.Accepted},
	}
	m.Layer(maestro.AgentEcosystem).Status = maestro.Uncertain
	m.CrossLayer = []maestro.Threat{{CatalogID: "x-lateral-movement", Layers: []maestro.Layer{2, 4}, Impact: maestro.High}}
	return c
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	scoreOnly := &card.Card{AIVSS: card.Inputs{Edition: "v0.5", CVSSScore: dec("9.3"), ThM: dec("0.91")}}
	cardEdition := &card.Card{Title: "x", AIVSS: card.Inputs{Edition: "card", CVSSScore: dec("7.5"), ThM: dec("1.1"), MF: dec("0.85")}}
	for i := range cardEdition.AIVSS.Factors {
		cardEdition.AIVSS.Factors[i] = dec("0.41")
	}
	unicode := &card.Card{Title: "Ägent 🤖 <b>", Summary: "line1\nline2 — “quoted”", AIVSS: card.Inputs{Edition: "v0.8"}}
	empty := &card.Card{AIVSS: card.Inputs{Edition: "v0.8"}}
	for name, c := range map[string]*card.Card{
		"every field": handCard(), "score only": scoreOnly, "card edition": cardEdition,
		"unicode text": unicode, "empty": empty,
	} {
		t.Run(name, func(t *testing.T) {
			s, err := Encode(c)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(s)
			if err != nil {
				t.Fatalf("Decode(%q): %v", s, err)
			}
			if !reflect.DeepEqual(got, c) {
				t.Fatalf("decode(encode(card)) differs:\n got %+v\nwant %+v", got, c)
			}
			again, err := Encode(got)
			if err != nil || again != s {
				t.Fatalf("encode(decode(link)) = %q, %v; want %q", again, err, s)
			}
		})
	}
}

func TestScoreFieldsStayReadable(t *testing.T) {
	s, err := Encode(handCard())
	if err != nil {
		t.Fatal(err)
	}
	want := "v2&e=v0.8&c=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N&f=0,0.5,1,0,0.5,1,0,0.5,1,&thm=0.97&mf=0.83&d="
	if !strings.HasPrefix(s, want) {
		t.Fatalf("link %q does not start with %q", s, want)
	}
}

// A finding's scores are as readable as the card's, and come before the
// text: the example of the package documentation.
func TestFindingFieldsStayReadable(t *testing.T) {
	c := handCard()
	th := &c.MAESTRO.Layer(maestro.AgentFrameworks).Threats
	*th = append(*th, maestro.Threat{Title: "Cascade", AIVSS: maestro.Assessment{
		ID: "F-001", Category: 3, CVSSVector: "CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H",
		ThM: dec("0.97"), MF: dec("1"),
	}})
	for i, v := range []string{"1", "0.5", "1", "1", "1", "1", "0.5", "0.5", "1", "0.5"} {
		(*th)[0].AIVSS.Factors[i] = dec(v)
	}
	s, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	want := "&mf=0.83&s=3.1;F-001;3;CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H;1,0.5,1,1,1,1,0.5,0.5,1,0.5;0.97;1&d="
	if !strings.Contains(s, want) {
		t.Fatalf("link %q does not have %q", s, want)
	}
}

func TestDecodeAcceptsURLAndHash(t *testing.T) {
	frag := "v1&e=v0.8&c=5.0"
	for _, in := range []string{frag, "#" + frag, "https://example.org/threatcard/#" + frag} {
		c, err := Decode(in)
		if err != nil {
			t.Fatalf("Decode(%q): %v", in, err)
		}
		if c.AIVSS.CVSSScore != dec("5.0") {
			t.Fatalf("Decode(%q) CVSS score = %v", in, c.AIVSS.CVSSScore)
		}
	}
}

func TestDecodeRejectsBadLinks(t *testing.T) {
	good, err := Encode(handCard())
	if err != nil {
		t.Fatal(err)
	}
	d := good[strings.Index(good, "&d=")+3:]
	head := good[:strings.Index(good, "&d=")]
	raw, _ := b64.DecodeString(d)
	flipped := append([]byte(nil), raw...)
	flipped[len(flipped)/2] ^= 0x10
	zipBomb := b64.EncodeToString(deflate([]byte(strings.Repeat("A", MaxText+10))))
	script := func(f func(c *card.Card)) string {
		// A link whose text payload carries the given change, built by hand so
		// that Encode's validation does not stop it.
		c := handCard()
		f(c)
		return head + "&d=" + b64.EncodeToString(deflate(marshalText(c)))
	}
	tests := []struct {
		name, link string
		part       string
		msg        string
	}{
		{"empty", "", "link", "empty link"},
		{"no version", "e=v0.8", "version", "starts with its version"},
		{"wrong version", "v7&e=v0.8", "version", "unknown link format version 7"},
		{"version in capitals", "V1&e=v0.8", "version", `this one starts "V1"`},
		{"oversize", "v1&e=v0.8&d=" + strings.Repeat("A", MaxFragment), "link", fmt.Sprintf("the link has %d characters; a link has at most %d", MaxFragment+12, MaxFragment)},
		{"unknown key", "v1&e=v0.8&zz=1", "link", `position 10: unknown part "zz"`},
		{"key in capitals", "v1&E=v0.8", "link", `unknown part "E"`},
		{"duplicate key", "v1&e=v0.8&e=v0.8", "e", "part e appears twice"},
		{"duplicate key out of order", "v1&e=v0.8&c=5.0&thm=1&c=5.0", "c", "part c appears twice"},
		{"trailing '&'", "v1&e=v0.8&", "link", `position 10: part "" has no '='`},
		{"no equals", "v1&e", "link", "has no '='"},
		{"no edition", "v1&c=5.0", "e", "names no AIVSS edition"},
		{"unknown edition", "v1&e=v9", "e", `unknown AIVSS edition "v9"`},
		{"edition in capitals", "v1&e=V0.8", "e", `unknown AIVSS edition "V0.8"`},
		{"bad percent-escape", "v1&e=v0%2", "e", `"%2" is not a percent-escape`},
		{"bad vector", "v1&e=v0.8&c=CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "c", "AV:X is not allowed; AV takes N, A, L, P"},
		{"vector prefix in lower case", "v1&e=v0.8&c=cvss:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "c", `must be written "CVSS:4.0" (upper case)`},
		{"vector metrics out of order", "v1&e=v0.8&c=CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "c", "mandatory Base metric AV is missing"},
		{"vector cut short", "v1&e=v0.8&c=CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA", "c", "VA has no"},
		{"neither vector nor score", "v1&e=v0.8&c=high", "c", `CVSS "high" is neither a CVSS v4.0 vector (CVSS:4.0/…) nor a score (0.0 to 10.0): not a plain decimal number`},
		{"empty score", "v1&e=v0.8&c=", "c", "c= has no value"},
		{"bad score", "v1&e=v0.8&c=11.0", "c", "0.0 to 10.0"},
		{"factor off grid", "v1&e=v0.8&f=0,0.7,0,0,0,0,0,0,0,0", "f", "0.7"},
		{"nine factors", "v1&e=v0.8&f=0,0,0,0,0,0,0,0,0", "f", "has 9 of the 10 factor values OWASP AIVSS v0.8 takes"},
		{"factors cut short", "v1&e=v0.8&f=0.5,1,0,0", "f", "has 4 of the 10 factor values OWASP AIVSS v0.8 takes"},
		{"factor not a number", "v1&e=v0.8&f=0,x,0,0,0,0,0,0,0,0", "f", `External Tool Control Surface "x": not a plain decimal number`},
		{"thm off choices", "v1&e=v0.8&thm=0.9", "thm", "0.9"},
		{"thm with three decimals", "v1&e=v0.8&thm=0.975", "thm", `ThM "0.975": more than two decimals`},
		{"empty thm", "v1&e=v0.8&thm=", "thm", "thm= has no value; a card without ThM has no thm= part"},
		{"empty mf", "v1&e=v0.8&mf=", "mf", "mf= has no value"},
		{"mf in v0.5", "v1&e=v0.5&mf=1", "mf", "no mitigation factor"},
		{"bad base64", head + "&d=ab*d", "d", `position 2: "*" is not a base64url character`},
		{"broken last base64 group, then another part", "v1&e=v0.8&d=" + d[:len(d)/4*4-3] + "&c=9.0", "d", "the base64url text ends in a broken group of characters"},
		{"text that ends early, then another part", "v1&e=v0.8&d=" + d[:len(d)/8*4] + "&c=9.0", "d", "the compressed text stops before its end"},
		{"bit flipped", head + "&d=" + b64.EncodeToString(flipped), "d", ""},
		{"zip bomb", "v1&e=v0.8&d=" + zipBomb, "d", "the text is longer than 256 KiB once uncompressed"},
		{"invalid utf-8", script(func(c *card.Card) { c.Title = "a\xffb" }), "d", "title is not valid UTF-8"},
		{"over limit", script(func(c *card.Card) { c.Title = strings.Repeat("x", card.MaxTitle+1) }), "d", "has 201 characters; the limit is 200"},
		{"empty text", head + "&d=" + b64.EncodeToString(deflate(nil)), "d", "empty text data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode(tt.link)
			if err == nil {
				t.Fatalf("Decode accepted %q as %+v", tt.link, c)
			}
			if c != nil {
				t.Fatalf("Decode returned a card with its error")
			}
			le, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %v is %T, not *link.Error", err, err)
			}
			if le.Part != tt.part {
				t.Errorf("error %q names part %q; want %q", err, le.Part, tt.part)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

// Text from a link is only text: markup in every field decodes to the same
// characters and nothing else.
func TestMarkupInTextFieldsStaysText(t *testing.T) {
	const evil = `<img src=x onerror=alert(1)><script>alert(2)</script>`
	c := handCard()
	c.Title, c.Summary = evil, evil
	for i := range c.MAESTRO.Layers {
		c.MAESTRO.Layers[i].Notes = evil
	}
	th := &c.MAESTRO.Layers[0].Threats[1]
	th.Title, th.Description, th.Mitigations = evil, evil, evil
	s, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Fatal("markup did not round-trip unchanged")
	}
}
