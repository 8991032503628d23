//go:build js && wasm

package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func themeAttribute() (string, bool) {
	root := app.Window().Get("document").Get("documentElement")
	if !root.Call("hasAttribute", "data-theme").Bool() {
		return "", false
	}
	return root.Call("getAttribute", "data-theme").String(), true
}

func storedTheme() (string, bool) {
	v := app.Window().Get("localStorage").Call("getItem", "threatcard.theme")
	if v.IsNull() {
		return "", false
	}
	return v.String(), true
}

func resetTheme(t *testing.T) {
	app.Window().Get("localStorage").Call("removeItem", "threatcard.theme")
	app.Window().Get("document").Get("documentElement").Call("removeAttribute", "data-theme")
	t.Cleanup(func() {
		app.Window().Get("localStorage").Call("removeItem", "threatcard.theme")
		app.Window().Get("document").Get("documentElement").Call("removeAttribute", "data-theme")
	})
}

func TestThemeToggleCyclesAndPersists(t *testing.T) {
	resetTheme(t)
	e := mountShare(t, &ThemeToggle{})
	if got := shareTextOf(t, "theme-toggle"); got != "Theme: as the system" {
		t.Fatalf("first label %q", got)
	}
	if v, ok := themeAttribute(); ok {
		t.Fatalf("data-theme=%q before any choice", v)
	}

	steps := []struct {
		label     string
		attribute string // "" for none
		stored    string // "" for nothing stored
	}{
		{"Theme: light", "light", `"light"`},
		{"Theme: dark", "dark", `"dark"`},
		{"Theme: as the system", "", ""},
	}
	for i, s := range steps {
		shareClick(t, e, "theme-toggle")
		if got := shareTextOf(t, "theme-toggle"); got != s.label {
			t.Errorf("click %d: label %q, want %q", i+1, got, s.label)
		}
		if v, ok := themeAttribute(); v != s.attribute || ok != (s.attribute != "") {
			t.Errorf("click %d: data-theme %q (present %v), want %q", i+1, v, ok, s.attribute)
		}
		if v, ok := storedTheme(); v != s.stored || ok != (s.stored != "") {
			t.Errorf("click %d: stored %q (present %v), want %q", i+1, v, ok, s.stored)
		}
	}
}

func TestTheStoredThemeAppliesOnTheNextVisit(t *testing.T) {
	resetTheme(t)
	app.Window().Get("localStorage").Call("setItem", "threatcard.theme", `"dark"`)
	mountShare(t, &ThemeToggle{})
	if v, _ := themeAttribute(); v != "dark" {
		t.Errorf("data-theme %q, want dark", v)
	}
	if got := shareTextOf(t, "theme-toggle"); got != "Theme: dark" {
		t.Errorf("label %q", got)
	}
}

func TestAnUnreadableStoredThemeFollowsTheSystem(t *testing.T) {
	resetTheme(t)
	app.Window().Get("localStorage").Call("setItem", "threatcard.theme", "{not json")
	mountShare(t, &ThemeToggle{})
	if v, ok := themeAttribute(); ok {
		t.Errorf("data-theme %q, want none", v)
	}
	if got := shareTextOf(t, "theme-toggle"); got != "Theme: as the system" {
		t.Errorf("label %q", got)
	}
}
