//go:build !wasm

package ui

import (
	"strings"
	"testing"
)

func TestLinkInTellsALinkFromCardText(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "" for not a link
	}{
		{"a URL", "https://example.org/threatcard/#" + halfFilledLink, "https://example.org/threatcard/#" + halfFilledLink},
		{"a URL with white space around it", "\n  https://example.org/#" + halfFilledLink + "  \n", "https://example.org/#" + halfFilledLink},
		{"a bare fragment", halfFilledLink, halfFilledLink},
		{"a fragment with #", "#" + halfFilledLink, "#" + halfFilledLink},
		{"another version", "#v2&e=v0.8", "#v2&e=v0.8"},
		{"a version mark alone", "v1", "v1"},
		{"card text", gptImage2Text, ""},
		{"JSON", gptImage2JSON, ""},
		{"JSON on one line holding a link", `{"link":"https://example.org/#v1&e=v0.8"}`, ""},
		{"a link with a space in it", "https://example.org/#v1&e=v0.8 &c=7.1", ""},
		{"a word starting with v", "version", ""},
		{"a URL with another fragment", "https://example.org/#layer-3", ""},
		{"nothing", "  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := linkIn(tt.text)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("linkIn = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

// A link pasted into the import box opens as the address would: the card
// with its canonical link and a new history entry, the scores of a cut
// link under their banner, or an error in the box that changes nothing.
func TestTheImportBoxOpensALink(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	tests := []struct {
		name, pasted string
		status       string
		address      string // the fragment in the address after
		cut          bool
		failure      string // the message in the box; "" when the card opened
	}{
		{"a URL of another host", "https://owner.github.io/threatcard/#" + gptImage2Link,
			"Opened “GPT Image 2” from the link.", gptImage2Link, false, ""},
		{"a bare fragment, not canonical", strings.Replace(halfFilledLink, "thm=0.5", "thm=0.50", 1),
			"Opened “Half-filled draft” from the link.", halfFilledLink, false, ""},
		{"a cut link", "#" + cutLink,
			"Opened the score of a link cut short: its text is lost, as the note at the top of the page says.", cutLink, true, ""},
		{"a link with a bad factor", "#v1&e=v0.8&f=0,0.7,0,0,0,0,0,0,0,0", "", g.Link, false,
			"Not imported: this threatcard link could not be read. The link's factors part (f=) is not right: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			p := newPage()
			navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
			d := &ImportDialog{OnOpen: p.open, OnLink: p.openLink}
			d.text = tt.pasted
			d.importText(ctx)

			if got := ctx.Page().URL().EscapedFragment(); got != tt.address {
				t.Errorf("address #%s, want #%s", got, tt.address)
			}
			if d.status != tt.status {
				t.Errorf("status %q, want %q", d.status, tt.status)
			}
			if (p.cut != nil) != tt.cut {
				t.Errorf("shown as cut: %v, want %v", p.cut != nil, tt.cut)
			}
			if tt.failure == "" {
				if d.failure != nil {
					t.Errorf("failure %v", d.failure)
				}
				return
			}
			mountShare(t, d)
			if got := render(t, d).text(importErrorID); !strings.HasPrefix(got, tt.failure) {
				t.Errorf("message %q, want it to start %q", got, tt.failure)
			}
			if d.text != tt.pasted || p.fragment != g.Link {
				t.Errorf("the box holds %q and the card is %s; want both as they were", d.text, p.fragment)
			}
		})
	}
}
