package cardtext

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse: Parse never panics; it either returns a *ParseError on a line
// of the text, or a card that passes Validate, in the card edition, with
// warnings on lines of the text.
func FuzzParse(f *testing.F) {
	for _, name := range []string{exampleFile, fullFile, partialFile, labelFile} {
		f.Add(readFile(f, name))
	}
	for _, s := range []string{
		"",
		"X — agentic threat model",
		"← X\nL1 · Foundation Models✓ mapped",
		"X — agentic threat model\n| Autonomy of Action | 0.2 |\nMAESTRO 7-layer threat model\nL3: Not certain from the listing --",
		"X — agentic threat model\n7.2AIVSS 7.2 · High\nCVSS base 7.5AARS uplift 1.02Factor sum 4.1/10Threat ×1.0Mitigation ×0.85",
		"X -- agentic threat model\nPersistent Memory\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Count(strings.ReplaceAll(text, "\r\n", "\n"), "\n") + strings.Count(text, "\r") + 1
		r, err := Parse(text)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			if pe.Line < 0 || pe.Line > lines {
				t.Fatalf("error on line %d of a %d-line text: %v", pe.Line, lines, err)
			}
			return
		}
		if err := r.Card.Validate(); err != nil {
			t.Fatalf("accepted card fails Validate: %v", err)
		}
		if r.Card.AIVSS.Edition != Edition {
			t.Fatalf("edition %q, want %q", r.Card.AIVSS.Edition, Edition)
		}
		for _, w := range r.Warnings {
			if w.Line < 0 || w.Line > lines {
				t.Fatalf("warning on line %d of a %d-line text: %v", w.Line, lines, w)
			}
		}
	})
}

func BenchmarkParseFullCard(b *testing.B) {
	text := readFile(b, fullFile)
	for b.Loop() {
		if _, err := Parse(text); err != nil {
			b.Fatal(err)
		}
	}
}
