//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// The share bar's meter: the link's length of link.TicketSafe, and past
// it a warning, never a refusal.
func TestShareBarMetersTheLinkAgainstTheTicketSafeLength(t *testing.T) {
	safe := link.TicketSafe
	tests := []struct {
		name    string
		chars   int
		text    string
		value   string
		warns   bool
		overCls bool
	}{
		{"a short link", 900, "Link: 900 of 8,192 characters safe for tickets", "900", false, false},
		{"at the safe length", safe, "Link: 8,192 of 8,192 characters safe for tickets", "8191", false, false},
		{"past it", safe + 1000, "Link: 9,192 characters, 1,000 more than the 8,192 safe for tickets", "8192", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &ShareBar{Card: card.NewCard(), LinkChars: tt.chars}
			v := render(t, s)
			if got := v.text(shareLinkSizeID); got != tt.text {
				t.Errorf("text %q, want %q", got, tt.text)
			}
			if got, _ := v.attr(shareLinkMeterID, "value"); got != tt.value {
				t.Errorf("meter value %q, want %q", got, tt.value)
			}
			if got, _ := v.attr(shareLinkMeterID, "max"); got != "8192" {
				t.Errorf("meter max %q", got)
			}
			warning := v.text(shareLinkWarningID)
			if (warning != "") != tt.warns || tt.warns && !strings.Contains(warning, "may cut a link this long short") {
				t.Errorf("warning %q", warning)
			}
			if v.has(shareCopyLinkID) == false {
				t.Error("no Copy link button")
			}
		})
	}
	if v := render(t, &ShareBar{}); v.has(shareLinkMeterID) {
		t.Error("a meter without a card")
	}
}

// A text past the ticket-safe length is the card's: the page takes it,
// the link carries it, and the share bar's meter warns.
func TestALongTextPastTheTicketSafeLengthIsKept(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/")
	notes := randomText(card.MaxNotes)
	for i := range 3 {
		if err := p.edit(ctx, func(c *card.Card) { c.MAESTRO.Layers[i].Notes = notes }); err != nil {
			t.Fatalf("layer %d: %v", i+1, err)
		}
	}
	if len(p.fragment) <= link.TicketSafe {
		t.Fatalf("the link has %d characters; the test wants more than %d", len(p.fragment), link.TicketSafe)
	}
	back, err := link.Decode(ctx.Page().URL().EscapedFragment())
	if err != nil || back.MAESTRO.Layers[2].Notes != notes {
		t.Errorf("the address does not carry the notes: %v", err)
	}
	if d, _ := p.drafts(ctx).Load(); d.Fragment != p.fragment {
		t.Error("the draft is not the card")
	}
	p.followRev = p.rev
	bar := (&panel{Name: panelShare, Rev: p.followRev, Page: p}).Render()
	if got := render(t, bar.(*ShareBar)).text(shareLinkWarningID); got == "" {
		t.Error("the meter does not warn")
	}
}

// randomText returns n characters that DEFLATE cannot shorten much: CJK
// ideographs picked by a fixed generator.
func randomText(n int) string {
	var b strings.Builder
	x := uint32(2463534242)
	for range n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteRune(rune(0x4e00 + x%0x5000))
	}
	return b.String()
}
