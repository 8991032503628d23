package export

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// MaxJSON is the size in bytes of the largest document ParseJSON reads:
// room for a card at every limit, with every character escaped.
//
// Deprecated: threatcard's JSON is package cardjson now (format
// threatcard/2, with findings); this copy stays until its last user,
// app/ui's share_testdata_test.go, moves there.
const MaxJSON = 1 << 20

// ParseJSON reads a card from JSON of format threatcard/1, as JSON writes
// it, strictly: an unknown or duplicate key, a value of the wrong type, a
// format other than threatcard/1, a layer out of place or a card that
// breaks card.Validate is an *ImportError naming the JSON path.
//
// It is lenient where that loses nothing: a decimal may be a string or a
// number; a key left out means empty text, an unset input, no threats;
// only "format", "aivss", "aivss.edition", "maestro", "maestro.layers"
// (the seven layers, L1 first) and each layer's "layer" are required. The
// informative fields (aivss.score, aivss.severity, aivss.missing, a
// threat's name and risk) must have the right type and are otherwise
// ignored; a layer's name, if given, must be the layer's.
//
// Deprecated: threatcard's JSON is package cardjson now (format
// threatcard/2, with findings); this copy stays until its last user,
// app/ui's share_testdata_test.go, moves there.
func ParseJSON(data []byte) (*card.Card, error) {
	if len(data) > MaxJSON {
		return nil, &ImportError{Msg: fmt.Sprintf("the document is %d bytes; the limit is %d", len(data), MaxJSON)}
	}
	if !utf8.Valid(data) {
		n := 0
		for len(data[n:]) > 0 {
			r, size := utf8.DecodeRune(data[n:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			n += size
		}
		return nil, &ImportError{Msg: fmt.Sprintf("not valid UTF-8 at byte %d", n)}
	}
	root, err := parseValue(data)
	if err != nil {
		return nil, err
	}
	if root.kind != kObject {
		return nil, &ImportError{Msg: "not a threatcard export: the document is " + root.kind.String() + ", not an object"}
	}
	f, ok := root.get("format")
	if !ok {
		return nil, &ImportError{Msg: `not a threatcard export: it has no "format" field`}
	}
	if f.kind != kString {
		return nil, typeError("format", f, `the string "`+Format+`"`)
	}
	if f.text != Format {
		return nil, &ImportError{Path: "format", Msg: fmt.Sprintf("is %s; this threatcard reads %q", quoteClip(f.text), Format)}
	}
	c := &card.Card{}
	for _, m := range root.members {
		p := join("", m.key)
		switch m.key {
		case "format":
		case "title":
			err = str(m.val, p, &c.Title)
		case "summary":
			err = str(m.val, p, &c.Summary)
		case "aivss":
			err = parseAIVSS(m.val, p, &c.AIVSS)
		case "maestro":
			err = parseMaestro(m.val, p, &c.MAESTRO)
		default:
			err = unknown(p)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := required(root, "", "aivss", "maestro"); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, validationError(err)
	}
	return c, nil
}

func parseAIVSS(v value, path string, in *card.Inputs) error {
	if v.kind != kObject {
		return typeError(path, v, "an object")
	}
	if err := required(v, path, "edition"); err != nil {
		return err
	}
	e, _ := v.get("edition")
	ep := join(path, "edition")
	if err := str(e, ep, &in.Edition); err != nil {
		return err
	}
	ed, err := aivss.Lookup(in.Edition)
	if err != nil {
		return &ImportError{Path: ep, Msg: (&aivss.UnknownEditionError{ID: in.Edition}).Error()}
	}
	for _, m := range v.members {
		p := join(path, m.key)
		var err error
		switch m.key {
		case "edition":
		case "cvss_vector":
			switch {
			case m.val.kind == kNull:
			case m.val.kind != kString:
				err = typeError(p, m.val, "a CVSS v4.0 vector string, or null")
			case m.val.text == "":
				err = &ImportError{Path: p, Msg: "is empty; give null for no vector"}
			default:
				// A vector that parses is written in its canonical form, as
				// link.Decode does: one card, one spelling.
				in.CVSSVector = m.val.text
				if v, perr := cvss4.Parse(m.val.text); perr == nil {
					in.CVSSVector = v.String()
				}
			}
		case "cvss_score":
			in.CVSSScore, err = optDecimal(m.val, p)
		case "factors":
			err = parseFactors(m.val, p, ed, &in.Factors)
		case "thm":
			in.ThM, err = optDecimal(m.val, p)
		case "mf":
			in.MF, err = optDecimal(m.val, p)
		case "score", "severity":
			if m.val.kind != kString && m.val.kind != kNull {
				err = typeError(p, m.val, "a string or null (the field is informative)")
			}
		case "missing":
			err = stringList(m.val, p)
		case "cvss_base", "thm_from_vector":
			if m.val.kind != kString {
				err = typeError(p, m.val, "a string (the field is informative)")
			}
		case "cvss_other":
			if m.val.kind != kObject {
				err = typeError(p, m.val, "an object (the field is informative)")
			}
		default:
			err = unknown(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func parseFactors(v value, path string, ed *aivss.Edition, fs *[card.NumFactors]decimal.Optional) error {
	if v.kind != kObject {
		return typeError(path, v, "an object of factor values keyed by factor id")
	}
	for _, m := range v.members {
		p := join(path, m.key)
		i, ok := ed.FactorIndex(m.key)
		if !ok {
			ids := make([]string, len(ed.Factors))
			for j, f := range ed.Factors {
				ids[j] = f.ID
			}
			return &ImportError{Path: p, Msg: "unknown field: " + ed.ID + " has no such factor; its factors are " + strings.Join(ids, ", ")}
		}
		var err error
		if fs[i], err = optDecimal(m.val, p); err != nil {
			return err
		}
	}
	return nil
}

func parseMaestro(v value, path string, mo *maestro.Model) error {
	if v.kind != kObject {
		return typeError(path, v, "an object")
	}
	if err := required(v, path, "layers"); err != nil {
		return err
	}
	for _, m := range v.members {
		p := join(path, m.key)
		switch m.key {
		case "layers":
			if m.val.kind != kArray {
				return typeError(p, m.val, "an array of the seven layers")
			}
			if n := len(m.val.items); n != maestro.NumLayers {
				return &ImportError{Path: p, Msg: fmt.Sprintf("has %d entries; it lists the %d layers, L1 to L7 in order", n, maestro.NumLayers)}
			}
			for i, item := range m.val.items {
				if err := parseLayer(item, fmt.Sprintf("%s[%d]", p, i), maestro.Layer(i+1), mo.Layer(maestro.Layer(i+1))); err != nil {
					return err
				}
			}
		case "cross_layer":
			ts, err := parseThreats(m.val, p, true)
			if err != nil {
				return err
			}
			mo.CrossLayer = ts
		default:
			return unknown(p)
		}
	}
	return nil
}

func parseLayer(v value, path string, l maestro.Layer, e *maestro.LayerEntry) error {
	if v.kind != kObject {
		return typeError(path, v, "an object")
	}
	if err := required(v, path, "layer"); err != nil {
		return err
	}
	for _, m := range v.members {
		p := join(path, m.key)
		var err error
		switch m.key {
		case "layer":
			if m.val.kind != kNumber || m.val.text != strconv.Itoa(int(l)) {
				err = &ImportError{Path: p, Msg: fmt.Sprintf("is %s; the layers are listed L1 to L7 in order, so this entry is layer %d", show(m.val), l)}
			}
		case "name":
			if m.val.kind != kString || m.val.text != l.Name() {
				err = &ImportError{Path: p, Msg: fmt.Sprintf("is %s; layer %d is %q", show(m.val), l, l.Name())}
			}
		case "status":
			var s string
			if err = str(m.val, p, &s); err == nil {
				e.Status, err = oneOf(s, p, maestro.ParseStatus, statusNames)
			}
		case "notes":
			err = str(m.val, p, &e.Notes)
		case "threats":
			e.Threats, err = parseThreats(m.val, p, false)
		default:
			err = unknown(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func parseThreats(v value, path string, cross bool) ([]maestro.Threat, error) {
	if v.kind != kArray {
		return nil, typeError(path, v, "an array of threats")
	}
	var ts []maestro.Threat
	for i, item := range v.items {
		t, err := parseThreat(item, fmt.Sprintf("%s[%d]", path, i), cross)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, nil
}

func parseThreat(v value, path string, cross bool) (maestro.Threat, error) {
	var t maestro.Threat
	if v.kind != kObject {
		return t, typeError(path, v, "an object")
	}
	for _, m := range v.members {
		p := join(path, m.key)
		var err error
		switch m.key {
		case "catalog_id":
			err = str(m.val, p, &t.CatalogID)
		case "title":
			err = str(m.val, p, &t.Title)
		case "name":
			if m.val.kind != kString {
				err = typeError(p, m.val, "a string (the field is informative)")
			}
		case "description":
			err = str(m.val, p, &t.Description)
		case "layers":
			if !cross {
				err = &ImportError{Path: p, Msg: "only a cross-layer threat lists layers; a threat under a layer touches that layer"}
				break
			}
			t.Layers, err = crossLayers(m.val, p)
		case "asi":
			t.ASI, err = optEnum(m.val, p, maestro.ParseASI, asiNames)
		case "likelihood":
			t.Likelihood, err = optEnum(m.val, p, levelParser("likelihood"), levelNames)
		case "impact":
			t.Impact, err = optEnum(m.val, p, levelParser("impact"), levelNames)
		case "risk":
			if m.val.kind != kString && m.val.kind != kNull {
				err = typeError(p, m.val, "a string or null (the field is informative)")
			}
		case "mitigations":
			err = str(m.val, p, &t.Mitigations)
		case "state":
			var s string
			if err = str(m.val, p, &s); err == nil {
				t.State, err = oneOf(s, p, maestro.ParseState, stateNames)
			}
		default:
			err = unknown(p)
		}
		if err != nil {
			return t, err
		}
	}
	return t, nil
}

// crossLayers reads a cross-layer threat's layer numbers; card.Validate
// checks their order and count.
func crossLayers(v value, path string) ([]maestro.Layer, error) {
	if v.kind != kArray {
		return nil, typeError(path, v, "an array of layer numbers")
	}
	var ls []maestro.Layer
	for i, item := range v.items {
		n, err := strconv.Atoi(item.text)
		if item.kind != kNumber || err != nil || n < 1 || n > maestro.NumLayers {
			return nil, &ImportError{Path: fmt.Sprintf("%s[%d]", path, i), Msg: fmt.Sprintf("is %s; want a layer number, 1 to %d", show(item), maestro.NumLayers)}
		}
		ls = append(ls, maestro.Layer(n))
	}
	return ls, nil
}

// oneOf reads an identifier with parse and names the allowed values if it
// is not one of them.
func oneOf[T any](s, path string, parse func(string) (T, error), names []string) (T, error) {
	t, err := parse(s)
	if err == nil {
		return t, nil
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = strconv.Quote(n)
	}
	return t, &ImportError{Path: path, Msg: fmt.Sprintf("is %s; want one of %s", quoteClip(s), strings.Join(quoted, ", ")), Err: err}
}

// optEnum reads a rating or code that may be null for none. The empty
// string is refused: null says none.
func optEnum[T any](v value, path string, parse func(string) (T, error), names []string) (T, error) {
	var zero T
	switch {
	case v.kind == kNull:
		return zero, nil
	case v.kind != kString:
		return zero, typeError(path, v, "a string or null")
	case v.text == "":
		return zero, &ImportError{Path: path, Msg: "is empty; give null for none"}
	}
	return oneOf(v.text, path, parse, names)
}

// Allowed values, for error messages.
var (
	statusNames = []string{maestro.NotAssessed.String(), maestro.Mapped.String(), maestro.Uncertain.String()}
	stateNames  = []string{maestro.Open.String(), maestro.Mitigated.String(), maestro.Accepted.String()}
	levelNames  = []string{maestro.Low.String(), maestro.Medium.String(), maestro.High.String()}
	asiNames    = func() []string {
		var out []string
		for a := maestro.ASI(1); a <= maestro.NumASI; a++ {
			out = append(out, a.Code())
		}
		return out
	}()
)

func levelParser(field string) func(string) (maestro.Level, error) {
	return func(s string) (maestro.Level, error) { return maestro.ParseLevel(field, s) }
}

func optDecimal(v value, path string) (decimal.Optional, error) {
	switch v.kind {
	case kNull:
		return decimal.Optional{}, nil
	case kString, kNumber:
		d, err := decimal.Parse(v.text)
		if err != nil {
			return decimal.Optional{}, &ImportError{Path: path, Msg: err.Error(), Err: err}
		}
		return decimal.Some(d), nil
	}
	return decimal.Optional{}, typeError(path, v, `a decimal (a string such as "0.97", or a number) or null`)
}

func str(v value, path string, dst *string) error {
	if v.kind != kString {
		return typeError(path, v, "a string")
	}
	*dst = v.text
	return nil
}

func stringList(v value, path string) error {
	if v.kind != kArray {
		return typeError(path, v, "an array of strings (the field is informative)")
	}
	for i, item := range v.items {
		if item.kind != kString {
			return typeError(fmt.Sprintf("%s[%d]", path, i), item, "a string (the field is informative)")
		}
	}
	return nil
}

func (v value) get(key string) (value, bool) {
	for _, m := range v.members {
		if m.key == key {
			return m.val, true
		}
	}
	return value{}, false
}

func required(v value, path string, keys ...string) error {
	for _, k := range keys {
		if _, ok := v.get(k); !ok {
			msg := fmt.Sprintf("missing field %q", k)
			if path == "" {
				return &ImportError{Msg: msg}
			}
			return &ImportError{Path: path, Msg: msg}
		}
	}
	return nil
}

func unknown(path string) error { return &ImportError{Path: path, Msg: "unknown field"} }

func typeError(path string, v value, want string) error {
	return &ImportError{Path: path, Msg: "is " + v.kind.String() + "; want " + want}
}

// show describes a value in an error: a string or number as written,
// anything else by its kind.
func show(v value) string {
	switch v.kind {
	case kString:
		return quoteClip(v.text)
	case kNumber:
		return v.text
	}
	return v.kind.String()
}

// validationError turns card.Validate's error into one that names the
// JSON path of the field ("maestro.layers[2].threats[0].title").
func validationError(err error) error {
	fe, ok := errors.AsType[*card.FieldError](err)
	if !ok {
		return &ImportError{Msg: err.Error(), Err: err}
	}
	return &ImportError{Path: fe.Loc.Path(), Msg: fe.Msg, Err: err}
}
