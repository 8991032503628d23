package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Theme is the colour theme the user chose.
type Theme string

const (
	ThemeSystem Theme = "system" // follow the system (prefers-color-scheme); the default
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// ThemeKey is the localStorage key of the chosen theme. Every project site
// of a GitHub user shares one origin, hence the prefix.
const ThemeKey = "threatcard.theme"

// ParseTheme reads a stored theme; anything unknown is ThemeSystem.
func ParseTheme(s string) Theme {
	switch t := Theme(s); t {
	case ThemeLight, ThemeDark:
		return t
	}
	return ThemeSystem
}

// Next is the theme the toggle switches to: system → light → dark → system.
func (t Theme) Next() Theme {
	switch t {
	case ThemeSystem:
		return ThemeLight
	case ThemeLight:
		return ThemeDark
	}
	return ThemeSystem
}

// Label describes the theme on the toggle.
func (t Theme) Label() string {
	switch t {
	case ThemeLight:
		return "Theme: light"
	case ThemeDark:
		return "Theme: dark"
	}
	return "Theme: as the system"
}

// ThemeToggle switches the colour theme. The choice is kept in localStorage
// and shown as data-theme="light" or "dark" on <html> (no attribute for the
// system's), which web/threatcard.css styles; no inline style is involved.
type ThemeToggle struct {
	app.Compo

	Guard Guard // the page's handler wrapper; nil recovers locally

	theme   Theme
	failure string
}

// OnMount applies the stored theme.
func (t *ThemeToggle) OnMount(ctx app.Context) {
	var stored string
	if err := ctx.LocalStorage().Get(ThemeKey, &stored); err != nil {
		stored = "" // unreadable: as the system
	}
	t.theme = ParseTheme(stored)
	applyTheme(t.theme)
}

func (t *ThemeToggle) Render() app.UI {
	theme := ParseTheme(string(t.theme))
	return el("span", "class", "tc-theme").Body(
		el("button", "id", "theme-toggle", "class", "tc-theme-toggle", "type", "button",
			"title", "Switch to "+themeWord(theme.Next())).
			Text(theme.Label()).OnClick(guarded(t.Guard, "switching the theme", t.toggle, func(err error) { t.failure = err.Error() })),
		app.If(t.failure != "", func() app.UI {
			return textEl("span", t.failure, "class", "tc-theme-error", "role", "alert")
		}),
	)
}

func themeWord(t Theme) string {
	if t == ThemeSystem {
		return "the system's theme"
	}
	return string(t) + " theme"
}

func (t *ThemeToggle) toggle(ctx app.Context, e app.Event) {
	t.theme = ParseTheme(string(t.theme)).Next()
	if t.theme == ThemeSystem {
		ctx.LocalStorage().Del(ThemeKey)
	} else if err := ctx.LocalStorage().Set(ThemeKey, string(t.theme)); err != nil {
		// Storage full or disabled: the theme still applies to this visit.
		t.failure = "The theme could not be kept for the next visit: " + err.Error()
	}
	applyTheme(t.theme)
}

// applyTheme sets <html data-theme> for t.
func applyTheme(t Theme) {
	root := app.Window().Get("document").Get("documentElement")
	if !root.Truthy() {
		return
	}
	if t == ThemeSystem {
		root.Call("removeAttribute", "data-theme")
		return
	}
	root.Call("setAttribute", "data-theme", string(t))
}
