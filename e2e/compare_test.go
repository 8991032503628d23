//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
)

// The compare view of two links in the built site: cardtest.Hand (9.6
// Critical) as A and the same card with MF 0.83 as B: 9.60555 × 0.83 =
// 7.9726065 → 8.0 High, a delta of −1.6, worked by hand. Both scores, the
// delta and the changes in words show; the Markdown copied is the
// comparison's; axe finds nothing serious in the light and dark themes.
// With COMPARE_SHOTS set to a directory, screenshots go there (light,
// dark, 390 px).
func TestCompareViewOfTwoLinks(t *testing.T) {
	a := cardtest.Hand()
	b := cardtest.Hand()
	b.AIVSS.MF = decimal.Some(decimal.MustParse("0.83"))
	la, err := link.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	lb, err := link.Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	fragment := compareAddress(la, lb)

	s := serve(t, rootSite.dir, "/")
	tb := newAxeTab(t)
	allowClipboard(t, tb, s.URL)
	open(t, tb, s, "/#"+fragment)
	waitEq(t, tb, "card A's score", textOf("compare-a-score"), "AIVSS 9.6 Critical")
	waitEq(t, tb, "card B's score", textOf("compare-b-score"), "AIVSS 8.0 High")
	waitEq(t, tb, "the delta", textOf("compare-delta"), "Change in AIVSS score (B − A): −1.6 (B is lower)")
	checkChanges(t, tb, []string{
		"Changed: MF: None (1) → Partial (0.83)",
		"Changed, computed: AIVSS score: 9.6 Critical → 8.0 High",
		"Changed, computed: AIVSS severity: Critical → High",
	})
	if got := eval[string](t, tb, `document.getElementById("compare-open-a").getAttribute("href")`); got != "#"+la {
		t.Errorf("Open card A links to %q", got)
	}

	click(t, tb, "#compare-copy-markdown")
	waitEq(t, tb, "#compare-status", textOf("compare-status"), "Comparison copied to the clipboard as Markdown.")
	md := eval[string](t, tb, clipboardText)
	for _, line := range []string{
		"**Comparison of two threatcards**",
		"- **A:** **Ticket triage bot** — AIVSS 9.6 Critical (OWASP AIVSS v0.8)",
		"- **B:** **Ticket triage bot** — AIVSS 8.0 High (OWASP AIVSS v0.8)",
		"- **Delta (B − A):** -1.6",
		"| — | MF | None (1) | Partial (0.83) | changed |",
		"| — | AIVSS score | 9.6 Critical | 8.0 High | changed (computed) |",
	} {
		if !strings.Contains(md, line+"\n") {
			t.Errorf("the Markdown copied lacks %q:\n%s", line, md)
		}
	}

	shots := os.Getenv("COMPARE_SHOTS")
	shot := func(name string) {
		if shots == "" {
			return
		}
		buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if v := runAxe(t, tb); len(v) > 0 {
		t.Errorf("axe, light theme: %+v", v)
	}
	shot("compare-light.png")
	for i := 0; i < 3 && eval[string](t, tb, `document.documentElement.dataset.theme ?? ""`) != "dark"; i++ {
		click(t, tb, "#theme-toggle") // the toggle goes round its themes
	}
	waitUntil(t, tb, "the dark theme", `document.documentElement.dataset.theme === "dark"`)
	if v := runAxe(t, tb); len(v) > 0 {
		t.Errorf("axe, dark theme: %+v", v)
	}
	shot("compare-dark.png")
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, tb, "a phone's width", `innerWidth === 390`)
	if got := eval[bool](t, tb, `document.documentElement.scrollWidth <= innerWidth`); !got {
		t.Error("the comparison runs off a 390 px screen")
	}
	if v := runAxe(t, tb); len(v) > 0 {
		t.Errorf("axe, 390 px: %+v", v)
	}
	shot("compare-390.png")
}

// "Compare with…" under the card shown, with a card from the recent
// cards as A: the comparison shows that card before and the card shown
// after, at the compare address of their two links; "Swap A and B"
// exchanges them, in the address and on the page.
func TestCompareWithARecentCardThenSwap(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	titled(t, tb, "Before") // with Tools Full
	before := eval[string](t, tb, fragmentNow)
	click(t, tb, "#tool-new")
	waitEq(t, tb, "the new card's title", valueOf("card-title"), "")
	typeInto(t, tb, "#card-title", "After")
	waitEq(t, tb, "the draft's title", savedTitle, "After")
	after := eval[string](t, tb, fragmentNow)

	click(t, tb, "#compare-with-toggle")
	offered := `[...document.querySelectorAll("#compare-with-panel li button")].map((b) => b.id + " " + b.textContent)`
	waitUntil(t, tb, "the recent cards offered", offered+`.length > 0`)
	var id string
	for _, o := range eval[[]string](t, tb, offered) {
		if bid, label, _ := strings.Cut(o, " "); strings.HasPrefix(label, "Compare with Before") {
			id = bid
		}
	}
	if id == "" {
		t.Fatalf("no recent card Before to compare with; offered %q", eval[[]string](t, tb, offered))
	}
	click(t, tb, "#"+id)

	waitEq(t, tb, "the compare address", fragmentNow, compareAddress(before, after))
	waitEq(t, tb, "card A", textOf("compare-a-title"), "Card A (before)Before")
	waitEq(t, tb, "card B", textOf("compare-b-title"), "Card B (after)After")
	checkChanges(t, tb, []string{
		"Changed: title: “Before” → “After”",
		"Removed: External Tool Control Surface: Full (1) → not set",
	})
	if got := eval[string](t, tb, `document.getElementById("compare-open-a").getAttribute("href")`); got != "#"+before {
		t.Errorf("Open card A links to %q, want the recent card's link", got)
	}

	click(t, tb, "#compare-swap")
	waitEq(t, tb, "the address after the swap", fragmentNow, compareAddress(after, before))
	waitEq(t, tb, "card A after the swap", textOf("compare-a-title"), "Card A (before)After")
	waitEq(t, tb, "card B after the swap", textOf("compare-b-title"), "Card B (after)Before")
}

// compareAddress is the compare fragment of the card links a and b, as a
// person would write it: each link with '%', '&', '=' and '#' escaped.
func compareAddress(a, b string) string {
	esc := strings.NewReplacer("%", "%25", "&", "%26", "=", "%3D", "#", "%23")
	return "compare&a=" + esc.Replace(a) + "&b=" + esc.Replace(b)
}

// checkChanges checks the compare view's list of changes, line by line.
func checkChanges(t *testing.T, tb *tab, want []string) {
	t.Helper()
	changes := eval[[]string](t, tb, `[...document.querySelectorAll("#compare-changes li")].map((li) => li.textContent)`)
	if strings.Join(changes, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(changes, "\n"), strings.Join(want, "\n"))
	}
}
