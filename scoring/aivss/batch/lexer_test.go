package batch

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestParseLineJSONForms(t *testing.T) {
	for _, c := range []struct {
		name, line string
		want       Request
	}{
		{"spaces and tabs", " {\t\"cvss_score\" : 1 , \"factors\" : [ 0 , \"0.5\" ] }\r\n",
			Request{CVSSScore: "1", Factors: []string{"0", "0.5"}}},
		{"escapes in keys and strings", `{"edition":"v\u0030.8","cv\u0073s":"CVSS:4.0\/AV:N"}`,
			Request{Edition: "v0.8", CVSSVector: "CVSS:4.0/AV:N"}},
		{"empty object", `{}`, Request{}},
		{"empty array", `{"factors":[]}`, Request{Factors: []string{}}},
		{"numbers as written", `{"thm":0.970,"mf":1E0,"cvss_score":-0}`, Request{ThM: "0.970", MF: "1E0", CVSSScore: "-0"}},
		{"surrogate pair", `{"edition":"\ud83d\ude00"}`, Request{Edition: "😀"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseLine([]byte(c.line))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestParseLineMalformed(t *testing.T) {
	for _, c := range []struct {
		name, line, want string
	}{
		{"leading zero", `{"thm":01}`, "not valid JSON at byte 8: want a comma or the end of the object, got a number"}, // 0, then 1
		{"point without digits", `{"thm":1.}`, "not valid JSON at byte 9: a number needs digits after the point"},
		{"trailing comma in object", `{"thm":1,}`, "not valid JSON at byte 9: a comma before the end of the object"},
		{"trailing comma in array", `{"factors":[0,]}`, "not valid JSON at byte 14: want a value, got ']'"},
		{"missing colon", `{"thm" 1}`, "not valid JSON at byte 7: want a colon after the key, got a number"},
		{"unquoted key", `{thm:1}`, "not valid JSON at byte 1: unexpected 't'"},
		{"single quotes", `{'thm':1}`, "not valid JSON at byte 1: unexpected '\\''"},
		{"unclosed string", `{"thm`, "not valid JSON at byte 1: the string is not closed"},
		{"control character", "{\"edition\":\"v0\t8\"}", "not valid JSON at byte 14: control character in a string"},
		{"bad escape", `{"edition":"\x"}`, `not valid JSON at byte 12: unknown escape 'x'`},
		{"short unicode escape", `{"edition":"\u12"}`, `not valid JSON at byte 12: \u needs four hex digits`},
		{"ends after key", `{"thm"`, "not valid JSON: the line ends inside the object"},
		{"ends after value", `{"thm":1`, "not valid JSON: the line ends inside the object"},
		{"boolean", `{"mf":true}`, "mf: want a number (or a decimal string), got a boolean"},
		{"empty string number", `{"mf":""}`, "mf: empty; give a number, or leave the key out"},
		{"empty vector", `{"cvss":""}`, "cvss: empty; give a CVSS v4.0 vector"},
		{"long unknown key", `{"` + strings.Repeat("k", 40) + `":1}`, `"` + strings.Repeat("k", 32) + `"…: unknown key; keys are edition, cvss, cvss_score, factors, thm, mf`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseLine([]byte(c.line))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error\n%s\nwant it to contain\n%s", err, c.want)
			}
		})
	}
}

// FuzzParseLine checks the lexer against encoding/json: a line ParseLine
// takes is valid JSON, and encoding/json reads the same strings from it.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		`{"edition":"v0.5","cvss":"CVSS:4.0/AV:N","factors":[0.5,"1"],"thm":0.91,"mf":"1"}`,
		`{"edition":"v\u0030.8","cv\u0073s":"\ud83d\ude00\ud800x"}`,
		` { "factors" : [ ] } `, `{"thm":-0.5e+3}`, `{"mf":"a\"b\\c\/d\b\f\n\r\t"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		r, err := ParseLine(line)
		if err != nil {
			return
		}
		if !json.Valid(line) {
			t.Fatalf("ParseLine took invalid JSON %q", line)
		}
		var std struct {
			Edition   string      `json:"edition"`
			CVSS      string      `json:"cvss"`
			CVSSScore json.Number `json:"cvss_score"`
			Factors   []any       `json:"factors"`
			ThM       any         `json:"thm"`
			MF        any         `json:"mf"`
		}
		dec := json.NewDecoder(strings.NewReader(string(line)))
		dec.UseNumber()
		if err := dec.Decode(&std); err != nil {
			return // e.g. a string where json.Number wants a number; the strings are checked below only when it decodes
		}
		if std.Edition != r.Edition || std.CVSS != r.CVSSVector {
			t.Errorf("%q: edition %q cvss %q, encoding/json reads %q %q", line, r.Edition, r.CVSSVector, std.Edition, std.CVSS)
		}
		if len(std.Factors) != len(r.Factors) {
			t.Errorf("%q: %d factors, encoding/json reads %d", line, len(r.Factors), len(std.Factors))
		}
		for i, v := range std.Factors {
			if s := textOf(v); s != r.Factors[i] {
				t.Errorf("%q: factor %d %q, encoding/json reads %q", line, i, r.Factors[i], s)
			}
		}
		if textOf(std.ThM) != r.ThM || textOf(std.MF) != r.MF {
			t.Errorf("%q: thm %q mf %q, encoding/json reads %v %v", line, r.ThM, r.MF, std.ThM, std.MF)
		}
	})
}

func textOf(v any) string {
	switch v := v.(type) {
	case json.Number:
		return string(v)
	case string:
		return v
	}
	return ""
}
