//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// A title or summary over its limit stays in its field, as typed, with a
// message saying by how much; the card keeps its earlier text.
func TestATextOverItsLimitStaysInItsFieldAndTheCardKeepsItsOwn(t *testing.T) {
	tests := []struct {
		name  string
		set   func(h *CardHeader, ctx app.Context, s string)
		limit int
		what  string
		id    string
		err   func(h *CardHeader) string
	}{
		{"title", (*CardHeader).setTitle, card.MaxTitle, "title", "card-title", func(h *CardHeader) string { return h.titleErr }},
		{"summary", (*CardHeader).setSummary, card.MaxSummary, "summary", "card-summary", func(h *CardHeader) string { return h.summaryErr }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			p := newPage()
			navigate(t, ctx, p, "https://example.org/")
			h := &CardHeader{Editor: p}
			tt.set(h, ctx, "Ticket triage bot")
			before := *p.card
			pasted := strings.Repeat("x", tt.limit+123)
			tt.set(h, ctx, pasted)
			want := "This " + tt.what + " has " + thousands(tt.limit+123) + " characters, 123 over its limit of " +
				thousands(tt.limit) + ". The card keeps its earlier " + tt.what + " until it is shortened."
			if got := tt.err(h); got != want {
				t.Errorf("message\n got %q\nwant %q", got, want)
			}
			if p.card.Title != before.Title || p.card.Summary != before.Summary {
				t.Error("the card took the text")
			}
			v := render(t, h)
			if _, ok := v.attr(tt.id, "maxlength"); ok {
				t.Error("the field has a maxlength, which cuts a paste")
			}
			if _, ok := v.attr(tt.id, "aria-invalid"); !ok {
				t.Error("the field is not marked invalid")
			}
			if tt.name == "summary" {
				if got, want := v.text("card-summary-count"), "2,123 of 2,000 characters: 123 over"; got != want {
					t.Errorf("counter %q, want %q", got, want)
				}
			}
			tt.set(h, ctx, "Short again")
			if tt.err(h) != "" {
				t.Errorf("shortened, the message stays: %q", tt.err(h))
			}
			if _, ok := render(t, h).attr(tt.id, "aria-invalid"); ok {
				t.Error("shortened, the field stays invalid")
			}
		})
	}
}

// Within each field's limit, the card's limit on all its text may still
// refuse a text; the message says by how much the card would be over.
func TestATextOverTheCardsLimitSaysByHowMuch(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/")
	for i := range 7 {
		if err := p.edit(ctx, func(c *card.Card) { c.MAESTRO.Layers[i].Notes = strings.Repeat("n", card.MaxNotes) }); err != nil {
			t.Fatal(err)
		}
	}
	// 28,000 characters of notes; threats bring the card near its limit.
	if err := p.edit(ctx, func(c *card.Card) {
		for range 15 {
			c.MAESTRO.CrossLayer = append(c.MAESTRO.CrossLayer,
				maestro.Threat{Title: "Threat", Description: strings.Repeat("d", card.MaxDescription)})
		}
	}); err != nil {
		t.Fatal(err)
	}
	const total = 7*card.MaxNotes + 15*(len("Threat")+card.MaxDescription) // 58,090, counted by hand
	h := &CardHeader{Editor: p}
	h.setSummary(ctx, strings.Repeat("s", card.MaxSummary))
	over := total + card.MaxSummary - card.MaxTotalText
	if over <= 0 {
		t.Fatalf("the card has %d characters; the test wants the summary to take it over %d", total, card.MaxTotalText)
	}
	want := "With this summary the card's text would have " + thousands(total+card.MaxSummary) + " characters in all, " +
		thousands(over) + " over the limit of 60,000 for a whole card. The card keeps its earlier summary until text here or elsewhere is shortened."
	if h.summaryErr != want {
		t.Errorf("message\n got %q\nwant %q", h.summaryErr, want)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 8192: "8,192", 393216: "393,216", 1234567: "1,234,567", -4000: "-4,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
