package cardjson

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/jsonvalue"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Unmarshal reads a card from JSON of format threatcard/2 or threatcard/1,
// as Marshal (or threatcard/1's writer) writes it, strictly: an unknown or
// duplicate key, a value of the wrong type, another format, a layer out of
// place or a card that breaks card.Validate is a *jsonvalue.Error naming
// the JSON path. A threatcard/1 document has no findings: "aivss" on one
// of its threats is an unknown field.
//
// It is lenient where that loses nothing: a decimal may be a string or a
// number; a core-risk category may say "and" for "&"; a key left out means
// empty text, an unset input, no threats, not a finding; only "format",
// "aivss", "aivss.edition", "maestro", "maestro.layers" (the seven
// layers, L1 first), each layer's "layer" and each finding's "id" are
// required. The informative fields (score, severity, missing, inherited,
// cvss_base, cvss_other, thm_from_vector, a threat's name and risk) must
// have the right type and are otherwise ignored; a layer's name, if
// given, must be the layer's.
func Unmarshal(data []byte) (*card.Card, error) {
	root, err := jsonvalue.ParseLimits(data, jsonvalue.Limits{MaxSize: MaxSize, MaxDepth: maxDepth})
	if err != nil {
		return nil, err
	}
	doc, err := read(root)
	if err != nil {
		return nil, err
	}
	c := doc.card()
	if err := c.Validate(); err != nil {
		return nil, validationError(err)
	}
	return c, nil
}

// reader reads one document, of format threatcard/2 unless version1.
type reader struct {
	version1 bool
	ed       *aivss.Edition // the card's, known once aivss.edition is read
}

func read(root jsonvalue.Value) (*document, error) {
	if root.Kind != jsonvalue.Object {
		return nil, fail("", root, "not a threatcard export: the document is "+root.Kind.String()+", not an object")
	}
	f, ok := root.Get("format")
	if !ok {
		return nil, fail("", root, `not a threatcard export: it has no "format" field`)
	}
	formats := fmt.Sprintf("%q or %q", Format, Format1)
	if f.Kind != jsonvalue.String {
		return nil, typeError("format", f, "the string "+formats)
	}
	if f.Text != Format && f.Text != Format1 {
		return nil, fail("format", f, fmt.Sprintf("is %s; this threatcard reads %s", quoteClip(f.Text), formats))
	}
	r := &reader{version1: f.Text == Format1}
	doc := &document{Format: f.Text}
	if err := required(root, "", "aivss", "maestro"); err != nil {
		return nil, err
	}
	// The card's edition first: a finding's factors are keyed by its ids.
	a, _ := root.Get("aivss")
	if err := r.cardAIVSS(a, "aivss", &doc.AIVSS); err != nil {
		return nil, err
	}
	for _, m := range root.Members {
		p := jsonvalue.Join("", m.Key)
		var err error
		switch m.Key {
		case "format", "aivss":
		case "title":
			err = str(m.Value, p, &doc.Title)
		case "summary":
			err = str(m.Value, p, &doc.Summary)
		case "maestro":
			err = r.maestro(m.Value, p, &doc.MAESTRO)
		default:
			err = unknown(p, m.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	return doc, nil
}

func (r *reader) cardAIVSS(v jsonvalue.Value, path string, d *cardAIVSS) error {
	if v.Kind != jsonvalue.Object {
		return typeError(path, v, "an object")
	}
	if err := required(v, path, "edition"); err != nil {
		return err
	}
	e, _ := v.Get("edition")
	ep := jsonvalue.Join(path, "edition")
	if err := str(e, ep, &d.Edition); err != nil {
		return err
	}
	ed, err := aivss.Lookup(d.Edition)
	if err != nil {
		return fail(ep, e, (&aivss.UnknownEditionError{ID: d.Edition}).Error())
	}
	r.ed = ed
	d.Factors.ed = ed
	for _, m := range v.Members {
		if m.Key == "edition" {
			continue
		}
		p := jsonvalue.Join(path, m.Key)
		ok, err := r.input(m, p, &d.inputs)
		if !ok {
			ok, err = outcomeField(m, p)
		}
		if !ok {
			err = unknown(p, m.Value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// input reads m if it is one of the inputs a card and a finding share,
// and reports whether it is.
func (r *reader) input(m jsonvalue.Member, p string, d *inputs) (bool, error) {
	var err error
	switch m.Key {
	case "cvss_vector":
		var s string
		switch v := m.Value; {
		case v.Kind == jsonvalue.Null:
		case v.Kind != jsonvalue.String:
			err = typeError(p, v, "a CVSS v4.0 vector string, or null")
		case v.Text == "":
			err = fail(p, v, "is empty; give null for no vector")
		default:
			// A vector that parses is taken in its canonical form, as
			// link.Decode takes it: one card, one spelling.
			s = v.Text
			if vec, perr := cvss4.Parse(s); perr == nil {
				s = vec.String()
			}
		}
		d.CVSSVector = optText(s)
	case "cvss_score":
		var o decimal.Optional
		o, err = optDecimal(m.Value, p)
		d.CVSSScore = cvssScore(o)
	case "factors":
		d.Factors.ed = r.ed
		err = r.factors(m.Value, p, &d.Factors.values)
	case "thm":
		var o decimal.Optional
		o, err = optDecimal(m.Value, p)
		d.ThM = optDec(o)
	case "mf":
		var o decimal.Optional
		o, err = optDecimal(m.Value, p)
		d.MF = optDec(o)
	default:
		return false, nil
	}
	return true, err
}

// outcomeField checks m if it is an informative field of an outcome, and
// reports whether it is.
func outcomeField(m jsonvalue.Member, p string) (bool, error) {
	v := m.Value
	switch m.Key {
	case "score", "severity":
		if v.Kind != jsonvalue.String && v.Kind != jsonvalue.Null {
			return true, typeError(p, v, "a string or null (the field is informative)")
		}
	case "missing":
		return true, stringList(v, p)
	case "cvss_base", "thm_from_vector":
		if v.Kind != jsonvalue.String {
			return true, typeError(p, v, "a string (the field is informative)")
		}
	case "cvss_other":
		if v.Kind != jsonvalue.Object {
			return true, typeError(p, v, "an object (the field is informative)")
		}
	default:
		return false, nil
	}
	return true, nil
}

func (r *reader) factors(v jsonvalue.Value, path string, fs *[card.NumFactors]decimal.Optional) error {
	if v.Kind != jsonvalue.Object {
		return typeError(path, v, "an object of factor values keyed by factor id")
	}
	for _, m := range v.Members {
		p := jsonvalue.Join(path, m.Key)
		i, ok := r.ed.FactorIndex(m.Key)
		if !ok {
			ids := make([]string, len(r.ed.Factors))
			for j, f := range r.ed.Factors {
				ids[j] = f.ID
			}
			return fail(p, m.Value, "unknown field: "+r.ed.ID+" has no such factor; its factors are "+strings.Join(ids, ", "))
		}
		var err error
		if fs[i], err = optDecimal(m.Value, p); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) maestro(v jsonvalue.Value, path string, d *maestroDoc) error {
	if v.Kind != jsonvalue.Object {
		return typeError(path, v, "an object")
	}
	if err := required(v, path, "layers"); err != nil {
		return err
	}
	for _, m := range v.Members {
		p := jsonvalue.Join(path, m.Key)
		switch m.Key {
		case "layers":
			if m.Value.Kind != jsonvalue.Array {
				return typeError(p, m.Value, "an array of the seven layers")
			}
			if n := len(m.Value.Items); n != maestro.NumLayers {
				return fail(p, m.Value, fmt.Sprintf("has %d entries; it lists the %d layers, L1 to L7 in order", n, maestro.NumLayers))
			}
			d.Layers = make([]layerDoc, maestro.NumLayers)
			for i, item := range m.Value.Items {
				if err := r.layer(item, jsonvalue.Index(p, i), maestro.Layer(i+1), &d.Layers[i]); err != nil {
					return err
				}
			}
		case "cross_layer":
			ts, err := r.threats(m.Value, p, true)
			if err != nil {
				return err
			}
			d.CrossLayer = ts
		default:
			return unknown(p, m.Value)
		}
	}
	return nil
}

func (r *reader) layer(v jsonvalue.Value, path string, l maestro.Layer, d *layerDoc) error {
	if v.Kind != jsonvalue.Object {
		return typeError(path, v, "an object")
	}
	if err := required(v, path, "layer"); err != nil {
		return err
	}
	d.Layer, d.Name = int(l), l.Name()
	for _, m := range v.Members {
		p := jsonvalue.Join(path, m.Key)
		var err error
		switch m.Key {
		case "layer":
			if m.Value.Kind != jsonvalue.Number || m.Value.Text != strconv.Itoa(int(l)) {
				err = fail(p, m.Value, fmt.Sprintf("is %s; the layers are listed L1 to L7 in order, so this entry is layer %d", show(m.Value), l))
			}
		case "name":
			if m.Value.Kind != jsonvalue.String || m.Value.Text != l.Name() {
				err = fail(p, m.Value, fmt.Sprintf("is %s; layer %d is %q", show(m.Value), l, l.Name()))
			}
		case "status":
			var s maestro.Status
			s, err = enum(m.Value, p, maestro.ParseStatus, statusNames)
			d.Status = status(s)
		case "notes":
			err = str(m.Value, p, &d.Notes)
		case "threats":
			d.Threats, err = r.threats(m.Value, p, false)
		default:
			err = unknown(p, m.Value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) threats(v jsonvalue.Value, path string, cross bool) ([]threatDoc, error) {
	if v.Kind != jsonvalue.Array {
		return nil, typeError(path, v, "an array of threats")
	}
	ts := make([]threatDoc, len(v.Items))
	for i, item := range v.Items {
		if err := r.threat(item, jsonvalue.Index(path, i), cross, &ts[i]); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

func (r *reader) threat(v jsonvalue.Value, path string, cross bool, d *threatDoc) error {
	if v.Kind != jsonvalue.Object {
		return typeError(path, v, "an object")
	}
	for _, m := range v.Members {
		p := jsonvalue.Join(path, m.Key)
		var err error
		switch m.Key {
		case "catalog_id":
			err = str(m.Value, p, &d.CatalogID)
		case "title":
			err = str(m.Value, p, &d.Title)
		case "name":
			if m.Value.Kind != jsonvalue.String {
				err = typeError(p, m.Value, "a string (the field is informative)")
			}
		case "description":
			err = str(m.Value, p, &d.Description)
		case "layers":
			if !cross {
				err = fail(p, m.Value, "only a cross-layer threat lists layers; a threat under a layer touches that layer")
				break
			}
			var ls []int
			ls, err = crossLayers(m.Value, p)
			d.Layers = &ls
		case "asi":
			var a maestro.ASI
			a, err = optEnum(m.Value, p, maestro.ParseASI, asiNames)
			d.ASI = asi(a)
		case "likelihood":
			var l maestro.Level
			l, err = optEnum(m.Value, p, levelParser("likelihood"), levelNames)
			d.Likelihood = level(l)
		case "impact":
			var l maestro.Level
			l, err = optEnum(m.Value, p, levelParser("impact"), levelNames)
			d.Impact = level(l)
		case "risk":
			if m.Value.Kind != jsonvalue.String && m.Value.Kind != jsonvalue.Null {
				err = typeError(p, m.Value, "a string or null (the field is informative)")
			}
		case "mitigations":
			err = str(m.Value, p, &d.Mitigations)
		case "state":
			var s maestro.State
			s, err = enum(m.Value, p, maestro.ParseState, stateNames)
			d.State = state(s)
		case "aivss":
			if r.version1 {
				err = unknown(p, m.Value)
				break
			}
			d.AIVSS, err = r.finding(m.Value, p)
		default:
			err = unknown(p, m.Value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// finding reads a threat's "aivss": nil for null.
func (r *reader) finding(v jsonvalue.Value, path string) (*finding, error) {
	switch v.Kind {
	case jsonvalue.Null:
		return nil, nil
	case jsonvalue.Object:
	default:
		return nil, typeError(path, v, "an object (the threat's AIVSS assessment, which makes it a finding) or null")
	}
	if err := required(v, path, "id"); err != nil {
		return nil, err
	}
	d := &finding{inputs: inputs{Factors: factors{ed: r.ed}}}
	for _, m := range v.Members {
		p := jsonvalue.Join(path, m.Key)
		var err error
		switch m.Key {
		case "id":
			if err = str(m.Value, p, &d.ID); err == nil && d.ID == "" {
				err = fail(p, m.Value, "is empty; a finding needs an id (a threat that is not a finding has null for aivss)")
			}
		case "category":
			var c corerisk.Risk
			c, err = optEnum(m.Value, p, corerisk.Parse, categoryNames)
			d.Category = category(c)
		case "inherited":
			err = stringList(m.Value, p)
		default:
			var ok bool
			if ok, err = r.input(m, p, &d.inputs); !ok {
				if ok, err = outcomeField(m, p); !ok {
					err = unknown(p, m.Value)
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}

// card is the card the document holds; card.Validate checks it.
func (d *document) card() *card.Card {
	c := &card.Card{Title: d.Title, Summary: d.Summary}
	c.AIVSS = card.Inputs{Edition: d.AIVSS.Edition}
	in := &d.AIVSS.inputs
	c.AIVSS.CVSSVector, c.AIVSS.CVSSScore = string(in.CVSSVector), decimal.Optional(in.CVSSScore)
	c.AIVSS.Factors, c.AIVSS.ThM, c.AIVSS.MF = in.Factors.values, decimal.Optional(in.ThM), decimal.Optional(in.MF)
	for i, l := range d.MAESTRO.Layers {
		e := c.MAESTRO.Layer(maestro.Layer(i + 1))
		e.Status, e.Notes = maestro.Status(l.Status), l.Notes
		e.Threats = threats(l.Threats)
	}
	c.MAESTRO.CrossLayer = threats(d.MAESTRO.CrossLayer)
	return c
}

func threats(ds []threatDoc) []maestro.Threat {
	if len(ds) == 0 {
		return nil
	}
	ts := make([]maestro.Threat, len(ds))
	for i, d := range ds {
		t := maestro.Threat{CatalogID: d.CatalogID, Title: d.Title, Description: d.Description,
			ASI: maestro.ASI(d.ASI), Likelihood: maestro.Level(d.Likelihood), Impact: maestro.Level(d.Impact),
			Mitigations: d.Mitigations, State: maestro.State(d.State)}
		if d.Layers != nil {
			for _, l := range *d.Layers {
				t.Layers = append(t.Layers, maestro.Layer(l))
			}
		}
		if f := d.AIVSS; f != nil {
			t.AIVSS = maestro.Assessment{ID: f.ID, Category: corerisk.Risk(f.Category),
				CVSSVector: string(f.CVSSVector), CVSSScore: decimal.Optional(f.CVSSScore),
				Factors: f.Factors.values, ThM: decimal.Optional(f.ThM), MF: decimal.Optional(f.MF)}
		}
		ts[i] = t
	}
	return ts
}

// crossLayers reads a cross-layer threat's layer numbers; card.Validate
// checks their order and count.
func crossLayers(v jsonvalue.Value, path string) ([]int, error) {
	if v.Kind != jsonvalue.Array {
		return nil, typeError(path, v, "an array of layer numbers")
	}
	ls := []int{}
	for i, item := range v.Items {
		n, err := strconv.Atoi(item.Text)
		if item.Kind != jsonvalue.Number || err != nil || n < 1 || n > maestro.NumLayers {
			return nil, fail(jsonvalue.Index(path, i), item, fmt.Sprintf("is %s; want a layer number, 1 to %d", show(item), maestro.NumLayers))
		}
		ls = append(ls, n)
	}
	return ls, nil
}

// enum reads a string that must be one of names.
func enum[T any](v jsonvalue.Value, path string, parse func(string) (T, error), names []string) (T, error) {
	var s string
	if err := str(v, path, &s); err != nil {
		var zero T
		return zero, err
	}
	return oneOf(v, path, parse, names)
}

// oneOf reads v's text with parse and names the allowed values if it is
// not one of them.
func oneOf[T any](v jsonvalue.Value, path string, parse func(string) (T, error), names []string) (T, error) {
	t, err := parse(v.Text)
	if err == nil {
		return t, nil
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = strconv.Quote(n)
	}
	e := fail(path, v, fmt.Sprintf("is %s; want one of %s", quoteClip(v.Text), strings.Join(quoted, ", ")))
	e.Err = err
	return t, e
}

// optEnum reads a rating, code or category that may be null for none.
// The empty string is refused: null says none.
func optEnum[T any](v jsonvalue.Value, path string, parse func(string) (T, error), names []string) (T, error) {
	var zero T
	switch {
	case v.Kind == jsonvalue.Null:
		return zero, nil
	case v.Kind != jsonvalue.String:
		return zero, typeError(path, v, "a string or null")
	case v.Text == "":
		return zero, fail(path, v, "is empty; give null for none")
	}
	return oneOf(v, path, parse, names)
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
	categoryNames = func() []string {
		var out []string
		for _, r := range corerisk.All() {
			out = append(out, r.String())
		}
		return out
	}()
)

func levelParser(field string) func(string) (maestro.Level, error) {
	return func(s string) (maestro.Level, error) { return maestro.ParseLevel(field, s) }
}

func optDecimal(v jsonvalue.Value, path string) (decimal.Optional, error) {
	switch v.Kind {
	case jsonvalue.Null:
		return decimal.Optional{}, nil
	case jsonvalue.String, jsonvalue.Number:
		d, err := decimal.Parse(v.Text)
		if err != nil {
			e := fail(path, v, err.Error())
			e.Err = err
			return decimal.Optional{}, e
		}
		return decimal.Some(d), nil
	}
	return decimal.Optional{}, typeError(path, v, `a decimal (a string such as "0.97", or a number) or null`)
}

func str(v jsonvalue.Value, path string, dst *string) error {
	if v.Kind != jsonvalue.String {
		return typeError(path, v, "a string")
	}
	*dst = v.Text
	return nil
}

func stringList(v jsonvalue.Value, path string) error {
	if v.Kind != jsonvalue.Array {
		return typeError(path, v, "an array of strings (the field is informative)")
	}
	for i, item := range v.Items {
		if item.Kind != jsonvalue.String {
			return typeError(jsonvalue.Index(path, i), item, "a string (the field is informative)")
		}
	}
	return nil
}

func required(v jsonvalue.Value, path string, keys ...string) error {
	for _, k := range keys {
		if _, ok := v.Get(k); !ok {
			return fail(path, v, fmt.Sprintf("missing field %q", k))
		}
	}
	return nil
}

// fail is an error about the value v at path.
func fail(path string, v jsonvalue.Value, msg string) *jsonvalue.Error {
	return &jsonvalue.Error{Path: path, Offset: v.Offset, Msg: msg}
}

func unknown(path string, v jsonvalue.Value) error { return fail(path, v, "unknown field") }

func typeError(path string, v jsonvalue.Value, want string) error {
	return fail(path, v, "is "+v.Kind.String()+"; want "+want)
}

// show describes a value in an error: a string or number as written,
// anything else by its kind.
func show(v jsonvalue.Value) string {
	switch v.Kind {
	case jsonvalue.String:
		return quoteClip(v.Text)
	case jsonvalue.Number:
		return v.Text
	}
	return v.Kind.String()
}

// quoteClip quotes s for a message, cut after 60 characters.
func quoteClip(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return strconv.Quote(s)
}

// validationError turns card.Validate's error into one that names the
// JSON path of the field ("maestro.layers[2].threats[0].title").
func validationError(err error) error {
	fe, ok := errors.AsType[*card.FieldError](err)
	if !ok {
		return &jsonvalue.Error{Offset: -1, Msg: err.Error(), Err: err}
	}
	return &jsonvalue.Error{Path: fe.Loc.Path(), Offset: -1, Msg: fe.Msg, Err: err}
}
