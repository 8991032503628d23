//go:build e2e

package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axeViolation is one rule axe-core found broken, with where.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// newAxeTab opens a tab that can take axe-core. The page's policy would
// refuse a script injected into it (Trusted Types), so this tab bypasses
// the policy; the policy itself is tested in tabs that do not.
func newAxeTab(t *testing.T) *tab {
	t.Helper()
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return tb
}

// runAxe injects axe-core (installed by make from e2e/package-lock.json)
// into the current page and returns the violations of impact serious or
// critical.
func runAxe(t *testing.T, tb *tab) []axeViolation {
	t.Helper()
	src, err := os.ReadFile(env("AXE_JS", "../.cache/axe/node_modules/axe-core/axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core missing (make test installs it): %v", err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	all := eval[[]axeViolation](t, tb, `axe.run(document, { resultTypes: ["violations"] }).then((r) =>
  r.violations.map((v) => ({ id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })))`)
	var serious []axeViolation
	for _, v := range all {
		if v.Impact == "serious" || v.Impact == "critical" {
			serious = append(serious, v)
		}
	}
	return serious
}

func TestNoSeriousAccessibilityViolations(t *testing.T) {
	full, _ := golden(t, "card-edition-full-model")
	tests := []struct {
		name  string
		path  string                 // opened as a new page; "" stays on the page
		do    func(*testing.T, *tab) // then done on it
		ready string                 // waited for before axe runs
	}{
		{
			name: "bare app",
			path: "/",
			do: func(t *testing.T, tb *tab) {
				click(t, tb, "#cvss details.tc-metric-group summary") // the folded Threat metrics
			},
			ready: `!!document.getElementById("cvss-E")`,
		},
		{name: "example card", path: "/#" + exampleCardLink(t), ready: `!!document.getElementById("maestro-overview")`},
		{
			name: "full-model card with the MAESTRO editor open",
			path: "/#" + full,
			do: func(t *testing.T, tb *tab) {
				click(t, tb, "#layer-1-add-threat") // the catalog picker
				typeInto(t, tb, "#catalog-search", "poison")
			},
			ready: `!!document.querySelector("#catalog-results button.tc-catalog-add") && !!document.querySelector("#layer-1 li.tc-threat")`,
		},
		{
			name: "the same in the dark theme",
			do: func(t *testing.T, tb *tab) {
				click(t, tb, "#theme-toggle") // system → light
				click(t, tb, "#theme-toggle") // light → dark
			},
			ready: `document.documentElement.dataset.theme === "dark" && !!document.getElementById("catalog-search")`,
		},
		{name: "bad link", path: "/#" + offGridLink, ready: `!!document.getElementById("link-error")`},
	}
	s := serve(t, rootSite.dir, "/")
	tb := newAxeTab(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.path != "" {
				open(t, tb, s, tt.path)
			}
			if tt.name != "bad link" {
				waitForEditor(t, tb)
			}
			if tt.do != nil {
				tt.do(t, tb)
			}
			waitUntil(t, tb, tt.name+" is shown", tt.ready)
			for _, v := range runAxe(t, tb) {
				t.Errorf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
			}
		})
	}
	t.Run("system dark theme", func(t *testing.T) {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
		}); err != nil {
			t.Fatal(err)
		}
		open(t, tb, s, "/#"+full)
		waitForEditor(t, tb)
		click(t, tb, "#theme-toggle") // dark → system
		waitUntil(t, tb, "the system's dark theme", `!document.documentElement.dataset.theme && matchMedia("(prefers-color-scheme: dark)").matches`)
		for _, v := range runAxe(t, tb) {
			t.Errorf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
		}
	})
}

// The helper must see what it is meant to see: an image without a text
// alternative is a critical violation (axe rule image-alt).
func TestAxeHelperReportsAKnownViolation(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newAxeTab(t)
	tb.navigate(t, s.url("/"))
	waitForApp(t, tb)
	eval[any](t, tb, `document.getElementById("main").appendChild(document.createElement("img")).src = "web/icon-192.png"`)
	found := runAxe(t, tb)
	if len(found) != 1 || found[0].ID != "image-alt" || found[0].Impact != "critical" {
		t.Errorf("violations %+v, want exactly image-alt (critical)", found)
	}
}
