//go:build js && wasm

package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// paste puts text into the import text area as typing or pasting would:
// the value changes and an input event follows.
func paste(t *testing.T, e app.TestEngine, text string) {
	t.Helper()
	area := shareEl("import-text")
	if !area.Truthy() {
		t.Fatal("no #import-text")
	}
	area.Set("value", text)
	event := app.Window().Get("Event").New("input", map[string]any{"bubbles": true})
	area.Call("dispatchEvent", event)
	e.ConsumeAll()
}

func TestPastingACardOpensIt(t *testing.T) {
	tests := []struct {
		name, doc, status string
	}{
		{"the published text of the example card", gptImage2Text, "Opened “GPT Image 2” from the card text."},
		{"its JSON export", gptImage2JSON, "Opened “GPT Image 2” from the JSON export."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opened []*card.Card
			e := mountShare(t, &ImportDialog{OnOpen: func(_ app.Context, c *card.Card) { opened = append(opened, c) }})

			paste(t, e, tt.doc)
			shareClick(t, e, "import-submit")

			if len(opened) != 1 {
				t.Fatalf("%d cards opened, want 1", len(opened))
			}
			if opened[0].Title != "GPT Image 2" {
				t.Errorf("opened card titled %q, want GPT Image 2", opened[0].Title)
			}
			if got, err := link.Encode(opened[0]); err != nil || got != gptImage2Link {
				t.Errorf("the opened card's link %q (%v) is not the reference link", got, err)
			}
			if got := shareTextOf(t, "import-status"); got != tt.status {
				t.Errorf("status %q, want %q", got, tt.status)
			}
			if shareEl("import-error").Truthy() {
				t.Error("an error is shown")
			}
		})
	}
}

func TestAnImportErrorShowsItsLineAndLosesNothing(t *testing.T) {
	const pasted = "GPT Image 2 — agentic threat model\nA summary.\n| Autonomy of Action | lots |"
	opened := 0
	e := mountShare(t, &ImportDialog{OnOpen: func(app.Context, *card.Card) { opened++ }})

	paste(t, e, pasted)
	shareClick(t, e, "import-submit")

	if opened != 0 {
		t.Errorf("%d cards opened, want none", opened)
	}
	box := shareEl("import-error")
	if !box.Truthy() || box.Call("getAttribute", "role").String() != "alert" {
		t.Fatal("no #import-error with role alert")
	}
	message := box.Call("querySelector", "p").Get("textContent").String()
	if want := `Not imported: the card text has a problem. Line 3: Autonomy of Action: "lots" is not a factor value (0.00 to 1.00, at most two decimals)`; message != want {
		t.Errorf("message %q\nwant    %q", message, want)
	}
	if line := box.Call("querySelector", "pre").Get("textContent").String(); line != "| Autonomy of Action | lots |" {
		t.Errorf("quoted line %q", line)
	}
	area := shareEl("import-text")
	if got := area.Get("value").String(); got != pasted {
		t.Errorf("the text area now holds %q", got)
	}
	if area.Call("getAttribute", "aria-invalid").String() != "true" ||
		area.Call("getAttribute", "aria-describedby").String() != "import-hint import-error" {
		t.Error("the text area is not marked invalid and described by the error")
	}

	// Fixed in place, the same text imports.
	paste(t, e, gptImage2Text)
	shareClick(t, e, "import-submit")
	if opened != 1 || shareEl("import-error").Truthy() {
		t.Errorf("after fixing: %d opened, error shown %v", opened, shareEl("import-error").Truthy())
	}
}

func TestAJSONImportErrorShowsItsPath(t *testing.T) {
	e := mountShare(t, &ImportDialog{OnOpen: func(app.Context, *card.Card) { t.Error("a card was opened") }})
	paste(t, e, `{"format":"threatcard/1","aivss":{"edition":"v0.9"},"maestro":{"layers":[]}}`)
	shareClick(t, e, "import-submit")
	want := `Not imported: the JSON export has a problem. At aivss.edition: unknown AIVSS edition "v0.9"; editions are v0.8, v0.5, card`
	if got := shareEl("import-error").Call("querySelector", "p").Get("textContent").String(); got != want {
		t.Errorf("message %q\nwant    %q", got, want)
	}
}
