//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/carddiff/carddifftest"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
)

func encodeLink(t *testing.T, c *card.Card) string {
	t.Helper()
	l, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func runDiffCmd(args ...string) (stdout, stderr string, status int) {
	var o, e bytes.Buffer
	status = run(append([]string{"diff"}, args...), strings.NewReader(""), &o, &e)
	return o.String(), e.String(), status
}

// diffJSON is the JSON diff prints.
type diffJSON struct {
	A, B struct {
		Title           string
		Score, Severity *string
	}
	Delta   *string
	Changes []struct {
		Path    string
		A, B    *string
		Kind    string
		Derived bool
	}
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Pairs of random cards, the second the first with one input changed
// (carddifftest.ChangeOne says which, and its values before and after):
// diff exits 1 and names exactly that input among what it finds, in all
// three formats.
func TestDiffOfOneChangedInput(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 20))
	for i := range 150 {
		a := cardtest.RandomWithFindings(r)
		b, w := carddifftest.ChangeOne(r, a)
		la, lb := encodeLink(t, a), encodeLink(t, b)
		out, errOut, status := runDiffCmd(la, "https://tc.example/app/#"+lb, "--format", "json")
		if status != 1 || errOut != "" {
			t.Fatalf("pair %d (%+v): status %d, stderr %q", i, w, status, errOut)
		}
		var doc diffJSON
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("pair %d: %v\n%s", i, err, out)
		}
		var inputs []string
		for _, c := range doc.Changes {
			if !c.Derived {
				inputs = append(inputs, c.Path+" "+str(c.A)+" → "+str(c.B))
			}
		}
		if want := w.Path + " " + w.A + " → " + w.B; len(inputs) != 1 || inputs[0] != want {
			t.Fatalf("pair %d: input changes %q, want [%q]", i, inputs, want)
		}
		if doc.A.Title != a.Title || doc.B.Title != b.Title {
			t.Errorf("pair %d: titles %q, %q", i, doc.A.Title, doc.B.Title)
		}
		text, _, status := runDiffCmd("--format", "text", la, lb)
		if status != 1 || !strings.Contains(text, " ["+w.Path+"]\n") {
			t.Errorf("pair %d: status %d; text without [%s]:\n%s", i, status, w.Path, text)
		}
		md, _, status := runDiffCmd(la, lb, "--format=markdown")
		if status != 1 || !strings.Contains(md, "| Where | Field | A | B | Change |") {
			t.Errorf("pair %d: status %d; Markdown:\n%s", i, status, md)
		}
		// The same card twice: 0, and nothing changed.
		out, _, status = runDiffCmd(lb, lb, "--format", "json")
		if status != 0 || !strings.Contains(out, `"changes": []`) {
			t.Errorf("pair %d: the same link: status %d\n%s", i, status, out)
		}
	}
}

// Hand and Hand with MF 0.83: 9.60555 × 0.83 = 7.9726065 → 8.0 High.
func TestDiffTextAsWrittenByHand(t *testing.T) {
	b := cardtest.Hand()
	b.AIVSS.MF = decimal.Some(decimal.MustParse("0.83"))
	out, errOut, status := runDiffCmd(encodeLink(t, cardtest.Hand()), encodeLink(t, b))
	want := `A: Ticket triage bot — AIVSS 9.6 Critical (OWASP AIVSS v0.8)
B: Ticket triage bot — AIVSS 8.0 High (OWASP AIVSS v0.8)
Delta (B − A): -1.6
3 changes:
- MF: None (1) → Partial (0.83) [aivss.mf]
- AIVSS score: 9.6 Critical → 8.0 High (computed) [aivss.score]
- AIVSS severity: Critical → High (computed) [aivss.severity]
`
	if status != 1 || out != want || errOut != "" {
		t.Errorf("status %d, stderr %q, stdout:\n%s\nwant:\n%s", status, errOut, out, want)
	}
	out, _, _ = runDiffCmd(encodeLink(t, cardtest.Hand()), encodeLink(t, b), "--format", "json")
	var doc diffJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if str(doc.A.Score) != "9.6" || str(doc.B.Severity) != "High" || str(doc.Delta) != "-1.6" {
		t.Errorf("JSON %s", out)
	}
}

func TestDiffExitStatus(t *testing.T) {
	hand := encodeLink(t, cardtest.Hand())
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"the same card", []string{hand, hand}, 0, ""},
		{"the same card in another spelling", []string{hand, "#" + hand}, 0, ""},
		{"different cards", []string{hand, encodeLink(t, cardtest.HandWithFindings())}, 1, ""},
		{"a bad link A", []string{"v2&e=v0.9", hand}, 2, "threatcard diff: LINK_A: "},
		{"a bad link B", []string{hand, "v2&e=v0.9"}, 2, "threatcard diff: LINK_B: "},
		{"a link cut short", []string{hand, cutLink}, 2,
			"threatcard diff: LINK_B: the link was cut short inside its text (part d); intact: "},
		{"no link", nil, 2, "give two links, LINK_A and LINK_B"},
		{"one link", []string{hand}, 2, "give two links, LINK_A and LINK_B"},
		{"three links", []string{hand, hand, hand}, 2, "two links only"},
		{"an unknown format", []string{hand, hand, "--format", "html"}, 2, `unknown --format "html"`},
		{"an unknown flag", []string{hand, hand, "--colour"}, 2, "flag provided but not defined"},
		{"help", []string{"-h"}, 0, "usage: threatcard diff LINK_A LINK_B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, status := runDiffCmd(tt.args...)
			if status != tt.status {
				t.Errorf("status %d, want %d (stderr %q)", status, tt.status, errOut)
			}
			if tt.stderr == "" && errOut != "" || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr %q, want %q", errOut, tt.stderr)
			}
		})
	}
	// A bad link's message is the decoder's own.
	_, err := link.Decode("v2&e=v0.9")
	if _, errOut, _ := runDiffCmd(hand, "v2&e=v0.9"); errOut != "threatcard diff: LINK_B: "+err.Error()+"\n" {
		t.Errorf("stderr %q, want the decoder's %q", errOut, err.Error())
	}
}
