package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/definitions"
)

// What a definitions disclosure explains.
const (
	defsFactor = "factor" // an AIVSS factor of an edition
	defsThM    = "thm"    // an edition's threat multiplier
	defsMF     = "mf"     // an edition's mitigation factor
	defsMetric = "metric" // a CVSS v4.0 metric
)

// definitionsDisclosure says what an input and each of its values mean,
// where the value is chosen: a native disclosure (details and summary),
// which the keyboard opens with Enter or Space and a screen reader
// announces as collapsed or expanded. Its summary's name ends with the
// input's name, out of sight, so that the many disclosures of the page
// are told apart in a list of its controls.
//
// The text (scoring/definitions) is drawn only while the disclosure is
// open: closed, it costs the page two elements.
type definitionsDisclosure struct {
	app.Compo

	ID      string // the details element's id
	Kind    string // defsFactor, defsThM, defsMF or defsMetric
	Edition string // an edition id, for a factor, ThM or MF
	Key     string // the factor's id or the metric's abbreviation
	Name    string // the input's name: "Execution Autonomy", "Attack Vector"

	open bool
}

// words is the summary's visible text.
func (d *definitionsDisclosure) words() string {
	if d.Kind == defsMetric {
		return "What do the values mean?"
	}
	return "What do the levels mean?"
}

func (d *definitionsDisclosure) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing what the values mean")
	details := el("details", "id", d.ID, "class", "tc-defs")
	if d.open || app.IsClient { // as in the CVSS groups: open="false" in HTML would open it
		details = details.Attr("open", strconv.FormatBool(d.open))
	}
	return details.On("toggle", d.onToggle).Body(
		el("summary", "id", d.ID+"-summary").Body(
			app.Text(d.words()),
			textEl("span", " "+d.Name, "class", "tc-visually-hidden"),
		),
		app.If(d.open, d.body),
	)
}

func (d *definitionsDisclosure) onToggle(ctx app.Context, e app.Event) {
	d.open = ctx.JSSrc().Get("open").Bool()
}

// lookup returns the definition the disclosure shows and, for a factor,
// what the edition's scale says of all its factors.
func (d *definitionsDisclosure) lookup() (def definitions.Definition, scale definitions.Definition, ok bool) {
	switch d.Kind {
	case defsFactor:
		def, ok = definitions.Factor(d.Edition, d.Key)
		scale, _ = definitions.Scale(d.Edition)
	case defsThM:
		def, ok = definitions.ThM(d.Edition)
	case defsMF:
		def, ok = definitions.MF(d.Edition)
	case defsMetric:
		def, ok = definitions.Metric(d.Key)
	}
	return def, scale, ok
}

// body is the open disclosure's text: what the input measures, a list of
// its values with what each means, a note where the source leaves
// something out, and the source.
func (d *definitionsDisclosure) body() app.UI {
	def, scale, ok := d.lookup()
	if !ok {
		return textEl("p", "threatcard has no definition of "+d.Name+".", "class", "tc-defs-body")
	}
	levels := make([]app.UI, 0, 2*len(def.Levels))
	for _, l := range def.Levels {
		levels = append(levels,
			el("dt").Body(app.Text(l.Name+" "), textEl("span", d.shown(l.Value), "class", "tc-abbr")),
			textEl("dd", l.Meaning),
		)
	}
	note := def.Note
	if note == "" {
		note = scale.Note
	}
	return el("div", "id", d.ID+"-body", "class", "tc-defs-body").Body(
		textEl("p", def.Meaning, "class", "tc-defs-meaning"),
		el("dl", "class", "tc-defs-levels").Body(levels...),
		app.If(note != "", func() app.UI { return textEl("p", note, "class", "tc-defs-note") }),
		textEl("p", "Source: "+def.Source+".", "class", "tc-defs-source"),
	)
}

// shown is a value as its field shows it: ThM and MF with two decimals
// ("0.97", "1.00"), the rest as they are ("0.5", "N").
func (d *definitionsDisclosure) shown(v string) string {
	if d.Kind != defsThM && d.Kind != defsMF {
		return v
	}
	if x, err := decimal.Parse(v); err == nil {
		return x.Format(2)
	}
	return v
}
