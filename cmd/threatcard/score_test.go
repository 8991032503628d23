//go:build !wasm

package main

import (
	"bytes"
	"strings"
	"testing"
)

// Scores from testdata/aivss-vectors.json and the published cards, as noted.
func TestScoreCommand(t *testing.T) {
	const v05Default = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" // 9.3
	const eU = v05Default + "/E:U"                                                       // Base 9.3, CVSS-BT 8.1
	tests := []struct {
		name   string
		args   []string
		stdin  string
		stdout string
		stderr string // a part of stderr, "" = not checked
		status int
	}{
		// v0.8 §3.6.1: 9.9 Critical with the default ThM 0.97 and MF 1.
		{"v0.8 default edition", []string{"--cvss-score", "9.4", "--factors", "1,1,1,1,1,1,0.5,1,1,0.5"}, "",
			"9.9 Critical\n", "", 0},
		// v0.8 §3.6.8 (sum 6.5): 9.74135 → 9.7.
		{"v0.8 spaces in factors", []string{"--edition", "v0.8", "--cvss-score", "9.3", "--factors", "1, 1, 0, 0, 1, 1, 0.5, 1, 1, 0", "--thm", "0.97"}, "",
			"9.7 Critical\n", "", 0},
		// Golden v0.5 #7, the reference calculator's defaults: raw 5.4805 → 5.5 Medium.
		{"v0.5 from a vector", []string{"--edition", "v0.5", "--cvss", v05Default, "--factors", "0.5,0.5,0.5,0.5,0,0,0,0,0,0"}, "",
			"5.5 Medium\n", "", 0},
		{"v0.5 JSON", []string{"--edition", "v0.5", "--cvss", v05Default, "--factors", "0.5,0.5,0.5,0.5,0,0,0,0,0,0", "--json"}, "",
			`{"edition":"v0.5","cvss":"9.3","factor_sum":"2.0","aars":"2.0","raw":"5.4805","score":"5.5","severity":"Medium","vector":"(CVSS:9.3/AARS:2.0)"}` + "\n", "", 0},
		// Golden v0.8 #28: 0 + 10 × 0.5 × 1 = 5, × 0.83 = 4.15 → 4.2 (exact decimal; a float gives 4.1).
		{"v0.8 JSON", []string{"--cvss-score", "0.0", "--factors", "1,1,1,1,1,0,0,0,0,0", "--thm", "1.00", "--mf", "0.83", "--json"}, "",
			`{"edition":"v0.8","cvss":"0.0","factor_sum":"5.0","aars":"5.0","raw":"4.15","score":"4.2","severity":"Medium"}` + "\n", "", 0},
		// Internet of Agents card: 1.5 × 0.65 × 1.1 = 1.0725; 9.5725 → 9.6 Critical.
		{"card", []string{"--edition", "card", "--cvss-score", "8.5", "--factors", "1,1,1,1,1,1,0.5,0,0,0", "--thm", "1.1"}, "",
			"9.6 Critical\n", "", 0},

		// Issue 10: the vector's Base score (9.3 in the reference file) enters,
		// and its E:U sets ThM 0.50: AARS = 0.7 × 0.65 × 0.5 = 0.2275,
		// 9.5275 → 9.5. Exploit maturity counts once.
		{"vector with E:U", []string{"--edition", "v0.8", "--cvss", eU, "--factors", "1,1,1,1,0.5,0.5,0.5,0,0,1", "--json"}, "",
			`{"edition":"v0.8","cvss":"9.3","factor_sum":"6.5","aars":"0.2275","raw":"9.5275","score":"9.5","severity":"Critical"}` + "\n", "", 0},
		{"vector with E:U and a contradicting ThM", []string{"--edition", "v0.8", "--cvss", eU, "--factors", "1,1,1,1,0.5,0.5,0.5,0,0,1", "--thm", "0.97", "--json"}, "",
			"", "0.97 (Proof-of-Concept), but the CVSS vector's Exploit Maturity E:U (Unreported) sets it to 0.50", 1},
		{"factor off the grid", []string{"--cvss-score", "9.3", "--factors", "0,0.7,0,0,0,0,0,0,0,0"}, "",
			"", "External Tool Control Surface (tools): 0.7 is not allowed in OWASP AIVSS v0.8; it takes 0, 0.5 or 1", 1},
		{"nine factors", []string{"--cvss-score", "9.3", "--factors", "0,0,0,0,0,0,0,0,0"}, "",
			"", "factors: want 10 values in v0.8's order", 1},
		{"not a number", []string{"--cvss-score", "9.3", "--factors", "0,0,0,0,0,0,0,0,0,0", "--thm", "high"}, "",
			"", `thm: decimal "high"`, 1},
		{"bad vector", []string{"--cvss", "CVSS:4.0/AV:X", "--factors", "0,0,0,0,0,0,0,0,0,0"}, "",
			"", "cvss: ", 1},
		{"v0.5 with a mitigation factor", []string{"--edition", "v0.5", "--cvss-score", "9.3", "--factors", "0,0,0,0,0,0,0,0,0,0", "--mf", "0.83"}, "",
			"", "OWASP AIVSS v0.5; it has no mitigation factor", 1},

		{"unknown edition", []string{"--edition", "v0.9", "--cvss-score", "9.3", "--factors", "0,0,0,0,0,0,0,0,0,0"}, "",
			"", `unknown AIVSS edition "v0.9"; editions are v0.8, v0.5, card`, 2},
		{"no CVSS", []string{"--factors", "0,0,0,0,0,0,0,0,0,0"}, "", "", "give --cvss VECTOR or --cvss-score N", 2},
		{"both CVSS forms", []string{"--cvss", "CVSS:4.0/AV:N", "--cvss-score", "1", "--factors", "0,0,0,0,0,0,0,0,0,0"}, "",
			"", "give --cvss or --cvss-score, not both", 2},
		{"no factors", []string{"--cvss-score", "1"}, "", "", "missing --factors", 2},
		{"positional argument", []string{"--cvss-score", "1", "--factors", "0,0,0,0,0,0,0,0,0,0", "extra"}, "",
			"", `unexpected argument "extra"`, 2},
		{"unknown flag", []string{"--colour"}, "", "", "flag provided but not defined", 2},
		{"help", []string{"-h"}, "", "", "usage: threatcard score", 0},

		{"batch", []string{"--batch"},
			`{"cvss_score":9.4,"factors":[1,1,1,1,1,1,0.5,1,1,0.5]}` + "\n" + `{"edition":"v0.5","cvss_score":"9.4","factors":[1,1,1,1,1,0,0,0,0,0]}` + "\n",
			`{"edition":"v0.8","cvss":"9.4","factor_sum":"9.0","aars":"0.5238","raw":"9.9238","score":"9.9","severity":"Critical"}` + "\n" +
				// Golden v0.5 #39: raw 6.984 shows 7.0, banded Medium.
				`{"edition":"v0.5","cvss":"9.4","factor_sum":"5.0","aars":"5.0","raw":"6.984","score":"7.0","severity":"Medium","vector":"(CVSS:9.4/AARS:5.0)"}` + "\n",
			"", 0},
		{"batch with an error line", []string{"--batch"},
			`{"cvss_score":9.3}` + "\n" + `{"cvss_score":9.4,"factors":[1,1,1,1,1,1,0.5,1,1,0.5]}`,
			`{"error":"line 1: factors: want 10 values in v0.8's order (autonomy, tools, language, context, non_determinism, opacity, persistence, identity, multi_agent, self_mod), got 0"}` + "\n" +
				`{"edition":"v0.8","cvss":"9.4","factor_sum":"9.0","aars":"0.5238","raw":"9.9238","score":"9.9","severity":"Critical"}` + "\n",
			"", 1},
		{"batch with a scoring flag", []string{"--batch", "--edition", "v0.5"}, "", "", "drop --edition", 2},
		{"batch, empty input", []string{"--batch"}, "", "", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status := run(append([]string{"score"}, tc.args...), strings.NewReader(tc.stdin), &out, &errOut)
			if status != tc.status {
				t.Errorf("exit status %d, want %d (stderr %q)", status, tc.status, errOut.String())
			}
			if out.String() != tc.stdout {
				t.Errorf("stdout\n got %q\nwant %q", out.String(), tc.stdout)
			}
			if !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("stderr %q, want it to contain %q", errOut.String(), tc.stderr)
			}
		})
	}
}
