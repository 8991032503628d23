package card

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/maestro"
)

// The limits every card keeps, counted in characters (Unicode code points).
// They bound what a link can make a browser hold and render.
const (
	MaxTitle       = 200   // the card's title, and a custom threat's title
	MaxSummary     = 2000  // the card's summary
	MaxNotes       = 4000  // one layer's notes
	MaxThreats     = 100   // threats in the whole model, cross-layer included
	MaxDescription = 2000  // one threat's description
	MaxMitigations = 2000  // one threat's mitigations
	MaxCatalogID   = 64    // an unknown catalog id is kept, but not a long one
	MaxTotalText   = 60000 // all text of the card together
)

// Validate checks the card against the limits and the model's rules and
// returns the first problem found, as a *FieldError saying where.
func (c *Card) Validate() error {
	if err := checkText(Location{Section: SectionTitle}, c.Title, MaxTitle, false); err != nil {
		return err
	}
	if err := checkText(Location{Section: SectionSummary}, c.Summary, MaxSummary, true); err != nil {
		return err
	}
	if err := c.AIVSS.validate(); err != nil {
		return err
	}
	m := &c.MAESTRO
	if n := m.NumThreats(); n > MaxThreats {
		return &FieldError{Loc: Location{Section: SectionMAESTRO}, Msg: fmt.Sprintf("has %d threats; the limit is %d", n, MaxThreats)}
	}
	findingIDs := map[string]bool{}
	threat := func(loc Location, t *maestro.Threat, cross bool) error {
		at := func(field string) Location { l := loc; l.Field = field; return l }
		switch {
		case t.CatalogID == "" && strings.TrimSpace(t.Title) == "" && !t.AIVSS.Scored():
			return &FieldError{Loc: loc, Msg: "needs a catalog id or a title"}
		case t.CatalogID != "" && t.Title != "":
			return &FieldError{Loc: loc, Msg: "has both a catalog id and a title; a catalog threat takes its name from the catalog"}
		}
		if err := checkText(at("catalog_id"), t.CatalogID, MaxCatalogID, false); err != nil {
			return err
		}
		if err := checkText(at("title"), t.Title, MaxTitle, false); err != nil {
			return err
		}
		if err := checkText(at("description"), t.Description, MaxDescription, true); err != nil {
			return err
		}
		if err := checkText(at("mitigations"), t.Mitigations, MaxMitigations, true); err != nil {
			return err
		}
		if !t.ASI.Valid() || !t.Likelihood.Valid() || !t.Impact.Valid() || !t.State.Valid() {
			return &FieldError{Loc: loc, Msg: "has an ASI code, likelihood, impact or state out of range"}
		}
		if err := c.validateFinding(loc, t, findingIDs); err != nil {
			return err
		}
		if !cross {
			if len(t.Layers) != 0 {
				return &FieldError{Loc: at("layers"), Msg: "must be empty for a threat under one layer; a threat touching several layers belongs to Cross-Layer"}
			}
			return nil
		}
		if len(t.Layers) == 1 {
			return &FieldError{Loc: at("layers"), Msg: "lists one layer; a cross-layer threat touches none named or at least two"}
		}
		for i, l := range t.Layers {
			if !l.Valid() {
				return &FieldError{Loc: at("layers"), Msg: fmt.Sprintf("have layer %d; layers are 1 to 7", l)}
			}
			if i > 0 && t.Layers[i-1] >= l {
				return &FieldError{Loc: at("layers"), Msg: "must be ascending and distinct"}
			}
		}
		return nil
	}
	for i := range m.Layers {
		e := &m.Layers[i]
		layer := Location{Section: SectionLayer, Layer: maestro.Layer(i + 1)}
		if !e.Status.Valid() {
			return &FieldError{Loc: Location{Section: SectionLayer, Layer: layer.Layer, Field: "status"}, Msg: "is out of range"}
		}
		if err := checkText(Location{Section: SectionLayer, Layer: layer.Layer, Field: "notes"}, e.Notes, MaxNotes, true); err != nil {
			return err
		}
		for j := range e.Threats {
			loc := layer
			loc.Threat = j + 1
			if err := threat(loc, &e.Threats[j], false); err != nil {
				return err
			}
		}
	}
	for j := range m.CrossLayer {
		if err := threat(Location{Section: SectionCrossLayer, Threat: j + 1}, &m.CrossLayer[j], true); err != nil {
			return err
		}
	}
	if total := c.TextChars(); total > MaxTotalText {
		return &FieldError{Loc: Location{Section: SectionCard}, Msg: fmt.Sprintf("has %d characters of text in all; the limit is %d", total, MaxTotalText)}
	}
	return nil
}

// TextChars counts the characters of all the card's text, which
// MaxTotalText bounds.
func (c *Card) TextChars() int {
	n := utf8.RuneCountInString(c.Title) + utf8.RuneCountInString(c.Summary)
	threats := func(ts []maestro.Threat) {
		for i := range ts {
			t := &ts[i]
			n += utf8.RuneCountInString(t.CatalogID) + utf8.RuneCountInString(t.Title) +
				utf8.RuneCountInString(t.Description) + utf8.RuneCountInString(t.Mitigations) +
				utf8.RuneCountInString(t.AIVSS.ID)
		}
	}
	for i := range c.MAESTRO.Layers {
		n += utf8.RuneCountInString(c.MAESTRO.Layers[i].Notes)
		threats(c.MAESTRO.Layers[i].Threats)
	}
	threats(c.MAESTRO.CrossLayer)
	return n
}

// checkText checks one text field of a card against its limit.
func checkText(loc Location, s string, max int, multiline bool) error {
	if !utf8.ValidString(s) {
		return &FieldError{Loc: loc, Msg: "is not valid UTF-8"}
	}
	n := utf8.RuneCountInString(s)
	if n > max {
		return &FieldError{Loc: loc, Msg: fmt.Sprintf("has %d characters; the limit is %d", n, max)}
	}
	for _, r := range s {
		if r == '\n' && multiline {
			continue
		}
		if unicode.IsControl(r) {
			return &FieldError{Loc: loc, Msg: fmt.Sprintf("contains the control character %U", r)}
		}
	}
	return nil
}
