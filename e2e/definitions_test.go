//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/threatcard/threatcard/scoring/definitions"
)

// axState is what the accessibility tree, which a screen reader reads,
// says of one element.
type axState struct {
	role, name string
	expanded   string // "true", "false", or "" when it has no such state
}

// axOf returns the accessibility tree's node for the element id.
func axOf(t *testing.T, tb *tab, id string) axState {
	t.Helper()
	nodes, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.ID(id)))
	if err != nil || len(nodes) == 0 {
		t.Fatalf("no element #%s: %v", id, err)
	}
	no := false
	res, err := chromedp.Call(tb.ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{
		BackendNodeID: nodes[0].BackendNodeID, FetchRelatives: &no,
	})
	if err != nil || len(res.Nodes) == 0 {
		t.Fatalf("no accessibility node for #%s: %v", id, err)
	}
	n := res.Nodes[0]
	text := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s any
		if json.Unmarshal(v.Value, &s) != nil {
			return string(v.Value)
		}
		if str, ok := s.(string); ok {
			return str
		}
		b, _ := json.Marshal(s)
		return string(b)
	}
	st := axState{role: text(n.Role), name: text(n.Name)}
	for _, p := range n.Properties {
		if p.Name == accessibility.PropertyNameExpanded {
			st.expanded = text(p.Value)
		}
	}
	return st
}

// openByKeyboard tabs to the summary of the disclosure id, opens it with
// key, and checks what a screen reader is told before and after, and the
// text it then shows: the meaning of the input and of each level.
func openByKeyboard(t *testing.T, k keyboard, id, key, name string, def definitions.Definition) {
	t.Helper()
	summary := id + "-summary"
	k.tabTo("#"+summary, false)
	before := axOf(t, k.tb, summary)
	if before.expanded != "false" || !strings.HasPrefix(before.name, "What do the ") || !strings.HasSuffix(before.name, " "+name) {
		t.Errorf("%s closed: a screen reader hears %+v", id, before)
	}
	k.press(key)
	waitUntil(t, k.tb, id+" opens", `!!document.getElementById("`+id+`-body") && document.getElementById("`+id+`").open`)
	if after := axOf(t, k.tb, summary); after.expanded != "true" || after.name != before.name || after.role != before.role {
		t.Errorf("%s open: a screen reader hears %+v (closed: %+v)", id, after, before)
	}
	body := eval[string](t, k.tb, textOf(id+"-body"))
	if !strings.Contains(body, def.Meaning) {
		t.Errorf("%s: the meaning %q is not in %q", id, def.Meaning, body)
	}
	for _, l := range def.Levels {
		if !strings.Contains(body, l.Name) || !strings.Contains(body, l.Meaning) {
			t.Errorf("%s: level %s (%s) %q is not in %q", id, l.Value, l.Name, l.Meaning, body)
		}
	}
	if f := k.focus(); f.At != "#"+summary {
		t.Errorf("%s: opening moved the focus to %s", id, f.At)
	}
}

// The definitions of a factor, a CVSS metric, ThM and MF open with the
// keyboard alone, tell a screen reader they are open, read the v0.8 text,
// and leave the page free of serious axe violations in the light and the
// dark theme, at a desktop's width and a phone's.
func TestDefinitionsOpenWithTheKeyboardAndAreAccessible(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newAxeTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	k := keyboard{t, tb}

	av, _ := definitions.Metric("AV")
	autonomy, _ := definitions.Factor("v0.8", "autonomy")
	thm, _ := definitions.ThM("v0.8")
	mf, _ := definitions.MF("v0.8")
	// In the page's order, each with the keyboard from where the last
	// left the focus.
	openByKeyboard(t, k, "cvss-AV-defs", kb.Enter, "Attack Vector", av)
	openByKeyboard(t, k, "factor-autonomy-defs", kb.Enter, "Execution Autonomy", autonomy)
	openByKeyboard(t, k, "thm-defs", " ", "Threat multiplier (ThM)", thm)
	openByKeyboard(t, k, "mf-defs", kb.Enter, "Mitigation factor (MF)", mf)

	// The v0.8 rubric of Table 2 reads in full: Execution Autonomy's
	// three levels with their values.
	got := eval[string](t, tb, `[...document.querySelectorAll("#factor-autonomy-defs dt, #factor-autonomy-defs dd")].map((e) => e.textContent).join(" | ")`)
	want := "None 0 | " + autonomy.Levels[0].Meaning + " | Partial 0.5 | " + autonomy.Levels[1].Meaning + " | Full 1 | " + autonomy.Levels[2].Meaning
	if got != want {
		t.Errorf("Execution Autonomy's levels read\n%s\nwant\n%s", got, want)
	}
	// ThM and MF with two decimals, as their menus show them.
	if got := eval[string](t, tb, `[...document.querySelectorAll("#thm-defs dt, #mf-defs dt")].map((e) => e.textContent).join(" | ")`); got !=
		"Attacked 1.00 | Proof-of-Concept 0.97 | Unreported 0.50 | None 1.00 | Partial 0.83 | Strong 0.67" {
		t.Errorf("ThM and MF levels read %q", got)
	}

	// Closed again with the keyboard, it says so.
	k.press(kb.Enter)
	waitUntil(t, tb, "MF's definitions close", `!document.getElementById("mf-defs").open && !document.getElementById("mf-defs-body")`)
	if st := axOf(t, tb, "mf-defs-summary"); st.expanded != "false" {
		t.Errorf("MF closed: a screen reader hears %+v", st)
	}
	k.press(kb.Enter)
	waitUntil(t, tb, "MF's definitions open again", `!!document.getElementById("mf-defs-body")`)

	shots := os.Getenv("THREATCARD_SHOTS") // a folder to keep screenshots in, to look at
	shoot := func(name string) {
		if shots == "" {
			return
		}
		for _, part := range []string{"cvss", "factors", "multipliers"} {
			png, err := chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.ID(part)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, name+"-"+part+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	check := func(theme string) {
		t.Helper()
		for _, v := range runAxe(t, tb) {
			t.Errorf("%s: %s (%s): %s at %s", theme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
		}
	}
	check("light theme")
	shoot("definitions-light")

	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, tb, "the dark theme", `matchMedia("(prefers-color-scheme: dark)").matches && getComputedStyle(document.body).backgroundColor !== "rgb(255, 255, 255)"`)
	check("dark theme")
	shoot("definitions-dark")

	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, tb, "a phone's width", `innerWidth === 390`)
	check("dark theme at 390 px")
	// At a phone's width no open disclosure runs off the screen.
	if wide := eval[[]string](t, tb, `[...document.querySelectorAll(".tc-defs-body")].filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5).map((e) => e.parentElement.id)`); len(wide) > 0 {
		t.Errorf("at 390 px these definitions run off the screen: %v", wide)
	}
	shoot("definitions-390")
}
