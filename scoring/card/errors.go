package card

import (
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// FieldError reports a card field that breaks a limit or a rule. Where it
// is, is a Location, from which each reader writes its own words: a person
// reads Name ("Execution Autonomy", "the notes of L3 Agent Frameworks"), a
// program Path ("aivss.factors.autonomy", "maestro.layers[2].notes").
type FieldError struct {
	Loc Location
	Msg string // what is wrong, following the field's name: "has 4100 characters; the limit is 4000"
	Err error  // the underlying error, if any (*aivss.ThMConflictError)
}

// Error names the field in a person's words, then says what is wrong.
func (e *FieldError) Error() string { return e.Loc.Name() + " " + e.Loc.agree(e.Msg) }

// pluralVerbs are the verbs a message starts with, for a field whose name
// is plural ("the notes of L3 … have").
var pluralVerbs = map[string]string{"has": "have", "is": "are", "contains": "contain", "lists": "list"}

// agree makes msg's first word agree with the field's name.
func (l Location) agree(msg string) string {
	if l.Field != "notes" && l.Field != "mitigations" && l.Field != "layers" {
		return msg
	}
	verb, rest, _ := strings.Cut(msg, " ")
	if p, ok := pluralVerbs[verb]; ok {
		return p + " " + rest
	}
	return msg
}

func (e *FieldError) Unwrap() error { return e.Err }

// Section is the part of a card a Location is in.
type Section uint8

const (
	SectionCard       Section = iota // the card as a whole (its text in all)
	SectionTitle                     // the card's title
	SectionSummary                   // the card's summary
	SectionAIVSS                     // an AIVSS input (Location.Input)
	SectionMAESTRO                   // the threat model as a whole (its number of threats)
	SectionLayer                     // a MAESTRO layer (Location.Layer), or a threat under it
	SectionCrossLayer                // a cross-layer threat
)

// Input is an AIVSS input of a card.
type Input uint8

const (
	InputNone Input = iota
	InputEdition
	InputCVSSVector
	InputCVSSScore
	InputFactor // Location.Factor says which
	InputThM
	InputMF
)

// Location says where in a card a field is. A finding's AIVSS input is in
// the threat's section with its Input (and Factor) set.
type Location struct {
	Section Section
	Input   Input         // in SectionAIVSS, or of a finding
	Factor  aivss.Factor  // for InputFactor: the factor, in the card's edition
	Layer   maestro.Layer // in SectionLayer
	Threat  int           // a threat's position under its layer (or among the cross-layer threats), from 1; 0 when not a threat
	Field   string        // of a layer: "status", "notes"; of a threat: "catalog_id", "title", "description", "mitigations", "layers", and of its finding "id", "category"; "" for the whole
}

// inFinding reports whether l is an AIVSS input of a finding.
func (l Location) inFinding() bool {
	return l.Input != InputNone && (l.Section == SectionLayer || l.Section == SectionCrossLayer)
}

// aivssPart is l's AIVSS input alone, as the card's own input.
func (l Location) aivssPart() Location {
	return Location{Section: SectionAIVSS, Input: l.Input, Factor: l.Factor}
}

// Name is the field in a person's words, as the subject of a sentence:
// "the title", "Execution Autonomy", "the threat multiplier (ThM)", "the
// description of threat 2 of L3 Agent Frameworks".
func (l Location) Name() string {
	switch l.Section {
	case SectionTitle:
		return "the title"
	case SectionSummary:
		return "the summary"
	case SectionMAESTRO:
		return "the threat model"
	case SectionAIVSS:
		switch l.Input {
		case InputEdition:
			return "the AIVSS edition"
		case InputCVSSVector:
			return "the CVSS vector"
		case InputCVSSScore:
			return "the CVSS score"
		case InputFactor:
			return l.Factor.Name
		case InputThM:
			return "the threat multiplier (ThM)"
		case InputMF:
			return "the mitigation factor (MF)"
		}
		return "the AIVSS inputs"
	case SectionLayer, SectionCrossLayer:
		if l.inFinding() {
			threat := l
			threat.Input, threat.Factor, threat.Field = InputNone, aivss.Factor{}, ""
			return l.aivssPart().Name() + " of " + threat.Name()
		}
		where := l.Layer.String()
		if l.Section == SectionCrossLayer {
			where = "the cross-layer threats"
		}
		if l.Threat > 0 {
			where = "threat " + strconv.Itoa(l.Threat) + " of " + where
			if l.Section == SectionCrossLayer {
				where = "cross-layer threat " + strconv.Itoa(l.Threat)
			}
		}
		if l.Field == "" {
			return where
		}
		return "the " + fieldWords[l.Field] + " of " + where
	}
	return "the card"
}

// fieldWords are the layer and threat fields in words.
var fieldWords = map[string]string{
	"status": "status", "notes": "notes", "catalog_id": "catalog id", "title": "title",
	"description": "description", "mitigations": "mitigations", "layers": "layers",
	"id": "finding id", "category": "OWASP core-risk category",
}

// Path is the field's place in threatcard's JSON export: "title",
// "aivss.factors.autonomy", "maestro.layers[2].threats[0].title",
// "maestro.cross_layer[1].layers"; "" for the card as a whole.
func (l Location) Path() string {
	switch l.Section {
	case SectionTitle:
		return "title"
	case SectionSummary:
		return "summary"
	case SectionMAESTRO:
		return "maestro"
	case SectionAIVSS:
		switch l.Input {
		case InputEdition:
			return "aivss.edition"
		case InputCVSSVector:
			return "aivss.cvss_vector"
		case InputCVSSScore:
			return "aivss.cvss_score"
		case InputFactor:
			return "aivss.factors." + l.Factor.ID
		case InputThM:
			return "aivss.thm"
		case InputMF:
			return "aivss.mf"
		}
		return "aivss"
	case SectionLayer, SectionCrossLayer:
		p := "maestro.layers[" + strconv.Itoa(int(l.Layer)-1) + "]"
		if l.Threat > 0 {
			p += ".threats[" + strconv.Itoa(l.Threat-1) + "]"
		}
		if l.Section == SectionCrossLayer {
			p = "maestro.cross_layer"
			if l.Threat > 0 {
				p += "[" + strconv.Itoa(l.Threat-1) + "]"
			}
		}
		switch {
		case l.inFinding():
			p += "." + l.aivssPart().Path()
		case l.Field == "id" || l.Field == "category":
			p += ".aivss." + l.Field
		case l.Field != "":
			p += "." + l.Field
		}
		return p
	}
	return ""
}

// aivssField returns a FieldError about an AIVSS input.
func aivssField(in Input, msg string) *FieldError {
	return &FieldError{Loc: Location{Section: SectionAIVSS, Input: in}, Msg: msg}
}
