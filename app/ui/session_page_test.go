//go:build !wasm

package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The page's Undo and Redo put the card, its address and its draft back;
// the buttons say when there is nothing to do.
func TestPageUndoAndRedoMoveTheCardAddressAndDraft(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	opened := p.fragment
	check := func(when, fragment, undo, redo string) {
		t.Helper()
		if p.fragment != fragment || ctx.Page().URL().Fragment != fragment {
			t.Errorf("%s: card %s, address %s; want %s", when, p.fragment, ctx.Page().URL().Fragment, fragment)
		}
		if d, ok := p.drafts(ctx).Load(); !ok || d.Fragment != fragment {
			t.Errorf("%s: draft %s, want %s", when, d.Fragment, fragment)
		}
		v := render(t, p)
		// go-app writes the value "true" as an attribute without a value.
		for id, want := range map[string]string{"undo": undo, "redo": redo} {
			got, ok := v.attr(id, "aria-disabled")
			if ok && got == "" {
				got = "true"
			}
			if got != want {
				t.Errorf("%s: #%s aria-disabled %q, want %s", when, id, got, want)
			}
		}
	}
	check("opened", opened, "true", "true")

	if err := p.edit(ctx, func(c *card.Card) { c.Title = "Bot" }); err != nil {
		t.Fatal(err)
	}
	p.Seal()
	titled := p.fragment
	panel := &FactorsPanel{Editor: p, Edition: "v0.8", Factors: p.card.AIVSS.Factors}
	if msg := panel.set(ctx, "v0.8", 6, "1"); msg != "" {
		t.Fatal(msg)
	}
	scored := p.fragment
	if got := render(t, p).text("score"); got != "AIVSS 10.0 Critical" {
		t.Fatalf("score %q", got)
	}
	check("two edits", scored, "false", "true")

	p.Undo(ctx)
	check("undo", titled, "false", "false")
	if got := render(t, p).text("score"); got != "AIVSS 9.9 Critical" {
		t.Errorf("after undo: score %q", got)
	}
	p.Undo(ctx)
	check("undo twice", opened, "true", "false")
	p.Undo(ctx)
	check("undo with nothing left", opened, "true", "false")
	p.Redo(ctx)
	p.Redo(ctx)
	check("redo twice", scored, "false", "true")

	// Another card starts a new history.
	p.open(ctx, card.NewCard())
	if p.CanUndo() || p.CanRedo() {
		t.Error("a card opened has the history of the card before")
	}
}

// Deleting a threat in the MAESTRO editor is undone: the threat is back
// as it was, in the card and the address.
func TestPageUndoesDeletingAThreat(t *testing.T) {
	g := loadGoldenLink(t, "card-edition-full-model")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	before := p.card
	var layer maestro.Layer
	for l := maestro.Layer(1); l <= maestro.NumLayers; l++ {
		if len(before.MAESTRO.Layer(l).Threats) > 0 {
			layer = l
			break
		}
	}
	if layer == 0 {
		t.Fatal("the golden card has no threat under a layer")
	}
	fragment, n := p.fragment, len(before.MAESTRO.Layer(layer).Threats)
	p.onEdit(ctx, deleteThreat(layer, 0))
	if len(p.card.MAESTRO.Layer(layer).Threats) != n-1 {
		t.Fatal("the threat was not deleted")
	}
	p.Undo(ctx)
	if p.fragment != fragment || ctx.Page().URL().Fragment != fragment || p.card != before {
		t.Errorf("the threat is not back: %s", p.fragment)
	}
}

// In the error state there is nothing to undo and no buttons.
func TestPageHasNoHistoryInTheErrorState(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/")
	p.edit(ctx, func(c *card.Card) { c.Title = "x" })
	navigate(t, ctx, p, "https://example.org/#v1&e=v9")
	if p.CanUndo() {
		t.Error("CanUndo in the error state")
	}
	p.Undo(ctx)
	if v := render(t, p); v.has("undo") || !v.has("link-error") {
		t.Error("the error state offers Undo")
	}
	p.reopenDraft(ctx, app.Event{})
	if p.card.Title != "x" || p.CanUndo() {
		t.Errorf("the draft reopened: title %q, CanUndo %v", p.card.Title, p.CanUndo())
	}
}

func TestHistoryKeys(t *testing.T) {
	tests := []struct {
		key             string
		mod, shift, alt bool
		want            string
	}{
		{"z", true, false, false, "undo"},
		{"Z", true, true, false, "redo"},
		{"z", true, true, false, "redo"},
		{"y", true, false, false, "redo"},
		{"Y", true, true, false, ""},
		{"z", false, false, false, ""},
		{"z", true, false, true, ""},
		{"x", true, false, false, ""},
	}
	for _, tt := range tests {
		if got := historyKey(tt.key, tt.mod, tt.shift, tt.alt); got != tt.want {
			t.Errorf("%q mod %v shift %v alt %v: %q, want %q", tt.key, tt.mod, tt.shift, tt.alt, got, tt.want)
		}
	}
}

// The keys are the browser's own in a field that takes typed text.
func TestTypesText(t *testing.T) {
	tests := []struct {
		tag, typ string
		editable bool
		want     bool
	}{
		{"TEXTAREA", "textarea", false, true},
		{"INPUT", "text", false, true},
		{"INPUT", "", false, true},
		{"INPUT", "number", false, true},
		{"INPUT", "search", false, true},
		{"INPUT", "radio", false, false},
		{"INPUT", "range", false, false},
		{"INPUT", "checkbox", false, false},
		{"BUTTON", "button", false, false},
		{"SELECT", "select-one", false, false},
		{"DIV", "", true, true},
		{"BODY", "", false, false},
	}
	for _, tt := range tests {
		if got := typesText(tt.tag, tt.typ, tt.editable); got != tt.want {
			t.Errorf("%s type %q editable %v: %v, want %v", tt.tag, tt.typ, tt.editable, got, tt.want)
		}
	}
}

// An undo or redo says what it changed in the compare view's words, the
// first input and how many more, and leaves out the score that follows.
func TestHistoryWordsSayWhatChanged(t *testing.T) {
	base := card.NewCard()
	base.Title = "Before"
	full := *base
	full.AIVSS.Factors[1] = decimal.Some(decimal.MustParse("1"))
	titled := *base
	titled.Title = "After"
	both := full
	both.Title = "After"
	tests := []struct {
		name          string
		before, after *card.Card
		want          string
	}{
		{"nothing", base, base, "Undone."},
		{"the title", base, &titled, "Undone: title: “Before” → “After”."},
		{"a factor, and the score with it", &full, base, "Undone: External Tool Control Surface: Full (1) → not set."},
		{"two inputs", base, &both, "Undone: title: “Before” → “After”, and 1 more change."},
	}
	for _, tt := range tests {
		if got := historyWords("Undone", tt.before, tt.after); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
