//go:build js && wasm

package ui

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/definitions"
)

// isOpen reports whether the details element id is open.
func isOpen(id string) bool { return byID(id).Get("open").Bool() }

// A click on a factor's summary opens its definitions, which the page
// then draws; a second click closes them and takes the text away. In the
// card edition a slider's definitions say that the cards give no rubric.
func TestADisclosureOpensAndDrawsItsDefinitions(t *testing.T) {
	_, e := openPage(t, goldenCopies["v08-tool-misuse-scores-only"])
	const id = "factor-persistence-defs"
	if isOpen(id) || byID(id+"-body").Truthy() {
		t.Fatal("the definitions are open, or drawn, before they are asked for")
	}
	click(t, e, id+"-summary")
	waitFor(t, e, "the definitions drawn", func() bool { return byID(id + "-body").Truthy() })
	def, _ := definitions.Factor("v0.8", "persistence")
	body := textOf(t, id+"-body")
	for _, want := range []string{def.Meaning, def.Levels[0].Meaning, def.Levels[1].Meaning, def.Levels[2].Meaning, "Table 2"} {
		if !strings.Contains(body, want) {
			t.Errorf("the open definitions lack %q: %s", want, body)
		}
	}
	if !isOpen(id) {
		t.Error("drawn, the disclosure is not open")
	}
	// Choosing a level keeps them open.
	click(t, e, "factor-persistence-2")
	if !isOpen(id) || !byID(id+"-body").Truthy() {
		t.Error("choosing a level closed the definitions")
	}
	click(t, e, id+"-summary")
	waitFor(t, e, "the definitions closed", func() bool { return !byID(id+"-body").Truthy() && !isOpen(id) })

	_, e = openPage(t, goldenCopies["card-edition-full-model"])
	const slider = "factor-tool_use-defs"
	click(t, e, slider+"-summary")
	waitFor(t, e, "a slider's definitions drawn", func() bool { return byID(slider + "-body").Truthy() })
	scale, _ := definitions.Scale("card")
	card, _ := definitions.Factor("card", "tool_use")
	if body := textOf(t, slider+"-body"); !strings.Contains(body, card.Meaning) || !strings.Contains(body, scale.Note) {
		t.Errorf("the card edition's Dynamic Tool Use reads %q", body)
	}
}
