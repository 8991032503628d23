package jsonvalue

import (
	"strconv"
	"unicode/utf8"
)

// The limits Parse uses when Limits leaves them zero.
const (
	DefaultMaxSize  = 1 << 20 // bytes
	DefaultMaxDepth = 32      // arrays and objects nested in one another, the outermost included
)

// Limits bounds the documents ParseLimits reads; a zero field takes its
// default.
type Limits struct {
	MaxSize  int // the largest document, in bytes
	MaxDepth int // the deepest nesting of arrays and objects; the document's own object or array is 1
}

// Parse reads data as one JSON document with the default limits; see
// ParseLimits.
func Parse(data []byte) (Value, error) { return ParseLimits(data, Limits{}) }

// ParseLimits reads data as one JSON document: a single value, nothing
// after it but white space. It refuses, with an *Error, a document over
// lim.MaxSize bytes, one that is not valid UTF-8, not JSON (RFC 8259) or
// nested deeper than lim.MaxDepth, and an object that gives a key twice.
func ParseLimits(data []byte, lim Limits) (Value, error) {
	if lim.MaxSize <= 0 {
		lim.MaxSize = DefaultMaxSize
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = DefaultMaxDepth
	}
	if len(data) > lim.MaxSize {
		return Value{}, &Error{Offset: -1,
			Msg: "the document is " + strconv.Itoa(len(data)) + " bytes; the limit is " + strconv.Itoa(lim.MaxSize)}
	}
	if !utf8.Valid(data) {
		n := 0
		for n < len(data) {
			r, size := utf8.DecodeRune(data[n:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			n += size
		}
		return Value{}, textError(data, n, "", "not valid UTF-8 at byte "+strconv.Itoa(n))
	}
	p := parser{lex: NewLexer(data), maxDepth: lim.MaxDepth}
	tok, text, err := p.lex.Next()
	if err != nil {
		return Value{}, err
	}
	v, err := p.value(tok, text, 0)
	if err != nil {
		return Value{}, err
	}
	if tok, _, err := p.lex.Next(); err != nil || tok != TokEOF {
		off := p.lex.Start()
		return Value{}, textError(data, off, "", "more data after the JSON document, at byte "+strconv.Itoa(off))
	}
	return v, nil
}

// parser reads a Value tree from the lexer's tokens. The path to the
// value being read is kept as a stack of segments and only written out
// for an error.
type parser struct {
	lex      Lexer
	maxDepth int
	path     []segment
}

// segment is one step of a path: an object key, or an array index when
// key is not set.
type segment struct {
	key    string
	index  int
	member bool
}

func (p *parser) pathString() string {
	s := ""
	for _, seg := range p.path {
		if seg.member {
			s = Join(s, seg.key)
		} else {
			s = Index(s, seg.index)
		}
	}
	return s
}

// unexpected reports token tok (already read) where the grammar wants
// something else; context says what, as in "after object key".
func (p *parser) unexpected(tok Token, context string) error {
	if tok == TokEOF {
		n := len(p.lex.data)
		return textError(p.lex.data, n, "", "not valid JSON: the document ends early, at byte "+strconv.Itoa(n))
	}
	off := p.lex.Start()
	return p.lex.SyntaxError(off, "invalid character "+quoteChar(p.lex.data, off)+" "+context)
}

// value reads the value that starts with tok, at nesting depth (the
// number of arrays and objects around it).
func (p *parser) value(tok Token, text string, depth int) (Value, error) {
	v := Value{Offset: p.lex.Start()}
	switch tok {
	case TokString:
		v.Kind, v.Text = String, text
	case TokNumber:
		v.Kind, v.Text = Number, text
	case TokTrue:
		v.Kind, v.Text = Bool, "true"
	case TokFalse:
		v.Kind, v.Text = Bool, "false"
	case TokNull:
		v.Kind = Null
	case TokBeginArray, TokBeginObject:
		if depth >= p.maxDepth {
			return v, textError(p.lex.data, v.Offset, p.pathString(), "nested more than "+strconv.Itoa(p.maxDepth)+" deep")
		}
		if tok == TokBeginArray {
			return p.array(v, depth)
		}
		return p.object(v, depth)
	default:
		return v, p.unexpected(tok, "looking for beginning of value")
	}
	return v, nil
}

func (p *parser) array(v Value, depth int) (Value, error) {
	v.Kind = Array
	tok, text, err := p.lex.Next()
	if err != nil {
		return v, err
	}
	if tok == TokEndArray {
		return v, nil
	}
	for {
		p.path = append(p.path, segment{index: len(v.Items)})
		item, err := p.value(tok, text, depth+1)
		p.path = p.path[:len(p.path)-1]
		if err != nil {
			return v, err
		}
		v.Items = append(v.Items, item)
		if tok, _, err = p.lex.Next(); err != nil {
			return v, err
		}
		switch tok {
		case TokEndArray:
			return v, nil
		case TokComma:
		default:
			return v, p.unexpected(tok, "after array element")
		}
		if tok, text, err = p.lex.Next(); err != nil {
			return v, err
		}
	}
}

// manyKeys is the member count from which an object's keys are checked
// for duplicates with a map rather than by comparing with each.
const manyKeys = 16

func (p *parser) object(v Value, depth int) (Value, error) {
	v.Kind = Object
	tok, key, err := p.lex.Next()
	if err != nil {
		return v, err
	}
	if tok == TokEndObject {
		return v, nil
	}
	var seen map[string]struct{}
	for {
		if tok != TokString {
			return v, p.unexpected(tok, "looking for beginning of object key string")
		}
		keyOff := p.lex.Start()
		p.path = append(p.path, segment{key: key, member: true})
		if p.duplicate(v.Members, &seen, key) {
			return v, textError(p.lex.data, keyOff, p.pathString(), "duplicate field")
		}
		if tok, _, err = p.lex.Next(); err != nil {
			return v, err
		}
		if tok != TokColon {
			return v, p.unexpected(tok, "after object key")
		}
		vtok, text, err := p.lex.Next()
		if err != nil {
			return v, err
		}
		val, err := p.value(vtok, text, depth+1)
		p.path = p.path[:len(p.path)-1]
		if err != nil {
			return v, err
		}
		v.Members = append(v.Members, Member{Key: key, Value: val})
		if tok, _, err = p.lex.Next(); err != nil {
			return v, err
		}
		switch tok {
		case TokEndObject:
			return v, nil
		case TokComma:
		default:
			return v, p.unexpected(tok, "after object key:value pair")
		}
		if tok, key, err = p.lex.Next(); err != nil {
			return v, err
		}
	}
}

// duplicate tells whether key is among members' keys. From manyKeys
// members on it keeps them in *seen.
func (p *parser) duplicate(members []Member, seen *map[string]struct{}, key string) bool {
	if len(members) < manyKeys {
		for i := range members {
			if members[i].Key == key {
				return true
			}
		}
		return false
	}
	if *seen == nil {
		*seen = make(map[string]struct{}, 2*len(members))
		for i := range members {
			(*seen)[members[i].Key] = struct{}{}
		}
	}
	if _, ok := (*seen)[key]; ok {
		return true
	}
	(*seen)[key] = struct{}{}
	return false
}
