//go:build e2e

package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// pwn is markup that would set window.__pwned if it ever became elements.
const pwn = `<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>`

// hostileCard carries pwn in every text field a card has, each after a
// word that tells the fields apart.
func hostileCard() *card.Card {
	c := card.NewCard()
	c.Title = "title " + pwn
	c.Summary = "summary " + pwn
	for i := range c.MAESTRO.Layers {
		c.MAESTRO.Layers[i].Status = maestro.Mapped
		c.MAESTRO.Layers[i].Notes = "notes " + pwn
	}
	c.MAESTRO.Layers[2].Threats = []maestro.Threat{{
		Title:       "threat " + pwn,
		Description: "description " + pwn,
		Mitigations: "mitigation " + pwn + "\nsecond " + pwn,
	}}
	c.MAESTRO.CrossLayer = []maestro.Threat{{
		Title:       "cross " + pwn,
		Description: "cross description " + pwn,
		Layers:      []maestro.Layer{2, 4},
		Mitigations: "cross mitigation " + pwn,
	}}
	return c
}

// checkInert checks that the page shows the hostile card's text as text
// and that none of its markup became an element or ran.
func checkInert(t *testing.T, tb *tab) {
	t.Helper()
	waitEq(t, tb, "the title", valueOf("card-title"), "title "+pwn)
	waitForEditor(t, tb)
	waitEq(t, tb, "the Cross-Layer threat's name", textOf("layer-cross-threat-0-name"), "cross "+pwn)
	shown := map[string]string{
		valueOf("card-summary"):                     "summary " + pwn,
		valueOf("layer-3-threat-0-title"):           "threat " + pwn,
		textOf("layer-3-threat-0-name"):             "threat " + pwn,
		valueOf("layer-3-threat-0-description"):     "description " + pwn,
		valueOf("layer-3-threat-0-mitigations"):     "mitigation " + pwn + "\nsecond " + pwn,
		valueOf("layer-cross-threat-0-title"):       "cross " + pwn,
		valueOf("layer-cross-threat-0-description"): "cross description " + pwn,
		valueOf("layer-cross-threat-0-mitigations"): "cross mitigation " + pwn,
		textOf("print-title"):                       "title " + pwn,
		`document.title`:                            "title " + pwn + " · threatcard",
	}
	for i := 1; i <= 7; i++ {
		shown[valueOf("layer-"+strconv.Itoa(i)+"-notes")] = "notes " + pwn
	}
	for expr, want := range shown {
		if got := eval[string](t, tb, expr); got != want {
			t.Errorf("%s: got %q, want %q", expr, got, want)
		}
	}
	checks := map[string]string{
		`typeof window.__pwned`:                           "undefined",
		`String(document.querySelectorAll("img").length)`: "0",
		`String([...document.scripts].filter((s) => s.textContent.includes("__pwned")).length)`: "0",
		`String(document.querySelectorAll("[onerror]").length)`:                                 "0",
	}
	for expr, want := range checks {
		if got := eval[string](t, tb, expr); got != want {
			t.Errorf("%s: got %q, want %q", expr, got, want)
		}
	}
	for _, u := range tb.rec.urls() {
		if strings.HasSuffix(u, "/x") {
			t.Errorf("the page requested %s", u)
		}
	}
	if v := cspViolations(t, tb); len(v) != 0 {
		t.Errorf("violations: %q", v)
	}
}

func TestMarkupInEveryTextFieldStaysText(t *testing.T) {
	c := hostileCard()
	fragment, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	exported, err := cardjson.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	t.Run("opened from its link", func(t *testing.T) {
		open(t, tb, s, "/#"+fragment)
		checkInert(t, tb)
	})
	t.Run("imported as a JSON export", func(t *testing.T) {
		open(t, tb, s, "/#"+factorsBefore) // another card first
		waitEq(t, tb, "#score", scoreText, "AIVSS 7.0 High")
		waitForEditor(t, tb)
		openImport(t, tb) // the import box is in the toolbar's Import panel
		paste(t, tb, "import-text", string(exported))
		click(t, tb, "#import-submit")
		checkInert(t, tb)
		if got := eval[string](t, tb, fragmentNow); got != fragment {
			t.Errorf("the imported card's address is #%s, want the link's", got)
		}
	})
}
