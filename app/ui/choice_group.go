package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// choice is one radio button of a choiceGroup: the end of its id, its
// value, and its label, which is the words then the short form.
type choice struct {
	id, value, words, short string
}

// choiceGroup is a set of radio buttons drawn as a fieldset: a CVSS metric's
// values, or an AIVSS factor's levels.
type choiceGroup struct {
	name    string   // the buttons' name and the fieldset's id; a button's id is name-choice.id
	class   string   // the fieldset's class; "tc-unset" is added while nothing is checked
	title   string   // the legend
	abbr    string   // the title's short form, shown after it; may be empty
	checked string   // the value of the checked button; empty for none
	msg     string   // an error shown under the buttons; may be empty
	tags    []string // words shown after the title, each in a tag of its own ("high impact", "overridden")
	defs    app.UI   // what the values mean, a disclosure under the buttons; may be nil
}

// render draws g with its choices, each calling onChange when picked.
func (g choiceGroup) render(choices []choice, onChange app.EventHandler) app.UI {
	buttons := make([]app.UI, 0, 2*len(choices))
	for _, ch := range choices {
		id := g.name + "-" + ch.id
		buttons = append(buttons,
			radio(id, g.name, ch.value, ch.value == g.checked).OnChange(onChange),
			el("label", "for", id).Body(
				app.Text(ch.words+" "),
				textEl("span", ch.short, "class", "tc-abbr"),
			),
		)
	}
	class, legend := g.class, []app.UI{app.Text(g.title)}
	if g.abbr != "" {
		legend = []app.UI{app.Text(g.title + " "), textEl("span", g.abbr, "class", "tc-abbr")}
	}
	for _, t := range g.tags {
		legend = append(legend, app.Text(" "), textEl("span", t, "class", "tc-tag"))
	}
	if g.checked == "" {
		class += " tc-unset"
		legend = append(legend, textEl("span", "not set", "class", "tc-unset-mark"))
	}
	return el("fieldset", "id", g.name, "class", class).Body(
		el("legend").Body(legend...),
		el("div", "class", "tc-choices").Body(buttons...),
		app.If(g.msg != "", func() app.UI { return fieldError(g.name+"-error", g.msg) }),
		g.defs,
	)
}
