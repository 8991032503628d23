package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/cvss4"
)

// Results are from the golden vectors (testdata/aivss-vectors.json) and
// the published cards, as noted per line.
func TestScoreLineResults(t *testing.T) {
	for _, c := range []struct {
		name, line, want string
	}{
		{
			// v0.8 §3.6.1: AARS 0.5238, raw 9.9238, 9.9 Critical; ThM and MF defaults 0.97 and 1.00.
			"v0.8 worked example, defaults, numbers",
			`{"cvss_score":9.4,"factors":[1,1,1,1,1,1,0.5,1,1,0.5]}`,
			`{"edition":"v0.8","cvss":"9.4","factor_sum":"9.0","aars":"0.5238","raw":"9.9238","score":"9.9","severity":"Critical"}`,
		},
		{
			// The same from its CVSS v4.0 vector, with strings.
			"v0.8 worked example, vector and strings",
			`{"edition":"v0.8","cvss":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",` +
				`"factors":["1","1","1","1","1","1","0.5","1","1","0.5"],"thm":"0.97","mf":"1.00"}`,
			`{"edition":"v0.8","cvss":"9.4","factor_sum":"9.0","aars":"0.5238","raw":"9.9238","score":"9.9","severity":"Critical"}`,
		},
		{
			// Golden v0.8 #31 (sum 1.5 of 0.5 + 1): raw 4.05 → 4.1, exact decimal.
			"v0.8 decimal tie 4.05",
			`{"cvss_score":"3.0","factors":[0.5,1,0,0,0,0,0,0,0,0],"thm":1.00,"mf":1}`,
			`{"edition":"v0.8","cvss":"3.0","factor_sum":"1.5","aars":"1.05","raw":"4.05","score":"4.1","severity":"Medium"}`,
		},
		{
			// Golden v0.5 #7 (the reference calculator's defaults): raw 5.4805, 5.5, vector (CVSS:9.3/AARS:2.0).
			"v0.5 calculator defaults",
			`{"edition":"v0.5","cvss":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",` +
				`"factors":[0.5,0.5,0.5,0.5,0,0,0,0,0,0]}`,
			`{"edition":"v0.5","cvss":"9.3","factor_sum":"2.0","aars":"2.0","raw":"5.4805","score":"5.5","severity":"Medium","vector":"(CVSS:9.3/AARS:2.0)"}`,
		},
		{
			// Golden v0.5 #39 (index 38): raw 6.984 shows 7.0 but bands Medium; ThM default 0.97.
			"v0.5 banded on the raw score",
			`{"edition":"v0.5","cvss_score":"9.4","factors":[1,1,1,1,1,0,0,0,0,0]}`,
			`{"edition":"v0.5","cvss":"9.4","factor_sum":"5.0","aars":"5.0","raw":"6.984","score":"7.0","severity":"Medium","vector":"(CVSS:9.4/AARS:5.0)"}`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := ScoreLine([]byte(c.line))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(AppendResult(nil, &r)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestScoreLineErrors(t *testing.T) {
	const zeros = `[0,0,0,0,0,0,0,0,0,0]`
	for _, c := range []struct {
		name, line, want string
	}{
		{"factor off the grid", `{"cvss_score":9.3,"factors":[0,0.7,0,0,0,0,0,0,0,0]}`,
			"External Tool Control Surface (tools): 0.7 is not allowed in OWASP AIVSS v0.8; it takes 0, 0.5 or 1"},
		{"unknown key", `{"cvss_score":9.3,"factors":` + zeros + `,"bogus":1}`,
			`"bogus": unknown key; keys are edition, cvss, cvss_score, factors, thm, mf`},
		{"repeated key", `{"cvss_score":9.3,"cvss_score":9.4,"factors":` + zeros + `}`,
			`"cvss_score": given twice`},
		{"vector and score", `{"cvss":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N","cvss_score":9.3,"factors":` + zeros + `}`,
			"cvss: give cvss (a vector) or cvss_score (a number), not both"},
		{"no CVSS", `{"factors":` + zeros + `}`,
			"cvss: missing; give cvss (a CVSS v4.0 vector) or cvss_score (0.0 to 10.0)"},
		{"nine factors", `{"cvss_score":1,"factors":[0,0,0,0,0,0,0,0,0]}`,
			"factors: want 10 values in v0.8's order (autonomy, tools, language, context, non_determinism, opacity, persistence, identity, multi_agent, self_mod), got 9"},
		{"eleven factors", `{"cvss_score":1,"factors":[0,0,0,0,0,0,0,0,0,0,0]}`,
			"factors: more than 10 values"},
		{"factor not a number", `{"cvss_score":1,"factors":[0,0,"x",0,0,0,0,0,0,0]}`,
			`factors[2] (language): decimal "x": not a plain decimal number (digits, then an optional point and decimals)`},
		{"factor an object", `{"cvss_score":1,"factors":[0,{},0,0,0,0,0,0,0,0]}`,
			"factors[1]: want a number (or a decimal string), got an object"},
		{"factors not an array", `{"cvss_score":1,"factors":"0,0"}`,
			"factors: want an array of 10 numbers, got a string"},
		{"null ThM", `{"cvss_score":1,"factors":` + zeros + `,"thm":null}`,
			"thm: want a number (or a decimal string), got null"},
		{"exponent", `{"cvss_score":1,"factors":` + zeros + `,"thm":1e-1}`,
			`thm: decimal "1e-1": not a plain decimal number (digits, then an optional point and decimals)`},
		{"negative", `{"cvss_score":-1,"factors":` + zeros + `}`,
			`cvss_score: decimal "-1": not a plain decimal number (digits, then an optional point and decimals)`},
		{"CVSS out of range", `{"cvss_score":"10.5","factors":` + zeros + `}`,
			"CVSS: 10.5 is not allowed in OWASP AIVSS v0.8; a CVSS v4.0 base score is 0.0 to 10.0 with one decimal"},
		{"unknown edition", `{"edition":"v0.9","cvss_score":1,"factors":` + zeros + `}`,
			`edition: unknown AIVSS edition "v0.9"; editions are v0.8, v0.5, card`},
		{"empty edition", `{"edition":"","cvss_score":1,"factors":` + zeros + `}`,
			"edition: empty; leave the key out for v0.8"},
		{"edition a number", `{"edition":0.8,"cvss_score":1,"factors":` + zeros + `}`,
			"edition: want a string, got a number"},
		{"v0.5 has no MF", `{"edition":"v0.5","cvss_score":1,"factors":` + zeros + `,"mf":0.83}`,
			"MF: 0.83 is not allowed in OWASP AIVSS v0.5; it has no mitigation factor; leave MF out (or give 1)"},
		{"an array", `[1,2]`, "want a JSON object {…} with the keys edition, cvss, cvss_score, factors, thm, mf"},
		{"two objects", `{"cvss_score":1,"factors":` + zeros + `} {}`, "more after the JSON object; put one object on each line"},
		{"cut short", `{"cvss_score":1,"factors":[0,0`, "not valid JSON: the line ends inside the object"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ScoreLine([]byte(c.line))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != c.want {
				t.Errorf("error\n%s\nwant\n%s", err, c.want)
			}
		})
	}
}

// A vector with Threat metrics enters with its Base score, as in the app
// (v0.8 §3.1.1): the reference file scores this vector's Base metrics 7.3
// (its CVSS-BT score with E:U, 4.1, must not be used). With every factor 0
// the v0.8 uplift is 0, so AIVSS is 7.3 too. Its E:U sets ThM; a ThM that
// says otherwise is an error naming both.
func TestScoreLineTakesTheVectorsBaseScoreAndItsExploitMaturity(t *testing.T) {
	const vec = "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U"
	for _, thm := range []string{"", `,"thm":0.5`} {
		r, err := ScoreLine([]byte(`{"cvss":"` + vec + `","factors":[0,0,0,0,0,0,0,0,0,0]` + thm + `}`))
		if err != nil {
			t.Fatal(err)
		}
		if r.CVSS != "7.3" || r.Score != "7.3" || r.Severity != "High" {
			t.Fatalf("thm %q: cvss %s, score %s %s; want 7.3, 7.3 High", thm, r.CVSS, r.Score, r.Severity)
		}
	}
	_, err := ScoreLine([]byte(`{"cvss":"` + vec + `","factors":[0,0,0,0,0,0,0,0,0,0],"thm":0.97}`))
	if err == nil || !strings.Contains(err.Error(), "0.97 (Proof-of-Concept)") || !strings.Contains(err.Error(), "E:U (Unreported)") {
		t.Fatalf("ThM 0.97 beside E:U: error %v; want one naming both", err)
	}
}

func TestScoreLineBadVector(t *testing.T) {
	_, err := ScoreLine([]byte(`{"cvss":"CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N","factors":[0,0,0,0,0,0,0,0,0,0]}`))
	var pe *cvss4.ParseError
	if !errors.As(err, &pe) || pe.Metric != "AV" || !strings.HasPrefix(err.Error(), "cvss: ") {
		t.Errorf("err %v, want a cvss: error wrapping the CVSS parse error about AV", err)
	}
}

func TestScoreLineNotJSON(t *testing.T) {
	_, err := ScoreLine([]byte(`nope`))
	if err == nil || !strings.HasPrefix(err.Error(), "not valid JSON at byte ") {
		t.Errorf("err %v, want not valid JSON at byte …", err)
	}
}

func TestRun(t *testing.T) {
	in := strings.Join([]string{
		`{"cvss_score":9.4,"factors":[1,1,1,1,1,1,0.5,1,1,0.5]}`,
		``,
		`{"cvss_score":9.3,"factors":[0,0.7,0,0,0,0,0,0,0,0]}` + "\r",
		`{"edition":"card","cvss_score":"8.5","factors":[1,1,1,1,1,0,0,0,0,0]}`, // 1.5 × 0.5 × 1 = 0.75; 9.25 → 9.2 (ties to even)
	}, "\n") // no newline after the last line
	var out bytes.Buffer
	sum, err := Run(strings.NewReader(in), &out)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		`{"edition":"v0.8","cvss":"9.4","factor_sum":"9.0","aars":"0.5238","raw":"9.9238","score":"9.9","severity":"Critical"}`,
		`{"error":"line 2: empty line; each line is one JSON object"}`,
		`{"error":"line 3: External Tool Control Surface (tools): 0.7 is not allowed in OWASP AIVSS v0.8; it takes 0, 0.5 or 1"}`,
		`{"edition":"card","cvss":"8.5","factor_sum":"5.0","aars":"0.75","raw":"9.25","score":"9.2","severity":"Critical"}`,
	}, "\n") + "\n"
	if out.String() != want {
		t.Errorf("output\n%s\nwant\n%s", out.String(), want)
	}
	if sum != (Summary{Lines: 4, Failed: 2}) {
		t.Errorf("summary %+v, want 4 lines, 2 failed", sum)
	}
}

func TestRunLongLine(t *testing.T) {
	in := `{"cvss_score":1,"factors":[` + strings.Repeat("0,", MaxLine) + "0]}\n" +
		`{"cvss_score":1,"factors":[0,0,0,0,0,0,0,0,0,0]}` + "\n"
	var out bytes.Buffer
	sum, err := Run(strings.NewReader(in), &out)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"error":"line 1: longer than 65536 bytes"}` + "\n" +
		`{"edition":"v0.8","cvss":"1.0","factor_sum":"0.0","aars":"0.0","raw":"1.0","score":"1.0","severity":"Low"}` + "\n"
	if out.String() != want || sum != (Summary{Lines: 2, Failed: 1}) {
		t.Errorf("output\n%s\nsummary %+v; want\n%s", out.String(), sum, want)
	}
}

// Error messages quote input; the error line must stay one valid JSON line.
func TestAppendErrorEscapes(t *testing.T) {
	_, err := ScoreLine([]byte("{\"a\\u0000\\n\\\"<\\ud800\":1}"))
	if err == nil {
		t.Fatal("no error")
	}
	b := AppendError(nil, err)
	if !json.Valid(b) || bytes.ContainsAny(b, "\n\x00") {
		t.Errorf("not one valid JSON line: %q", b)
	}
}

func FuzzScoreLine(f *testing.F) {
	for _, s := range []string{
		`{"cvss_score":9.4,"factors":[1,1,1,1,1,1,0.5,1,1,0.5]}`,
		`{"edition":"v0.5","cvss":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N","factors":[0.5,0.5,0.5,0.5,0,0,0,0,0,0],"thm":"0.91"}`,
		`{"edition":"card","cvss_score":"1.5","factors":["0.6",0,0,0,0,0,0,0,0,0],"thm":0.9,"mf":0.7}`,
		`{"cvss_score":1,"factors":[0,0`, `[]`, `{"x":{}}`, `{}`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		r, err := ScoreLine(line)
		var out []byte
		if err != nil {
			out = AppendError(nil, err)
		} else {
			out = AppendResult(nil, &r)
		}
		if !json.Valid(out) {
			t.Errorf("output is not valid JSON: %q", out)
		}
	})
}

// The card edition computes in float64 (AARS 0.5296200000000003, raw
// 9.229619999999999 for these inputs); the JSON carries the numbers as a
// person writes them, worked by hand: AARS = 1.3 × 0.42 × 0.97 = 0.52962,
// raw 9.22962, each at most four decimals.
func TestAppendResultWritesNoFloatNoise(t *testing.T) {
	r, err := ScoreLine([]byte(`{"edition":"card","cvss_score":"8.7","factors":[0.42,0.42,0.42,0.42,0.42,0.42,0.42,0.42,0.42,0.42],"thm":0.97,"mf":1}`))
	if err != nil {
		t.Fatal(err)
	}
	got := string(AppendResult(nil, &r))
	want := `{"edition":"card","cvss":"8.7","factor_sum":"4.2","aars":"0.5296","raw":"9.2296","score":"9.2","severity":"Critical"}`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
