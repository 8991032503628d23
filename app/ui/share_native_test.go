//go:build !wasm

package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Tests that rely on go-app's native stand-in for the browser, where
// app.Window() has no address and does nothing.

func TestShareBarDownloadsAreNamedAfterTheTitle(t *testing.T) {
	tests := []struct {
		name    string
		handler func(*ShareBar) app.EventHandler
		want    string
	}{
		{"JSON", func(s *ShareBar) app.EventHandler { return s.downloadJSON }, "Download started: ticket-triage-bot.json."},
		{"badge", func(s *ShareBar) app.EventHandler { return s.downloadBadge }, "Download started: ticket-triage-bot-aivss-badge.svg."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Natively the browser is a stub: the file goes nowhere, and the
			// bar reports the download it asked for.
			s := &ShareBar{Card: shareCardFromJSON(t, triageBotJSON)}
			tt.handler(s)(app.Context{}, app.Event{})
			tree := s.Render()
			if err := app.Match(app.Elem("p").ID("share-status").Class("tc-share-status").Role("status").Aria("live", "polite"), tree, 4); err != nil {
				t.Error(err)
			}
			if err := app.Match(app.Text(tt.want), tree, 4, 0); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestPrintReportLinkWithoutAPageAddressIsTheFragment(t *testing.T) {
	tree := (&PrintReport{Card: shareCard(t, gptImage2Link)}).Render()
	// No cross-layer threats: the link follows the seven layers.
	texts(t, tree, []textAt{{[]int{13, 1, 0}, "#" + gptImage2Link}})
}

// The page gives the report its address's fragment; the report prints that
// link as it is rather than compressing the card again, even when the
// address holds an older format's link to the same card.
func TestPrintReportLinkIsTheFragmentItIsGiven(t *testing.T) {
	v1, err := os.ReadFile("../../scoring/link/testdata/links/gpt-image-2.link")
	if err != nil {
		t.Fatal(err)
	}
	fragment := strings.TrimSpace(string(v1))
	if fragment == gptImage2Link {
		t.Fatal("the format 1 link is the canonical one; the test needs another")
	}
	r := &PrintReport{Card: shareCard(t, fragment), Fragment: fragment}
	texts(t, r.Render(), []textAt{{[]int{13, 1, 0}, "#" + fragment}})
}
