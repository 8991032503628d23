//go:build !wasm

package main

import (
	"bytes"
	"strings"
	"testing"
)

// exportLink carries a card with no text: v0.8, CVSS 9.3, factors summing
// to 4.5, ThM 0.97, MF 1. Worked by hand: AARS = 0.7 × 0.45 × 0.97 =
// 0.30555, AIVSS = 9.60555 → 9.6 Critical. It is the link threatcard
// writes for that card (format 2).
const exportLink = "v2&e=v0.8&c=9.3&f=1,1,1,0.5,0.5,0.5,0,0,0,0&thm=0.97&mf=1"

// exportLinkV1 is the same card's link as threatcard wrote it before
// format 2: a link shared then, which a person may still paste. It exports
// the same card, and the link a Markdown export shows is exportLink.
const exportLinkV1 = "v1&e=v0.8&c=9.3&f=1,1,1,0.5,0.5,0.5,0,0,0,0&thm=0.97&mf=1"

// cutLink is the golden link v08-incomplete (scoring/link/testdata/links)
// cut short 12 characters into its text.
const cutLink = "v1&e=v0.8&c=7.1&f=1,,,,0.5,,,,,&thm=0.5&d=YhT0SMxJ003L"

// exportJSON is exportLink's card as JSON, written by hand (format
// threatcard/2; a card without threats reads the same in threatcard/1 but
// for the format).
const exportJSON = `{
  "format": "threatcard/2",
  "title": "",
  "summary": "",
  "aivss": {
    "edition": "v0.8",
    "cvss_vector": null,
    "cvss_score": "9.3",
    "factors": {
      "autonomy": "1",
      "tools": "1",
      "language": "1",
      "context": "0.5",
      "non_determinism": "0.5",
      "opacity": "0.5",
      "persistence": "0",
      "identity": "0",
      "multi_agent": "0",
      "self_mod": "0"
    },
    "thm": "0.97",
    "mf": "1",
    "score": "9.6",
    "severity": "Critical"
  },
  "maestro": {
    "layers": [
      {
        "layer": 1,
        "name": "Foundation Models",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 2,
        "name": "Data Operations",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 3,
        "name": "Agent Frameworks",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 4,
        "name": "Deployment and Infrastructure",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 5,
        "name": "Evaluation and Observability",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 6,
        "name": "Security and Compliance",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      },
      {
        "layer": 7,
        "name": "Agent Ecosystem",
        "status": "not-assessed",
        "notes": "",
        "threats": []
      }
    ],
    "cross_layer": []
  }
}
`

// exportSVG is exportLink's card as a badge, written by hand (the widths
// are worked out in scoring/export/badge_test.go).
const exportSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="119" height="20" viewBox="0 0 119 20" role="img">
<title>AIVSS 9.6 Critical (OWASP AIVSS v0.8)</title>
<rect width="47" height="20" fill="#555555"/>
<rect x="47" width="72" height="20" fill="#a8071a"/>
<g fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="6" y="14" textLength="35" lengthAdjust="spacing">AIVSS</text>
<text x="53" y="14" textLength="60" lengthAdjust="spacing">9.6 Critical</text>
</g>
</svg>
`

// exportMarkdown is exportLink's card as Markdown with the given link,
// written by hand.
func exportMarkdown(link string) string {
	return `AIVSS 9.6 Critical (OWASP AIVSS v0.8) · [Open the threatcard](` + link + `)

| AIVSS input | Value |
| --- | --- |
| CVSS v4.0 base score | 9.3 |
| Execution Autonomy | 1 (Full) |
| External Tool Control Surface | 1 (Full) |
| Natural Language Interface | 1 (Full) |
| Contextual Awareness | 0.5 (Partial) |
| Behavioral Non-Determinism | 0.5 (Partial) |
| Opacity & Reflexivity | 0.5 (Partial) |
| Persistent State Retention | 0 (None) |
| Dynamic Identity | 0 (None) |
| Multi-Agent Interactions | 0 (None) |
| Self-Modification | 0 (None) |
| Threat multiplier (ThM) | 0.97 (Proof-of-Concept) |
| Mitigation factor (MF) | 1 (None) |

### MAESTRO threat model

#### L1 · Foundation Models — not assessed

#### L2 · Data Operations — not assessed

#### L3 · Agent Frameworks — not assessed

#### L4 · Deployment and Infrastructure — not assessed

#### L5 · Evaluation and Observability — not assessed

#### L6 · Security and Compliance — not assessed

#### L7 · Agent Ecosystem — not assessed
`
}

func TestExportCommand(t *testing.T) {
	const app = "https://tc.example/app/"
	tests := []struct {
		name   string
		args   []string
		stdout string
		stderr string // a part of standard error; "" checks nothing
		status int
	}{
		{"json from a bare fragment", []string{exportLinkV1, "--format", "json"}, exportJSON, "", 0},
		{"json, flag first, fragment with '#'", []string{"--format", "json", "#" + exportLinkV1}, exportJSON, "", 0},
		{"json after --", []string{"--format=json", "--", "#" + exportLinkV1}, exportJSON, "", 0},
		{"svg from a whole URL", []string{app + "#" + exportLinkV1, "--format=svg"}, exportSVG, "", 0},
		{"markdown from a bare fragment links the fragment", []string{exportLinkV1, "--format", "markdown"}, exportMarkdown("#" + exportLink), "", 0},
		{"markdown from a whole URL keeps the URL", []string{app + "#" + exportLinkV1, "--format", "markdown"}, exportMarkdown(app + "#" + exportLink), "", 0},
		{"markdown with --base", []string{"--base", "https://other.example/x", exportLinkV1, "--format", "markdown"},
			exportMarkdown("https://other.example/x#" + exportLink), "", 0},
		{"--base wins over the link's URL", []string{app + "#" + exportLinkV1, "--format", "markdown", "--base", "http://localhost:8080/"},
			exportMarkdown("http://localhost:8080/#" + exportLink), "", 0},
		{"a link that is not http keeps only its fragment", []string{"file:///tmp/index.html#" + exportLinkV1, "--format", "markdown"},
			exportMarkdown("#" + exportLink), "", 0},
		{"markdown from a format 2 link links it as it is", []string{app + "#" + exportLink, "--format", "markdown"}, exportMarkdown(app + "#" + exportLink), "", 0},

		{"help", []string{"-h"}, "", "usage: threatcard export LINK", 0},
		{"no link", []string{"--format", "json"}, "", "threatcard export: give the card's LINK", 2},
		{"two links", []string{exportLinkV1, exportLinkV1, "--format", "json"}, "", "one LINK only", 2},
		{"no format", []string{exportLinkV1}, "", "give --format json, markdown or svg", 2},
		{"unknown format", []string{exportLinkV1, "--format", "pdf"}, "", `unknown --format "pdf"; formats are json, markdown, svg and aivss-report`, 2},
		{"base not http", []string{exportLinkV1, "--format", "markdown", "--base", "javascript:alert(1)"}, "",
			`--base "javascript:alert(1)" is not an http or https URL`, 2},
		{"base with a fragment", []string{exportLinkV1, "--format", "markdown", "--base", "https://x.example/#a"}, "", "has a fragment", 2},
		{"unknown flag", []string{exportLinkV1, "-x"}, "", "flag provided but not defined: -x", 2},
		{"link of another edition", []string{"v1&e=v9", "--format", "json"}, "", "threatcard export: ", 1},
		{"link with a value off the grid", []string{"v1&e=v0.8&f=0.3,,,,,,,,,", "--format", "svg"}, "", "0.3", 1},
		{"empty link", []string{"", "--format", "json"}, "", "threatcard export: ", 1},
		{"link cut short inside its text", []string{app + "#" + cutLink, "--format", "json"}, "",
			"threatcard export: the link was cut short inside its text (part d); intact: edition, CVSS, factors, ThM — copy the whole link again\n", 1},
		{"link cut right after d=", []string{"v1&e=v0.5&d=", "--format", "markdown"}, "",
			"threatcard export: the link was cut short inside its text (part d); intact: edition — copy the whole link again\n", 1},
		{"link cut before its text", []string{"v1&e=v0.8&c=7.1&f=1,,,,0.5,,,,,&thm=0.", "--format", "json"}, "",
			`threatcard export: link part thm: ThM "0.": not a plain decimal number`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(append([]string{"export"}, tt.args...), strings.NewReader(""), &out, &errOut)
			if status != tt.status {
				t.Errorf("exit status %d, want %d (stderr %q)", status, tt.status, errOut.String())
			}
			if out.String() != tt.stdout {
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

func TestImportAndExportAreListed(t *testing.T) {
	var out, errOut bytes.Buffer
	run([]string{"help"}, strings.NewReader(""), &out, &errOut)
	for _, name := range []string{"\n  import ", "\n  export "} {
		if !strings.Contains(errOut.String(), name) {
			t.Errorf("help does not list %q:\n%s", name, errOut.String())
		}
	}
}
