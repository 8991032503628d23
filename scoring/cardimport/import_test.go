package cardimport

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/cardtext"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/jsonvalue"
	"github.com/threatcard/threatcard/scoring/link"
)

// The reference card: its published text, its JSON export and the link
// both must give (pinned by scoring/link's golden tests).
const (
	exampleText = "../../testdata/card-gpt-image-2.txt"
	exampleJSON = "../link/testdata/links/gpt-image-2.json"
	exampleLink = "../link/testdata/links/gpt-image-2.link"
	partialText = "../cardtext/testdata/card-gpt-image-2-partial.txt"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Format
	}{
		{"empty", "", Text},
		{"white space only", " \n\t", Text},
		{"an object", `{"format":"threatcard/1"}`, JSON},
		{"an object after white space", " \r\n\t{", JSON},
		{"an object after a byte-order mark", "\ufeff{", JSON},
		{"a byte-order mark, then white space, then an object", "\ufeff \n{", JSON},
		{"a card's title line", "GPT Image 2 — agentic threat model", Text},
		{"a brace later in the text", "X — agentic threat model\n{", Text},
		{"a JSON array is not an export", "[{}]", Text},
		{"a non-breaking space is not white space", "\u00a0{", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.data)); got != tt.want {
				t.Errorf("Detect(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

func TestFormatString(t *testing.T) {
	if got := Text.String(); got != "card text" {
		t.Errorf("Text = %q", got)
	}
	if got := JSON.String(); got != "JSON export" {
		t.Errorf("JSON = %q", got)
	}
}

func TestImportTheReferenceCardInBothFormats(t *testing.T) {
	// The golden link is a v1 link; its card, encoded again, is the link
	// in today's canonical form, which the imported card must give too.
	golden, err := link.Decode(strings.TrimSpace(string(read(t, exampleLink))))
	if err != nil {
		t.Fatal(err)
	}
	wantLink, err := link.Encode(golden)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   []byte
		format Format
	}{
		{"published text", read(t, exampleText), Text},
		{"JSON export", read(t, exampleJSON), JSON},
		{"JSON export with a byte-order mark", append([]byte("\ufeff"), read(t, exampleJSON)...), JSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Import(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if r.Format != tt.format || r.Card.Title != "GPT Image 2" || r.Card.AIVSS.Edition != "card" || len(r.Warnings) != 0 {
				t.Errorf("format %v, title %q, edition %q, warnings %v; want %v, GPT Image 2, card, none",
					r.Format, r.Card.Title, r.Card.AIVSS.Edition, r.Warnings, tt.format)
			}
			got, err := link.Encode(r.Card)
			if err != nil || got != wantLink {
				t.Errorf("link %q (%v)\nwant %q", got, err, wantLink)
			}
		})
	}
}

func TestImportKeepsTheTextWarnings(t *testing.T) {
	r, err := Import(read(t, partialText))
	if err != nil {
		t.Fatal(err)
	}
	want := []cardtext.Warning{
		{Line: 19, Msg: "L3's text does not end a sentence; it may have been cut short"},
		{Line: 0, Msg: "L4, L5, L6 and L7 are not in the text; marked not assessed"},
	}
	if len(r.Warnings) != len(want) {
		t.Fatalf("warnings %v, want %v", r.Warnings, want)
	}
	for i := range want {
		if r.Warnings[i] != want[i] {
			t.Errorf("warning %d: %v, want %v", i, r.Warnings[i], want[i])
		}
	}
}

func TestImportErrorsSayWhere(t *testing.T) {
	const sevenLayers = `{"layer":1},{"layer":2},{"layer":3},{"layer":4},{"layer":5},{"layer":6},{"layer":7}`
	tests := []struct {
		name    string
		data    string
		want    Error // Err is checked by type only
		message string
	}{
		{"text without a title line", "hello\nworld",
			Error{Format: Text, Line: 1, Text: "hello", Msg: `expected the card's title line, "<agent> — agentic threat model"`},
			`importing the card text: line 1: expected the card's title line, "<agent> — agentic threat model"`},
		{"text with an unknown factor", "X — agentic threat model\n  | Identity | 0.1 |  ",
			Error{Format: Text, Line: 2, Text: "| Identity | 0.1 |", Msg: `unknown factor "Identity"; the card's factors are Autonomy of Action, Goal-Driven Planning, Self-Modification, Dynamic Tool Use, Persistent Memory, Contextual Awareness, Dynamic Identity, Multi-Agent Interactions, Non-Determinism, Opacity & Reflexivity`},
			`importing the card text: line 2: unknown factor "Identity"; the card's factors are Autonomy of Action, Goal-Driven Planning, Self-Modification, Dynamic Tool Use, Persistent Memory, Contextual Awareness, Dynamic Identity, Multi-Agent Interactions, Non-Determinism, Opacity & Reflexivity`},
		{"empty text", "",
			Error{Format: Text, Msg: "the text is empty; paste the whole card, from its title line on"},
			"importing the card text: the text is empty; paste the whole card, from its title line on"},
		{"JSON with a bad value names its path", `{"format":"threatcard/1","aivss":{"edition":"v0.8"},"maestro":{"layers":[` +
			strings.Replace(sevenLayers, `{"layer":3}`, `{"layer":3,"status":"done"}`, 1) + `]}}`,
			Error{Format: JSON, Path: "maestro.layers[2].status", Msg: `is "done"; want one of "not-assessed", "mapped", "uncertain"`},
			`importing the JSON export: maestro.layers[2].status: is "done"; want one of "not-assessed", "mapped", "uncertain"`},
		{"JSON that is not well-formed names its line", "{\n  \"format\": \"threatcard/1\",\n  \"title\" \"x\"\n}",
			Error{Format: JSON, Line: 3, Msg: "not valid JSON at byte 40: invalid character '\"' after object key"},
			"importing the JSON export: line 3: not valid JSON at byte 40: invalid character '\"' after object key"},
		{"JSON of another format", `{"format":"threatcard/3"}`,
			Error{Format: JSON, Path: "format", Msg: `is "threatcard/3"; this threatcard reads "threatcard/2" or "threatcard/1"`},
			`importing the JSON export: format: is "threatcard/3"; this threatcard reads "threatcard/2" or "threatcard/1"`},
		{"JSON with a repeated key names its path and line", "{\n\"format\": \"threatcard/2\",\n\"format\": \"threatcard/2\"}",
			Error{Format: JSON, Line: 3, Path: "format", Msg: "duplicate field"},
			"importing the JSON export: format: duplicate field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Import([]byte(tt.data))
			if err == nil {
				t.Fatalf("no error; card %+v", r.Card)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			got := *e
			got.Err = nil
			if got != tt.want {
				t.Errorf("error %+v\nwant  %+v", got, tt.want)
			}
			if err.Error() != tt.message {
				t.Errorf("message %q\nwant    %q", err.Error(), tt.message)
			}
			var pe *cardtext.ParseError
			var ie *jsonvalue.Error
			if tt.want.Format == Text && !errors.As(err, &pe) || tt.want.Format == JSON && !errors.As(err, &ie) {
				t.Errorf("error %v does not wrap the parser's own error (%T)", err, e.Err)
			}
		})
	}
}

func TestImportRefusesADocumentOverTheLimitBeforeParsing(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		format Format
	}{
		{"text", []byte(strings.Repeat("a", MaxSize+1)), Text},
		{"JSON", []byte("{" + strings.Repeat(" ", MaxSize)), JSON},
	}
	for _, tt := range tests {
		_, err := Import(tt.data)
		var e *Error
		if !errors.As(err, &e) || e.Format != tt.format || e.Err != nil ||
			e.Msg != "the document is 1048577 bytes; the limit is 1048576" {
			t.Errorf("%s: error %#v", tt.name, err)
		}
	}
}

// FuzzImport: Import never panics; it returns either a card that passes
// Validate or an *Error in the detected format whose line is a line of the
// document.
func FuzzImport(f *testing.F) {
	for _, name := range []string{exampleText, exampleJSON, partialText} {
		f.Add(read(f, name))
	}
	for _, s := range []string{"", "{", "\ufeff{}", `{"format":"threatcard/1"}`, "X — agentic threat model\n| Autonomy of Action | 0.2 |"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Import(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			if e.Format != Detect(data) {
				t.Fatalf("error in format %v, data detected as %v", e.Format, Detect(data))
			}
			if lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1; e.Line < 0 || e.Line > lines {
				t.Fatalf("error on line %d of a %d-line document: %v", e.Line, lines, err)
			}
			return
		}
		if r.Format != Detect(data) {
			t.Fatalf("format %v, data detected as %v", r.Format, Detect(data))
		}
		if err := r.Card.Validate(); err != nil {
			t.Fatalf("imported card fails Validate: %v", err)
		}
	})
}

// A threatcard/2 export brings its findings along.
func TestImportReadsFindingsFromAThreatcard2Export(t *testing.T) {
	const doc = "\ufeff" + `{"format":"threatcard/2","aivss":{"edition":"v0.8"},"maestro":{"layers":[{"layer":1},{"layer":2},
		{"layer":3,"threats":[{"title":"Tool misuse","aivss":{"id":"VULN-001","category":"Agentic AI Tool Misuse","cvss_score":"8.0"}}]},
		{"layer":4},{"layer":5},{"layer":6},{"layer":7}]}}`
	r, err := Import([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	fs := r.Card.Findings()
	if r.Format != JSON || len(fs) != 1 {
		t.Fatalf("format %v, %d findings; want JSON, 1", r.Format, len(fs))
	}
	a := fs[0].Threat.AIVSS
	if a.ID != "VULN-001" || a.Category != corerisk.ToolMisuse || a.CVSSScore != decimal.Some(decimal.MustParse("8.0")) {
		t.Errorf("finding %+v; want VULN-001, Agentic AI Tool Misuse, CVSS 8.0", a)
	}
}
