package link

import (
	"encoding/binary"
	"errors"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The text part of a link (d=…) is, before compression, a sequence of
// records, each a tag byte and its content, tags in ascending order:
//
//	tagTitle   string
//	tagSummary string
//	tagLayer   layer(1..7) status(0..2) notes:string      one per layer that has either
//	tagThreat  section(1..7, 8 = cross-layer) fields     in section order
//
// A string is its byte length as a uvarint, then its UTF-8 bytes. A
// threat's fields are: catalog id, title, description, mitigations (four
// strings; a finding's custom threat may have an empty title), then one byte each for ASI (0..10), likelihood (0..3), impact
// (0..3) and state (0..2), then for a cross-layer threat the number of
// layers and one byte per layer. Every byte has one meaning, so a card has
// exactly one encoding and the decoder can refuse anything else. Formats 1
// and 2 share it; a threat's AIVSS assessment is not in it, but in the
// findings' parts of format 2 (see finding.go).
const (
	tagTitle   = 1
	tagSummary = 2
	tagLayer   = 3
	tagThreat  = 4
)

// crossSection is the section number of Cross-Layer in a threat record.
const crossSection = maestro.NumLayers + 1

// hasText reports whether the card has anything that goes in the text part.
func hasText(c *card.Card) bool {
	if c.Title != "" || c.Summary != "" || len(c.MAESTRO.CrossLayer) > 0 {
		return true
	}
	for i := range c.MAESTRO.Layers {
		e := &c.MAESTRO.Layers[i]
		if e.Status != maestro.NotAssessed || e.Notes != "" || len(e.Threats) > 0 {
			return true
		}
	}
	return false
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendThreat(b []byte, section int, t *maestro.Threat) []byte {
	b = append(b, tagThreat, byte(section))
	b = appendString(b, t.CatalogID)
	b = appendString(b, t.Title)
	b = appendString(b, t.Description)
	b = appendString(b, t.Mitigations)
	b = append(b, byte(t.ASI), byte(t.Likelihood), byte(t.Impact), byte(t.State))
	if section == crossSection {
		b = append(b, byte(len(t.Layers)))
		for _, l := range t.Layers {
			b = append(b, byte(l))
		}
	}
	return b
}

// marshalText returns the uncompressed text part of c.
func marshalText(c *card.Card) []byte {
	var b []byte
	if c.Title != "" {
		b = append(b, tagTitle)
		b = appendString(b, c.Title)
	}
	if c.Summary != "" {
		b = append(b, tagSummary)
		b = appendString(b, c.Summary)
	}
	m := &c.MAESTRO
	for i := range m.Layers {
		e := &m.Layers[i]
		if e.Status == maestro.NotAssessed && e.Notes == "" {
			continue
		}
		b = append(b, tagLayer, byte(i+1), byte(e.Status))
		b = appendString(b, e.Notes)
	}
	for i := range m.Layers {
		for j := range m.Layers[i].Threats {
			b = appendThreat(b, i+1, &m.Layers[i].Threats[j])
		}
	}
	for j := range m.CrossLayer {
		b = appendThreat(b, crossSection, &m.CrossLayer[j])
	}
	return b
}

// textReader reads the records of a text part, refusing anything that
// the encoder would not have written.
type textReader struct {
	b   []byte
	pos int
	// partial is set to read what a cut link left of the text data: the
	// data may then end anywhere, but the string it ends in must look like
	// text as far as it goes (see plausibleText).
	partial bool
}

func (r *textReader) fail(format string, args ...any) *Error {
	return errorf("d", -1, "text data, byte %d: "+format, append([]any{r.pos}, args...)...)
}

// short is fail for text data that ends before what it announces: the
// error wraps io.ErrUnexpectedEOF, which tells a cut link (whose text,
// as far as it goes, may end anywhere) from a corrupt one.
func (r *textReader) short(format string, args ...any) *Error {
	e := r.fail(format, args...)
	e.Err = io.ErrUnexpectedEOF
	return e
}

func (r *textReader) byte(what string) (byte, *Error) {
	if r.pos >= len(r.b) {
		return 0, r.short("the data ends where the %s should be", what)
	}
	c := r.b[r.pos]
	r.pos++
	return c, nil
}

func (r *textReader) small(what string, max byte) (byte, *Error) {
	at := r.pos
	c, err := r.byte(what)
	if err != nil {
		return 0, err
	}
	if c > max {
		r.pos = at
		return 0, r.fail("%s is %d; it takes 0 to %d", what, c, max)
	}
	return c, nil
}

// string reads a string of at most max characters.
func (r *textReader) string(what string, max int) (string, *Error) {
	at := r.pos
	n, k := binary.Uvarint(r.b[r.pos:])
	switch {
	case k == 0:
		return "", r.short("the data ends inside the length of the %s", what)
	case k < 0:
		return "", r.fail("the length of the %s is malformed", what)
	case k != len(binary.AppendUvarint(nil, n)):
		return "", r.fail("the length of the %s is not in its shortest form", what)
	case n > uint64(utf8.UTFMax*max):
		return "", r.fail("the %s has %d bytes, more than %d characters can take", what, n, max)
	}
	r.pos += k
	if rest := r.b[r.pos:]; n > uint64(len(rest)) {
		r.pos = at
		if r.partial && !plausibleText(rest) {
			return "", r.fail("the %s is not text", what)
		}
		return "", r.short("the %s has %d bytes but the data ends after %d", what, n, len(rest))
	}
	s := string(r.b[r.pos : r.pos+int(n)])
	if !utf8.ValidString(s) {
		return "", r.fail("%s is not valid UTF-8", what)
	}
	r.pos += int(n)
	return s, nil
}

func (r *textReader) threat(section int) (maestro.Threat, *Error) {
	var t maestro.Threat
	var err *Error
	if t.CatalogID, err = r.string("threat catalog id", card.MaxCatalogID); err != nil {
		return t, err
	}
	if t.Title, err = r.string("threat title", card.MaxTitle); err != nil {
		return t, err
	}
	if t.Description, err = r.string("threat description", card.MaxDescription); err != nil {
		return t, err
	}
	if t.Mitigations, err = r.string("threat mitigations", card.MaxMitigations); err != nil {
		return t, err
	}
	var c byte
	if c, err = r.small("ASI code", maestro.NumASI); err != nil {
		return t, err
	}
	t.ASI = maestro.ASI(c)
	if c, err = r.small("likelihood", byte(maestro.High)); err != nil {
		return t, err
	}
	t.Likelihood = maestro.Level(c)
	if c, err = r.small("impact", byte(maestro.High)); err != nil {
		return t, err
	}
	t.Impact = maestro.Level(c)
	if c, err = r.small("threat state", byte(maestro.Accepted)); err != nil {
		return t, err
	}
	t.State = maestro.State(c)
	if section == crossSection {
		n, err := r.small("number of layers", maestro.NumLayers)
		if err != nil {
			return t, err
		}
		for range n {
			l, err := r.small("layer", maestro.NumLayers)
			if err != nil {
				return t, err
			}
			t.Layers = append(t.Layers, maestro.Layer(l))
		}
	}
	return t, nil
}

// unmarshalText fills c's text fields from b.
func unmarshalText(b []byte, c *card.Card) *Error {
	r := &textReader{b: b}
	if len(b) == 0 {
		return r.fail("empty text data; a link without text has no d= part")
	}
	return r.records(c)
}

// textBeginning reports whether b, the text data a cut link left, is the
// beginning of the text data of a valid card of the given edition and
// findings: its records, as far as they go, break no rule of the format or
// of a card (the threats they have take their findings), and the one it
// ends in looks like text.
func textBeginning(b []byte, edition string, fs []finding) bool {
	c := &card.Card{AIVSS: card.Inputs{Edition: edition}}
	r := &textReader{b: b, partial: true}
	if err := r.records(c); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return false
	}
	// A threat of a finding may have no title. The findings' own inputs
	// are not the text's to judge (a cut link reports them wrong as they
	// are): a threat here takes an assessment of an id alone.
	for i := range fs {
		f := &fs[i]
		ts := c.MAESTRO.CrossLayer
		if f.place.section != crossSection {
			ts = c.MAESTRO.Layer(maestro.Layer(f.place.section)).Threats
		}
		if f.place.n <= len(ts) {
			ts[f.place.n-1].AIVSS = maestro.Assessment{ID: "F-" + strconv.Itoa(i+1)}
		}
	}
	return c.Validate() == nil
}

// plausibleText reports whether b can begin a string of a valid card:
// UTF-8 (its last character may be cut) without control characters but
// the newline.
func plausibleText(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return !utf8.FullRune(b)
		}
		if unicode.IsControl(r) && r != '\n' {
			return false
		}
		b = b[n:]
	}
	return true
}

// records reads the records of r's data into c.
func (r *textReader) records(c *card.Card) *Error {
	b := r.b
	lastTag, lastLayer, lastSection := byte(0), 0, 0
	for r.pos < len(b) {
		at := r.pos
		tag, _ := r.byte("tag")
		if tag < lastTag || (tag == lastTag && tag < tagLayer) {
			r.pos = at
			return r.fail("record %d is out of order or repeated", tag)
		}
		lastTag = tag
		var err *Error
		switch tag {
		case tagTitle:
			if c.Title, err = r.string("title", card.MaxTitle); err == nil && c.Title == "" {
				r.pos = at
				return r.fail("empty title record; an empty title has no record")
			}
		case tagSummary:
			if c.Summary, err = r.string("summary", card.MaxSummary); err == nil && c.Summary == "" {
				r.pos = at
				return r.fail("empty summary record; an empty summary has no record")
			}
		case tagLayer:
			var l, s byte
			if l, err = r.small("layer", maestro.NumLayers); err != nil {
				return err
			}
			if int(l) <= lastLayer {
				r.pos = at
				return r.fail("layer %d is out of order, repeated or 0", l)
			}
			lastLayer = int(l)
			if s, err = r.small("layer status", byte(maestro.Uncertain)); err != nil {
				return err
			}
			e := c.MAESTRO.Layer(maestro.Layer(l))
			e.Status = maestro.Status(s)
			if e.Notes, err = r.string("layer notes", card.MaxNotes); err != nil {
				return err
			}
			if e.Status == maestro.NotAssessed && e.Notes == "" {
				r.pos = at
				return r.fail("layer %d record is empty; an empty layer has no record", l)
			}
		case tagThreat:
			s, err := r.small("threat section", crossSection)
			if err != nil {
				return err
			}
			if s == 0 || int(s) < lastSection {
				r.pos = at
				return r.fail("threat section %d is out of order or 0", s)
			}
			lastSection = int(s)
			t, err := r.threat(int(s))
			if err != nil {
				return err
			}
			if s == crossSection {
				c.MAESTRO.CrossLayer = append(c.MAESTRO.CrossLayer, t)
			} else {
				e := c.MAESTRO.Layer(maestro.Layer(s))
				e.Threats = append(e.Threats, t)
			}
			if c.MAESTRO.NumThreats() > card.MaxThreats {
				return r.fail("more than %d threats", card.MaxThreats)
			}
		default:
			r.pos = at
			return r.fail("unknown record type %d", tag)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
