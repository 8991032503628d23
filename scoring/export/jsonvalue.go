package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// maxDepth bounds the nesting of a JSON document ParseJSON reads; a
// threatcard export nests five deep.
const maxDepth = 16

// kind is the type of a JSON value.
type kind uint8

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kArray
	kObject
)

func (k kind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}[k]
}

// value is a parsed JSON value that keeps what encoding/json's generic
// decoding loses: the order of an object's keys, its duplicate keys, and
// a number's text.
type value struct {
	kind    kind
	text    string   // a string's value, or a number's text
	items   []value  // an array's elements
	members []member // an object's members, in document order
}

type member struct {
	key string
	val value
}

// parseValue reads one JSON document: a single value and nothing after it.
func parseValue(data []byte) (value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := readValue(dec, "", 0)
	if err != nil {
		return value{}, err
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return value{}, &ImportError{Msg: fmt.Sprintf("more data after the JSON document, at byte %d", len(data)-len(rest))}
	}
	return v, nil
}

func readValue(dec *json.Decoder, path string, depth int) (value, error) {
	tok, err := dec.Token()
	if err != nil {
		return value{}, syntaxError(dec, err)
	}
	switch t := tok.(type) {
	case nil:
		return value{kind: kNull}, nil
	case bool:
		return value{kind: kBool}, nil
	case json.Number:
		return value{kind: kNumber, text: string(t)}, nil
	case string:
		return value{kind: kString, text: t}, nil
	case json.Delim:
		if depth >= maxDepth {
			return value{}, &ImportError{Path: path, Msg: fmt.Sprintf("nested more than %d deep", maxDepth)}
		}
		if t == '[' {
			v := value{kind: kArray}
			for dec.More() {
				item, err := readValue(dec, path+"["+strconv.Itoa(len(v.items))+"]", depth+1)
				if err != nil {
					return value{}, err
				}
				v.items = append(v.items, item)
			}
			if _, err := dec.Token(); err != nil { // ']'
				return value{}, syntaxError(dec, err)
			}
			return v, nil
		}
		v := value{kind: kObject}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return value{}, syntaxError(dec, err)
			}
			key := tok.(string) // the decoder allows only a string here
			p := join(path, key)
			for _, m := range v.members {
				if m.key == key {
					return value{}, &ImportError{Path: p, Msg: "duplicate field"}
				}
			}
			val, err := readValue(dec, p, depth+1)
			if err != nil {
				return value{}, err
			}
			v.members = append(v.members, member{key, val})
		}
		if _, err := dec.Token(); err != nil { // '}'
			return value{}, syntaxError(dec, err)
		}
		return v, nil
	}
	return value{}, &ImportError{Path: path, Msg: fmt.Sprintf("unexpected JSON token %v", tok)}
}

func syntaxError(dec *json.Decoder, err error) error {
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		return &ImportError{Msg: fmt.Sprintf("not valid JSON at byte %d: %s", se.Offset, se.Error()), Err: err}
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return &ImportError{Msg: fmt.Sprintf("not valid JSON: the document ends early, at byte %d", dec.InputOffset()), Err: err}
	}
	return &ImportError{Msg: "not valid JSON: " + err.Error(), Err: err}
}

// join appends an object key to a path: ".key", or ["key"] quoted for a
// key that is not a plain name.
func join(path, key string) string {
	plain := key != ""
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			plain = false
			break
		}
	}
	switch {
	case !plain:
		return path + "[" + quoteClip(key) + "]"
	case path == "":
		return key
	}
	return path + "." + key
}
