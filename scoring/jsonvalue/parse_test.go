package jsonvalue

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseValues(t *testing.T) {
	for _, c := range []struct {
		name, doc string
		want      Value
	}{
		{"null", `null`, Value{Kind: Null}},
		{"true after white space", " \t\r\ntrue", Value{Kind: Bool, Text: "true", Offset: 4}},
		{"false", `false`, Value{Kind: Bool, Text: "false"}},
		{"a number keeps its text", `-0.970E+01`, Value{Kind: Number, Text: "-0.970E+01"}},
		{"a string with escapes", `"a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"`, Value{Kind: String, Text: "a\"\\/\b\f\n\r\té😀"}},
		{"a lone surrogate reads as U+FFFD", `"\ud800x"`, Value{Kind: String, Text: "\uFFFDx"}},
		{"UTF-8 as is", `"é€😀"`, Value{Kind: String, Text: "é€😀"}},
		{"empty array and object", `[[],{}]`, Value{Kind: Array, Items: []Value{
			{Kind: Array, Offset: 1}, {Kind: Object, Offset: 4}}}},
		{"members in document order, with offsets", `{"b":1, "a":[true,null]}`, Value{Kind: Object, Members: []Member{
			{"b", Value{Kind: Number, Text: "1", Offset: 5}},
			{"a", Value{Kind: Array, Offset: 12, Items: []Value{{Kind: Bool, Text: "true", Offset: 13}, {Kind: Null, Offset: 18}}}},
		}}},
		{"keys that differ only by escapes are the same key only when equal", `{"a":1,"\u0062":2}`, Value{Kind: Object, Members: []Member{
			{"a", Value{Kind: Number, Text: "1", Offset: 5}}, {"b", Value{Kind: Number, Text: "2", Offset: 16}}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse([]byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Parse(%s)\n got %+v\nwant %+v", c.doc, got, c.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("[", 33) + strings.Repeat("]", 33)
	for _, c := range []struct {
		name, doc string
		want      Error
	}{
		{"empty", ``, Error{Offset: 0, Line: 1, Msg: "not valid JSON: the document ends early, at byte 0"}},
		{"ends inside an object", `{"format":`, Error{Offset: 10, Line: 1, Msg: "not valid JSON: the document ends early, at byte 10"}},
		{"ends inside an array", "[1,\n2", Error{Offset: 5, Line: 2, Msg: "not valid JSON: the document ends early, at byte 5"}},
		{"value without colon", `{"format" 1}`, Error{Offset: 10, Line: 1, Msg: "not valid JSON at byte 10: invalid character '1' after object key"}},
		{"string after key on line 3", "{\n  \"a\": 1,\n  \"b\" \"x\"\n}", Error{Offset: 18, Line: 3, Msg: `not valid JSON at byte 18: invalid character '"' after object key`}},
		{"leading zero", `{"a":01}`, Error{Offset: 6, Line: 1, Msg: "not valid JSON at byte 6: invalid character '1' after object key:value pair"}},
		{"missing comma in array", `[1 2]`, Error{Offset: 3, Line: 1, Msg: "not valid JSON at byte 3: invalid character '2' after array element"}},
		{"trailing comma in object", `{"a":1,}`, Error{Offset: 7, Line: 1, Msg: "not valid JSON at byte 7: invalid character '}' looking for beginning of object key string"}},
		{"trailing comma in array", `[1,]`, Error{Offset: 3, Line: 1, Msg: "not valid JSON at byte 3: invalid character ']' looking for beginning of value"}},
		{"number key", `{1:2}`, Error{Offset: 1, Line: 1, Msg: "not valid JSON at byte 1: invalid character '1' looking for beginning of object key string"}},
		{"close without open", `]`, Error{Offset: 0, Line: 1, Msg: "not valid JSON at byte 0: invalid character ']' looking for beginning of value"}},
		{"single quotes", `['a']`, Error{Offset: 1, Line: 1, Msg: `not valid JSON at byte 1: unexpected '\''`}},
		{"a word", `nope`, Error{Offset: 0, Line: 1, Msg: "not valid JSON at byte 0: unexpected 'n'"}},
		{"a capital literal", `True`, Error{Offset: 0, Line: 1, Msg: "not valid JSON at byte 0: unexpected 'T'"}},
		{"a non-ASCII character", `[é]`, Error{Offset: 1, Line: 1, Msg: "not valid JSON at byte 1: unexpected 'é'"}},
		{"point without digits", `1.`, Error{Offset: 2, Line: 1, Msg: "not valid JSON at byte 2: a number needs digits after the point"}},
		{"exponent without digits", `1e+`, Error{Offset: 3, Line: 1, Msg: "not valid JSON at byte 3: a number needs digits in its exponent"}},
		{"minus alone", `-`, Error{Offset: 1, Line: 1, Msg: "not valid JSON at byte 1: a number needs digits"}},
		{"plus sign", `+1`, Error{Offset: 0, Line: 1, Msg: "not valid JSON at byte 0: unexpected '+'"}},
		{"unclosed string", `["abc`, Error{Offset: 1, Line: 1, Msg: "not valid JSON at byte 1: the string is not closed"}},
		{"tab in a string", "[\"a\tb\"]", Error{Offset: 3, Line: 1, Msg: "not valid JSON at byte 3: control character in a string"}},
		{"unknown escape", `["\x"]`, Error{Offset: 2, Line: 1, Msg: `not valid JSON at byte 2: unknown escape 'x'`}},
		{"short unicode escape", `["\u12"]`, Error{Offset: 2, Line: 1, Msg: `not valid JSON at byte 2: \u needs four hex digits`}},
		{"invalid UTF-8", "{\"title\":\"a\xff\"}", Error{Offset: 11, Line: 1, Msg: "not valid UTF-8 at byte 11"}},
		{"a UTF-16 surrogate in UTF-8", "\"\xed\xa0\x80\"", Error{Offset: 1, Line: 1, Msg: "not valid UTF-8 at byte 1"}},
		{"data after the document", "{}\n {}", Error{Offset: 4, Line: 2, Msg: "more data after the JSON document, at byte 4"}},
		{"garbage after the document", "1 x", Error{Offset: 2, Line: 1, Msg: "more data after the JSON document, at byte 2"}},
		{"duplicate key", `{"a":1,"b":{"c":1,"c":2}}`, Error{Path: "b.c", Offset: 18, Line: 1, Msg: "duplicate field"}},
		{"duplicate key written with an escape", `{"ab":1,"a\u0062":2}`, Error{Path: "ab", Offset: 8, Line: 1, Msg: "duplicate field"}},
		{"duplicate odd key in an array", `[0,{"a b":1,"a b":2}]`, Error{Path: `[1]["a b"]`, Offset: 12, Line: 1, Msg: "duplicate field"}},
		{"nested too deep", deep, Error{Path: strings.Repeat("[0]", 32), Offset: 32, Line: 1, Msg: "nested more than 32 deep"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.doc))
			e, ok := errors.AsType[*Error](err)
			if !ok {
				t.Fatalf("Parse(%q): error %v (%T), want an *Error", c.doc, err, err)
			}
			if *e != c.want {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", c.doc, *e, c.want)
			}
		})
	}
}

func TestParseDuplicateKeysInALargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{`)
	for i := range 100 {
		b.WriteString(`"k` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `":0,`)
	}
	b.WriteString(`"kzz":1,"kab":2}`) // kzz is new; kab is the 27th key again
	_, err := Parse([]byte(b.String()))
	if e, ok := errors.AsType[*Error](err); !ok || e.Path != "kab" || e.Msg != "duplicate field" {
		t.Errorf("error %v; want kab: duplicate field", err)
	}
}

func TestParseLimits(t *testing.T) {
	for _, c := range []struct {
		name, doc string
		lim       Limits
		want      string // "" for accepted
	}{
		{"at the size limit", `[1,2]`, Limits{MaxSize: 5}, ""},
		{"over the size limit", `[1,2] `, Limits{MaxSize: 5}, "the document is 6 bytes; the limit is 5"},
		{"over the default size", `"` + strings.Repeat(" ", DefaultMaxSize-1) + `"`, Limits{}, "the document is 1048577 bytes; the limit is 1048576"},
		{"at the depth limit", `{"a":[{}]}`, Limits{MaxDepth: 3}, ""},
		{"over the depth limit", `{"a":[{"b":[]}]}`, Limits{MaxDepth: 3}, "a[0].b: nested more than 3 deep"},
		{"scalars do not nest", `[[1]]`, Limits{MaxDepth: 2}, ""},
		{"the default depth", strings.Repeat("[", 32) + strings.Repeat("]", 32), Limits{}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseLimits([]byte(c.doc), c.lim)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("error %q, want %q", got, c.want)
			}
		})
	}
	_, err := ParseLimits(make([]byte, 10), Limits{MaxSize: 9})
	if e, ok := errors.AsType[*Error](err); !ok || e.Offset != -1 || e.Line != 0 {
		t.Errorf("size error %+v; want offset -1, line 0", err)
	}
}

func TestGet(t *testing.T) {
	v, err := Parse([]byte(`{"a":1,"b":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	if b, ok := v.Get("b"); !ok || b.Kind != String || b.Text != "x" {
		t.Errorf("Get(b) = %+v, %v", b, ok)
	}
	if _, ok := v.Get("c"); ok {
		t.Error("Get(c) found a member")
	}
	if _, ok := (Value{Kind: Array}).Get("a"); ok {
		t.Error("Get on an array found a member")
	}
}

func TestPaths(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Join("", "maestro"), "maestro"},
		{Index(Join(Join("", "maestro"), "layers"), 2), "maestro.layers[2]"},
		{Join(Index(Join(Index("maestro.layers", 2), "threats"), 0), "state"), "maestro.layers[2].threats[0].state"},
		{Join("", "odd key"), `["odd key"]`},
		{Join("a", "b.c"), `a["b.c"]`},
		{Join("a", ""), `a[""]`},
		{Join("a", "snake_case-and-dash9"), "a.snake_case-and-dash9"},
		{Join("a", `q"`), `a["q\""]`},
		{Join("", strings.Repeat("é", 61)), `["` + strings.Repeat("é", 60) + `…"]`},
		{Index("", 3), "[3]"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{Null: "null", Bool: "a boolean", Number: "a number", String: "a string", Array: "an array", Object: "an object"}
	for k, w := range want {
		if k.String() != w {
			t.Errorf("%d: %q, want %q", k, k.String(), w)
		}
	}
}

func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		e    Error
		want string
	}{
		{Error{Path: "title", Msg: "duplicate field"}, "title: duplicate field"},
		{Error{Offset: 3, Line: 1, Msg: "not valid JSON at byte 3: x"}, "not valid JSON at byte 3: x"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	inner := errors.New("inner")
	if e := (&Error{Msg: "m", Err: inner}); !errors.Is(e, inner) {
		t.Error("Unwrap does not give Err")
	}
}

// FuzzParse: Parse never panics; what it accepts is valid JSON and UTF-8
// without a repeated key, and what it refuses is invalid JSON, invalid
// UTF-8, has a repeated key or nests too deep. Whatever it reads,
// encoding/json reads the same.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"a":[1,-0.5e+3,"x\u00e9\ud83d\ude00",true,false,null,{}]}`, `{"a":1,"a":2}`, `[`, `"\ud800"`,
		"\"a\xffb\"", ` 1 `, `{"format" 1}`, `[1,]`, `{"a":{"b":{"c":[[[[]]]]}}}`, `01`, `"\/"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := ParseLimits(data, Limits{MaxDepth: 8})
		valid := json.Valid(data) && utf8Valid(data)
		if err != nil {
			e, ok := errors.AsType[*Error](err)
			if !ok {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			if e.Offset < 0 || e.Offset > len(data) || e.Line < 1 {
				t.Fatalf("%q: error %+v names no place in the document", data, e)
			}
			if valid && !hasDuplicateKey(data) && !strings.HasSuffix(e.Msg, "deep") {
				t.Fatalf("%q: refused valid JSON: %v", data, err)
			}
			return
		}
		if !valid {
			t.Fatalf("accepted invalid JSON or UTF-8 %q", data)
		}
		if hasDuplicateKey(data) {
			t.Fatalf("accepted a repeated key: %q", data)
		}
		var std any
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.UseNumber()
		if err := dec.Decode(&std); err != nil {
			t.Fatal(err)
		}
		if !same(v, std) {
			t.Fatalf("%q: read %+v, encoding/json reads %#v", data, v, std)
		}
	})
}

func utf8Valid(b []byte) bool { return strings.ToValidUTF8(string(b), "\x00\x00") == string(b) }

// hasDuplicateKey tells whether some object in the valid JSON data gives a
// key twice, reading with encoding/json's Token API.
func hasDuplicateKey(data []byte) bool {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	var walk func() bool
	walk = func() bool {
		tok, _ := dec.Token()
		switch tok {
		case json.Delim('['):
			for dec.More() {
				if walk() {
					return true
				}
			}
			dec.Token()
		case json.Delim('{'):
			keys := map[string]bool{}
			for dec.More() {
				k, _ := dec.Token()
				if keys[k.(string)] {
					return true
				}
				keys[k.(string)] = true
				if walk() {
					return true
				}
			}
			dec.Token()
		}
		return false
	}
	return walk()
}

// same compares a Value with encoding/json's reading of the same text.
func same(v Value, std any) bool {
	switch s := std.(type) {
	case nil:
		return v.Kind == Null
	case bool:
		return v.Kind == Bool && v.Text == map[bool]string{true: "true", false: "false"}[s]
	case json.Number:
		return v.Kind == Number && v.Text == string(s)
	case string:
		return v.Kind == String && v.Text == s
	case []any:
		if v.Kind != Array || len(v.Items) != len(s) {
			return false
		}
		for i := range s {
			if !same(v.Items[i], s[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		if v.Kind != Object || len(v.Members) != len(s) {
			return false
		}
		for _, m := range v.Members {
			if !same(m.Value, s[m.Key]) {
				return false
			}
		}
		return true
	}
	return false
}
