//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// threatNames lists the names of the threats in a section, in order.
func threatNames(section string) string {
	return `[...document.querySelectorAll("#` + section + ` li.tc-threat .tc-threat-name")].map((e) => e.textContent).join(" | ")`
}

func TestMaestroEditorAddsAndRemovesAThreatThroughTheLink(t *testing.T) {
	original, c := golden(t, "card-edition-full-model")
	if n := len(c.MAESTRO.Layers[1].Threats); n != 0 {
		t.Fatalf("the reference has %d threats under L2; the test adds the first", n)
	}
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+original)
	waitEq(t, tb, "#score", scoreText, "AIVSS "+*c.AIVSS.Score+" "+*c.AIVSS.Severity)
	waitForEditor(t, tb)

	click(t, tb, "#layer-2-add-threat")
	waitUntil(t, tb, "the catalog picker is open", `!!document.getElementById("catalog-search")`)
	typeInto(t, tb, "#catalog-search", "data poisoning")
	addButton := `#catalog-results button.tc-catalog-add[value="l2-data-poisoning"]`
	waitUntil(t, tb, "the search lists Data Poisoning", `!!document.querySelector(`+js(addButton)+`)`)
	click(t, tb, addButton)
	waitEq(t, tb, "L2's threats", threatNames("layer-2"), "Data Poisoning")
	waitUntil(t, tb, "the address changes", fragmentNow+` !== `+js(original))
	added := eval[string](t, tb, fragmentNow)
	if !strings.HasPrefix(added, "v1&e=card&") {
		t.Fatalf("the address is not a card's link: #%s", added)
	}
	// The threat lives in the link's text, not in the score.
	if got := eval[string](t, tb, scoreText); got != "AIVSS 7.2 High" {
		t.Errorf("#score %q after adding a threat", got)
	}

	t.Run("the link carries the new threat", func(t *testing.T) {
		open(t, tb, s, "/#"+added)
		waitEq(t, tb, "#score", scoreText, "AIVSS 7.2 High")
		waitForEditor(t, tb)
		waitEq(t, tb, "L2's threats after the reload", threatNames("layer-2"), "Data Poisoning")
		if got := eval[string](t, tb, threatNames("layer-1")); got != "Prompt Injection and Jailbreaks | Label flooding" {
			t.Errorf("L1's threats %q", got)
		}
		if got := eval[string](t, tb, fragmentNow); got != added {
			t.Errorf("the address changed to #%s", got)
		}
	})
	t.Run("deleting it gives back the original link", func(t *testing.T) {
		click(t, tb, "#layer-2 li.tc-threat .tc-threat-delete")
		waitEq(t, tb, "L2's threats", threatNames("layer-2"), "")
		waitEq(t, tb, "the address", fragmentNow, original)
	})
}
