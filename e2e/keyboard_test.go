//go:build e2e

package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// focusNow describes the focused element ("#edition",
// `input[name="cvss-AV"][value="N"]`) and what is wrong with its focus, if
// anything: focus on the page itself, or no visible focus indicator (an
// outline or a shadow on the element, or on the label that stands for a
// visually hidden radio button).
const focusNow = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { at: "body", problem: "nothing has the focus" };
  const tag = el.tagName.toLowerCase();
  let at;
  if (el.type === "radio") at = tag + '[name="' + el.name + '"][value="' + el.value + '"]';
  else if (el.id) at = "#" + el.id;
  else if (tag === "button" && el.getAttribute("value")) at = tag + '[value="' + el.getAttribute("value") + '"]';
  else at = tag + (el.className ? "." + String(el.className).split(" ")[0] : "") + "(" + el.textContent.trim().slice(0, 30) + ")@" + [...document.getElementsByTagName(tag)].indexOf(el);
  const shows = (e) => {
    const cs = getComputedStyle(e);
    return (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none";
  };
  if (!el.matches(":focus-visible")) return { at, problem: "the focus is not :focus-visible" };
  let shown = shows(el);
  if (!shown && (el.type === "radio" || el.type === "checkbox") && el.labels && el.labels.length) shown = shows(el.labels[0]);
  return { at, problem: shown ? "" : "no visible focus indicator" };
})()`

type focus struct {
	At      string `json:"at"`
	Problem string `json:"problem"`
}

// keyboard drives a tab with key events only, checking after each key that
// an element other than the page has the focus and shows it.
type keyboard struct {
	t  *testing.T
	tb *tab
}

func (k keyboard) focus() focus {
	k.t.Helper()
	return eval[focus](k.t, k.tb, focusNow)
}

// press sends a key and checks the focus.
func (k keyboard) press(key string, mods ...chromedp.Modifier) focus {
	k.t.Helper()
	before := k.focus()
	press(k.t, k.tb, key, mods...)
	f := k.focus()
	if f.Problem != "" {
		k.t.Fatalf("%s at %s: %s (at %s)", keyName(key, mods...), before.At, f.Problem, f.At)
	}
	return f
}

// tabTo presses Tab (Shift+Tab with back) until the focus is on the
// element focusNow describes as at. Reaching an element twice on the way
// is a keyboard trap.
func (k keyboard) tabTo(at string, back bool) {
	k.t.Helper()
	var mods []chromedp.Modifier
	if back {
		mods = append(mods, chromedp.ModifierShift)
	}
	seen := map[string]bool{}
	var path []string
	for i := 0; i < 400; i++ {
		f := k.press(kb.Tab, mods...)
		if f.At == at {
			return
		}
		if seen[f.At] {
			k.t.Fatalf("the focus came back to %s before reaching %s (a trap?): %s", f.At, at, strings.Join(path, " → "))
		}
		seen[f.At] = true
		path = append(path, f.At)
	}
	k.t.Fatalf("%s not reached with %s: %s", at, keyName(kb.Tab, mods...), strings.Join(path, " → "))
}

// typeText types s key by key into the focused field.
func (k keyboard) typeText(s string) {
	k.t.Helper()
	for _, r := range s {
		k.press(string(r))
	}
}

// checked is the value of the checked radio button named name, or "".
func checked(name string) string {
	return `(document.querySelector('input[type=radio][name="` + name + `"]:checked')?.value ?? "")`
}

// choose sets the radio group named name to value with the keyboard,
// from the focused first button: Space checks it, then each arrow key
// moves the choice on.
func (k keyboard) choose(name, value string) {
	k.t.Helper()
	k.press(" ")
	k.settle()
	for i := 0; i < 5 && eval[string](k.t, k.tb, checked(name)) != value; i++ {
		k.press(kb.ArrowRight)
		k.settle()
	}
	waitEq(k.t, k.tb, name, checked(name), value)
}

// settle waits, as a person between two keys, until the page has drawn
// what the last key did: the checked button is the focused one, after a
// frame and a task in which the app's Go code runs.
func (k keyboard) settle() {
	k.t.Helper()
	waitUntil(k.t, k.tb, "the page settles", `new Promise((r) => requestAnimationFrame(() => setTimeout(() => {
  const el = document.activeElement;
  r(!el || el.type !== "radio" || el.checked);
}, 20)))`)
}

func TestTheWholeEditorWorksWithTheKeyboard(t *testing.T) {
	// The card to make is the reference calculator's defaults in v0.5
	// (score 5.5 Medium), then an L1 status and a catalog threat.
	golden, c := golden(t, "v05-calculator-defaults")
	// The golden link is format 1; the page writes the card's format 2 link.
	scoring, _, _ := strings.Cut(written(t, golden), "&d=")
	vector := *c.AIVSS.CVSSVector
	_, factorList, _ := strings.Cut(scoring, "&f=")
	factorList, _, _ = strings.Cut(factorList, "&")
	factors := strings.Split(factorList, ",")

	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	allowClipboard(t, tb, s.URL)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	waitEq(t, tb, "#score of the new card", scoreText, newCardScore)

	step(t, "edition", func(t *testing.T) {
		k := keyboard{t, tb}
		k.tabTo("#edition", false)
		k.press(kb.ArrowDown) // v0.8 → v0.5, the next in the menu
		waitEq(t, tb, "#edition", valueOf("edition"), "v0.5")
		waitUntil(t, tb, "the link has the edition", fragmentNow+`.startsWith("v2&e=v0.5&")`)
	})
	step(t, "CVSS metrics", func(t *testing.T) {
		k := keyboard{t, tb}
		metrics := strings.Split(strings.TrimPrefix(vector, "CVSS:4.0/"), "/")
		for _, m := range metrics {
			abbrev, value, _ := strings.Cut(m, ":")
			name := "cvss-" + abbrev
			k.tabTo(`input[name="`+name+`"][value="`+firstValue(t, tb, name)+`"]`, false)
			k.choose(name, value)
		}
		waitUntil(t, tb, "the link has the vector", fragmentNow+`.includes(`+js("&c="+vector+"&")+`)`)
	})
	step(t, "factors", func(t *testing.T) {
		k := keyboard{t, tb}
		ids := eval[[]string](t, tb, `[...document.querySelectorAll("#factors fieldset.tc-factor")].map((f) => f.id)`)
		if len(ids) != len(factors) {
			t.Fatalf("%d factor groups on the page, %d in the reference", len(ids), len(factors))
		}
		for i, id := range ids {
			k.tabTo(`input[name="`+id+`"][value="`+firstValue(t, tb, id)+`"]`, false)
			k.choose(id, factors[i])
		}
	})
	step(t, "ThM", func(t *testing.T) {
		k := keyboard{t, tb}
		k.tabTo("#thm", false)
		before := eval[string](t, tb, valueOf("thm"))
		scoreBefore := eval[string](t, tb, scoreText)
		k.press(kb.ArrowDown)
		waitUntil(t, tb, "ThM changes", valueOf("thm")+` !== `+js(before))
		waitUntil(t, tb, "the link's ThM changes", `!`+fragmentNow+`.endsWith("&thm=" + Number(`+js(before)+`))`)
		// The next key waits for the page to draw the change, as a person
		// sees it: a key pressed in the frame between the edit and its
		// drawing is overwritten by the drawing (go-app sets the options'
		// selected state).
		waitUntil(t, tb, "the score follows ThM", scoreText+` !== `+js(scoreBefore))
		k.press(kb.ArrowUp)
		waitEq(t, tb, "#thm", valueOf("thm"), before)
		waitEq(t, tb, "#score", scoreText, scoreBefore)
	})
	step(t, "the score is the reference's", func(t *testing.T) {
		waitEq(t, tb, "#score", scoreText, c.scoreWant(t))
		waitEq(t, tb, "the link", fragmentNow, scoring)
	})
	step(t, "layer status", func(t *testing.T) {
		k := keyboard{t, tb}
		k.tabTo("#layer-1-status", false)
		k.press(kb.ArrowDown) // not assessed → mapped
		waitEq(t, tb, "#layer-1-status", valueOf("layer-1-status"), "mapped")
	})
	step(t, "a threat from the catalog", func(t *testing.T) {
		k := keyboard{t, tb}
		k.tabTo("#layer-1-add-threat", false)
		if f := k.press(kb.Enter); f.At != "#catalog-search" {
			waitEq(t, tb, "the focus after opening the catalog", `document.activeElement.id`, "catalog-search")
		}
		k.typeText("jailbreak")
		waitEq(t, tb, "the search's results", `document.querySelectorAll("#catalog-results button.tc-catalog-add").length`, 1)
		k.tabTo(`button[value="l1-prompt-injection"]`, false)
		k.press(kb.Enter)
		waitEq(t, tb, "L1's threats", threatNames("layer-1"), "Prompt Injection and Jailbreaks")
	})
	step(t, "copy link", func(t *testing.T) {
		k := keyboard{t, tb}
		k.tabTo("#share-copy-link", true)
		k.press(kb.Enter)
		waitEq(t, tb, "#share-status", textOf("share-status"), "Link copied to the clipboard.")
		if got, want := eval[string](t, tb, clipboardText), eval[string](t, tb, "location.href"); got != want {
			t.Errorf("clipboard %q, want the address %q", got, want)
		}
	})
	step(t, "the card has every change", func(t *testing.T) {
		fragment := eval[string](t, tb, fragmentNow)
		if !strings.HasPrefix(fragment, scoring+"&d=") {
			t.Fatalf("link %q does not start with the reference's scoring part %q", fragment, scoring)
		}
		got, err := link.Decode(fragment)
		if err != nil {
			t.Fatal(err)
		}
		l1 := got.MAESTRO.Layers[0]
		if l1.Status != maestro.Mapped || len(l1.Threats) != 1 || l1.Threats[0].CatalogID != "l1-prompt-injection" {
			t.Errorf("L1 is %+v, want mapped with the catalog threat l1-prompt-injection", l1)
		}
		if got.MAESTRO.NumThreats() != 1 {
			t.Errorf("%d threats, want 1", got.MAESTRO.NumThreats())
		}
	})
	step(t, "no keyboard trap", func(t *testing.T) {
		// From the share bar, Tab goes through the rest of the page once
		// and leaves it; Shift+Tab comes back.
		var path []string
		seen := map[string]bool{}
		for i := 0; ; i++ {
			press(t, tb, kb.Tab)
			f := eval[focus](t, tb, focusNow)
			if f.At == "body" {
				break
			}
			if f.Problem != "" {
				t.Fatalf("at %s: %s", f.At, f.Problem)
			}
			if seen[f.At] || i == 1000 {
				t.Fatalf("the focus does not leave the page: %s", strings.Join(path, " → "))
			}
			seen[f.At] = true
			path = append(path, f.At)
		}
		if len(path) < 50 {
			t.Errorf("only %d elements after the share bar: %s", len(path), strings.Join(path, " → "))
		}
		k := keyboard{t, tb}
		if f := k.press(kb.Tab, chromedp.ModifierShift); f.At != path[len(path)-1] {
			t.Errorf("Shift+Tab from the end reached %s, want %s", f.At, path[len(path)-1])
		}
	})
}

// step runs a subtest of a sequence, which ends at the first that fails.
func step(t *testing.T, name string, f func(t *testing.T)) {
	t.Helper()
	if !t.Run(name, f) {
		t.FailNow()
	}
}

// firstValue is the value of the first radio button named name: the one
// Tab reaches in a group with none checked.
func firstValue(t *testing.T, tb *tab, name string) string {
	t.Helper()
	raw := eval[string](t, tb, `JSON.stringify([...document.querySelectorAll('input[type=radio][name="`+name+`"]')].map((r) => r.value))`)
	var values []string
	if err := json.Unmarshal([]byte(raw), &values); err != nil || len(values) == 0 {
		t.Fatalf("no radio buttons named %s (%s)", name, raw)
	}
	return values[0]
}
