//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// threatNames lists the names of the threats in a section, in order.
func threatNames(section string) string {
	return `[...document.querySelectorAll("#` + section + ` li.tc-threat .tc-threat-name")].map((e) => e.textContent).join(" | ")`
}

func TestMaestroEditorAddsAndRemovesAThreatThroughTheLink(t *testing.T) {
	shared, c := golden(t, "card-edition-full-model")
	// The golden link is format 1; the page writes the card's format 2
	// link, in the address from the first load on.
	original := written(t, shared)
	if n := len(c.MAESTRO.Layers[1].Threats); n != 0 {
		t.Fatalf("the reference has %d threats under L2; the test adds the first", n)
	}
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+shared)
	waitEq(t, tb, "#score", scoreText, "AIVSS "+*c.AIVSS.Score+" "+*c.AIVSS.Severity)
	waitForEditor(t, tb)
	waitEq(t, tb, "the address", fragmentNow, original)

	click(t, tb, "#layer-2-add-threat")
	waitUntil(t, tb, "the catalog picker is open", `!!document.getElementById("catalog-search")`)
	typeInto(t, tb, "#catalog-search", "data poisoning")
	addButton := `#catalog-results button.tc-catalog-add[value="l2-data-poisoning"]`
	waitUntil(t, tb, "the search lists Data Poisoning", `!!document.querySelector(`+js(addButton)+`)`)
	click(t, tb, addButton)
	waitEq(t, tb, "L2's threats", threatNames("layer-2"), "Data Poisoning")
	waitUntil(t, tb, "the address changes", fragmentNow+` !== `+js(original))
	added := eval[string](t, tb, fragmentNow)
	if !strings.HasPrefix(added, "v2&e=card&") {
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

// The widths the layout tests look at: a desktop window and a phone.
var layoutWidths = []int64{1280, 390}

// asiShownInFull is "" when the ASI menu with the given id shows its
// choice in full, or says what is cut. A menu draws its choice on one line
// and cuts it at its edge, before its arrow. A menu drawn unseen over the
// words of its choice (ThreatEditor.asiField) leaves them to wrap: they
// must then fit inside it, and a click on them must reach the menu.
func asiShownInFull(id string) string {
	return fmt.Sprintf(`(() => {
  const menu = document.getElementById(%s);
  if (!menu) return "no #%s";
  const text = menu.selectedOptions[0].text;
  menu.scrollIntoView({block: "center"});
  const box = menu.getBoundingClientRect();
  if (box.right > document.documentElement.clientWidth + 0.5) return "the menu's right edge is at " + box.right + " px, off the page";
  const cs = getComputedStyle(menu);
  if (cs.opacity !== "0") {
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = cs.font;
    const need = ctx.measureText(text).width;
    const room = menu.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20; // 20 px for the arrow
    return need <= room ? "" : "the menu draws " + JSON.stringify(text) + " on one line: it needs " + Math.ceil(need) + " px and has " + Math.floor(room) + " px";
  }
  const shown = [...menu.parentElement.children].find((e) => e !== menu && e.textContent === text);
  if (!shown) return "the menu is unseen and nothing beside it says " + JSON.stringify(text);
  const r = shown.getBoundingClientRect();
  if (getComputedStyle(shown).visibility !== "visible" || r.width === 0) return JSON.stringify(text) + " is not visible";
  if (shown.scrollWidth > shown.clientWidth + 0.5) return JSON.stringify(text) + " is cut: " + shown.scrollWidth + " px wide in " + shown.clientWidth + " px";
  if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) return JSON.stringify(text) + " runs out of the menu over it";
  if (document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) !== menu) return "a click on " + JSON.stringify(text) + " does not reach the menu";
  return "";
})()`, js(id), id)
}

// choose picks value in the menu with the given id, as a person does: the
// menu's value changes, then a change event.
func choose(t *testing.T, tb *tab, id, value string) {
	t.Helper()
	eval[bool](t, tb, fmt.Sprintf(`(() => {
  const el = document.getElementById(%s);
  el.focus();
  el.value = %s;
  el.dispatchEvent(new Event("change", { bubbles: true }));
  return true;
})()`, js(id), js(value)))
}

func TestTheASIMenuShowsEveryEntryInFull(t *testing.T) {
	original, _ := golden(t, "card-edition-full-model")
	s := serve(t, rootSite.dir, "/")
	const id = "layer-1-threat-0-asi"
	for _, width := range layoutWidths {
		t.Run(fmt.Sprintf("%d px wide", width), func(t *testing.T) {
			tb := newTab(t)
			if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(width, 900)); err != nil {
				t.Fatal(err)
			}
			open(t, tb, s, "/#"+original)
			waitForEditor(t, tb)
			values := eval[[]string](t, tb, `[...document.getElementById(`+js(id)+`).options].map((o) => o.value)`)
			if len(values) != 11 {
				t.Fatalf("the menu offers %d entries, want None and ASI01 … ASI10", len(values))
			}
			for _, v := range values {
				choose(t, tb, id, v)
				waitEq(t, tb, "the ASI menu with "+v+" chosen", asiShownInFull(id), "")
			}
			if w := eval[float64](t, tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
				t.Errorf("the page is %v px wider than the window", w)
			}
		})
	}
}

// metricTagProblems lists, for each CVSS metric that is not set, what is
// wrong with its name and its "not set" tag: the tag over a line of the
// name, or the two drawn across the box's border (a legend on the border
// is cut by it between its lines once the name wraps).
const metricTagProblems = `(() => {
  const problems = [];
  for (const box of document.querySelectorAll("fieldset.tc-metric.tc-unset")) {
    const legend = box.querySelector("legend");
    const tag = legend.querySelector(".tc-unset-mark");
    if (!tag) { problems.push(box.id + ": no not-set tag"); continue; }
    const name = document.createRange();
    name.setStartBefore(legend.firstChild);
    name.setEndBefore(tag);
    const lines = [...name.getClientRects()].filter((r) => r.width > 0);
    const t = tag.getBoundingClientRect();
    if (lines.some((l) => l.left < t.right && t.left < l.right && l.top < t.bottom && t.top < l.bottom)) {
      problems.push(box.id + ": the tag covers the name");
    }
    const b = box.getBoundingClientRect(), l = legend.getBoundingClientRect(), cs = getComputedStyle(box);
    const inside = {top: b.top + parseFloat(cs.borderTopWidth), left: b.left + parseFloat(cs.borderLeftWidth), right: b.right - parseFloat(cs.borderRightWidth)};
    if (l.top < inside.top - 0.5) {
      const firstBottom = Math.min(...lines.map((r) => r.bottom));
      const wraps = lines.some((r) => r.top >= firstBottom - 1) || t.top >= firstBottom - 1;
      problems.push(box.id + ": the name" + (wraps ? ", wrapped," : "") + " and its tag lie across the box's border");
    }
    if (t.right > inside.right + 0.5 || t.left < inside.left - 0.5) problems.push(box.id + ": the tag sticks out of the box");
    const choices = box.querySelector(".tc-choices").getBoundingClientRect();
    if (Math.max(l.bottom, t.bottom) > choices.top + 0.5) problems.push(box.id + ": the name or its tag covers the buttons");
  }
  return problems;
})()`

func TestACVSSMetricsNotSetTagNeverOverlapsItsName(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	for _, width := range layoutWidths {
		t.Run(fmt.Sprintf("%d px wide", width), func(t *testing.T) {
			tb := newTab(t)
			if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(width, 900)); err != nil {
				t.Fatal(err)
			}
			open(t, tb, s, "/")
			waitEq(t, tb, "the Base metrics not set", `document.querySelectorAll("fieldset.tc-metric.tc-unset").length`, 11)
			for _, p := range eval[[]string](t, tb, metricTagProblems) {
				t.Error(p)
			}
		})
	}
}

func TestEscClosesTheCatalogAndTheFocusGoesBackToItsButton(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	click(t, tb, "#layer-3-add-threat")
	waitEq(t, tb, "the focus once the catalog is open", `document.activeElement.id`, "catalog-search")
	typeInto(t, tb, "#catalog-search", "tool")
	waitUntil(t, tb, "the search lists threats", `!!document.querySelector("#catalog-results button.tc-catalog-add")`)

	press(t, tb, kb.Escape)
	waitEq(t, tb, "the catalog after Esc", `String(!!document.getElementById("catalog-picker"))`, "false")
	waitEq(t, tb, "the focus after Esc", `document.activeElement.id`, "layer-3-add-threat")
	if got := eval[string](t, tb, `document.getElementById("layer-3-add-threat").getAttribute("aria-expanded")`); got != "false" {
		t.Errorf("the button says aria-expanded=%s", got)
	}
}
