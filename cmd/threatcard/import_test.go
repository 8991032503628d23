//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// gptImageFactors are the ten factor values printed in
// testdata/card-gpt-image-2.txt, in the card edition's order, as a link
// writes them.
const gptImageFactors = "0.2,0.2,0.1,0.3,0.1,0.3,0.1,0.1,0.8,0.7"

func TestImportCommand(t *testing.T) {
	cardText, err := os.ReadFile("../../testdata/card-gpt-image-2.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	jsonFile := filepath.Join(dir, "card.json")
	if err := os.WriteFile(jsonFile, []byte(exportJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	withNumbers := strings.NewReplacer(`"cvss_score": "9.3"`, `"cvss_score": 9.3`, `"thm": "0.97"`, `"thm": 0.97`,
		`"context": "0.5"`, `"context": 0.50`).Replace(exportJSON)
	tests := []struct {
		name   string
		args   []string
		stdin  string
		stdout string // "prefix…" checks the start only
		stderr string // a part of standard error; "" checks nothing
		status int
	}{
		{"JSON from stdin gives the link", nil, exportJSON, "#" + exportLink + "\n", "", 0},
		{"JSON from a file", []string{jsonFile}, "", "#" + exportLink + "\n", "", 0},
		{"'-' is stdin", []string{"-"}, exportJSON, "#" + exportLink + "\n", "", 0},
		{"JSON after white space and a byte-order mark", nil, "\ufeff \n\t" + exportJSON, "#" + exportLink + "\n", "", 0},
		{"JSON with numbers for decimals", nil, withNumbers, "#" + exportLink + "\n", "", 0},
		{"--base prefixes the link", []string{"--base", "https://tc.example/app/"}, exportJSON, "https://tc.example/app/#" + exportLink + "\n", "", 0},
		{"flags after the file", []string{jsonFile, "--base", "https://tc.example/"}, "", "https://tc.example/#" + exportLink + "\n", "", 0},
		{"--format json gives the JSON back", []string{"--format", "json"}, exportJSON, exportJSON, "", 0},
		{"--format svg", []string{"--format", "svg"}, exportJSON, exportSVG, "", 0},
		{"--format markdown links the bare fragment", []string{"--format", "markdown"}, exportJSON, exportMarkdown("#" + exportLink), "", 0},
		{"--format markdown with --base", []string{"--format", "markdown", "--base", "https://tc.example/"}, exportJSON,
			exportMarkdown("https://tc.example/#" + exportLink), "", 0},
		{"card text gives the link", nil, string(cardText), "#v2&e=card&f=" + gptImageFactors + "&d=…", "", 0},
		{"card text with --base", []string{"--base", "https://tc.example/"}, string(cardText), "https://tc.example/#v2&e=card&f=" + gptImageFactors + "&d=…", "", 0},
		{"card text markdown", []string{"--format", "markdown"}, string(cardText),
			"**GPT Image 2** — AIVSS incomplete, missing CVSS, ThM, MF (AgentReady threat-model cards) · [Open the threatcard](#v2&e=card&f=" + gptImageFactors + "&d=…", "", 0},
		{"card text warnings go to stderr", nil, string(cardText) + "\nExtra line\n", "#v2&e=card&f=" + gptImageFactors + "&d=…",
			"threatcard import: warning: line 25: text after the end of the MAESTRO section; ignored\n", 0},

		{"help", []string{"-h"}, "", "", "usage: threatcard import", 0},
		{"two files", []string{jsonFile, jsonFile}, "", "", "one FILE only", 2},
		{"unknown format", []string{"--format", "yaml"}, exportJSON, "", `unknown --format "yaml"`, 2},
		{"base not http", []string{"--base", "ftp://x.example/"}, exportJSON, "", `--base "ftp://x.example/" is not an http or https URL`, 2},
		{"unknown flag", []string{"--json"}, exportJSON, "", "flag provided but not defined: -json", 2},
		{"no such file", []string{filepath.Join(dir, "missing.txt")}, "", "", "threatcard import: open ", 1},
		{"JSON with an unknown field", nil, strings.Replace(exportJSON, `"notes": ""`, `"notes": "", "foo": 1`, 1), "",
			"threatcard import: importing the JSON export: maestro.layers[0].foo: unknown field\n", 1},
		{"JSON of another format", nil, strings.Replace(exportJSON, "threatcard/2", "threatcard/3", 1), "",
			"threatcard import: importing the JSON export: format: is \"threatcard/3\"; this threatcard reads \"threatcard/2\" or \"threatcard/1\"\n", 1},
		{"JSON of format threatcard/1 keeps importing", nil, strings.Replace(exportJSON, "threatcard/2", "threatcard/1", 1), "#" + exportLink + "\n", "", 0},
		{"text that is no card", nil, "hello\n", "", "threatcard import: importing the card text: line 1: expected the card's title line", 1},
		{"empty input", nil, "", "", "threatcard import: importing the card text: the text is empty", 1},
		{"input over the size limit", nil, "{" + strings.Repeat(" ", 1<<20), "", "the document is 1048577 bytes; the limit is 1048576", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(append([]string{"import"}, tt.args...), strings.NewReader(tt.stdin), &out, &errOut)
			if status != tt.status {
				t.Errorf("exit status %d, want %d (stderr %q)", status, tt.status, errOut.String())
			}
			if prefix, ok := strings.CutSuffix(tt.stdout, "…"); ok {
				if !strings.HasPrefix(out.String(), prefix) {
					t.Errorf("stdout\n got %q\nwant it to start %q", out.String(), prefix)
				}
			} else if out.String() != tt.stdout {
				t.Errorf("stdout\n got %q\nwant %q", out.String(), tt.stdout)
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", errOut.String(), tt.stderr)
			}
			if tt.status == 0 && tt.stderr == "" && errOut.Len() > 0 {
				t.Errorf("stderr %q on success", errOut.String())
			}
		})
	}
}

// TestImportedCardTextLinkCarriesTheCard decodes the link printed for the
// published card and checks it against what the card's text says.
func TestImportedCardTextLinkCarriesTheCard(t *testing.T) {
	var out, errOut bytes.Buffer
	f, err := os.Open("../../testdata/card-gpt-image-2.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if status := run([]string{"import"}, f, &out, &errOut); status != 0 {
		t.Fatalf("exit status %d: %s", status, errOut.String())
	}
	c, err := link.Decode(strings.TrimSpace(out.String()))
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "GPT Image 2" {
		t.Errorf("title %q", c.Title)
	}
	if want := "GPT Image 2 presents a low-to-moderate agentic risk profile, "; !strings.HasPrefix(c.Summary, want) {
		t.Errorf("summary %q; want it to start %q", c.Summary, want)
	}
	l1, l2 := c.MAESTRO.Layer(maestro.FoundationModels), c.MAESTRO.Layer(maestro.DataOperations)
	if l1.Status != maestro.Mapped || !strings.HasPrefix(l1.Notes, "Utilizes multimodal foundation models") {
		t.Errorf("L1 is %v %q", l1.Status, l1.Notes)
	}
	if l2.Status != maestro.Uncertain || !strings.HasPrefix(l2.Notes, "No details are provided regarding") {
		t.Errorf("L2 is %v %q; want uncertain, notes without the printed prefix", l2.Status, l2.Notes)
	}
}
