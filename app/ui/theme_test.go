package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestParseTheme(t *testing.T) {
	tests := []struct {
		stored string
		want   Theme
	}{
		{"light", ThemeLight},
		{"dark", ThemeDark},
		{"system", ThemeSystem},
		{"", ThemeSystem},
		{"Dark", ThemeSystem},
		{" dark", ThemeSystem},
		{"sepia", ThemeSystem},
	}
	for _, tt := range tests {
		if got := ParseTheme(tt.stored); got != tt.want {
			t.Errorf("ParseTheme(%q) = %q, want %q", tt.stored, got, tt.want)
		}
	}
}

func TestThemeCyclesSystemLightDark(t *testing.T) {
	tests := []struct {
		from, next Theme
		label      string
	}{
		{ThemeSystem, ThemeLight, "Theme: as the system"},
		{ThemeLight, ThemeDark, "Theme: light"},
		{ThemeDark, ThemeSystem, "Theme: dark"},
		{Theme("sepia"), ThemeSystem, "Theme: as the system"},
	}
	for _, tt := range tests {
		if got := tt.from.Next(); got != tt.next {
			t.Errorf("%q.Next() = %q, want %q", tt.from, got, tt.next)
		}
		if got := tt.from.Label(); got != tt.label {
			t.Errorf("%q.Label() = %q, want %q", tt.from, got, tt.label)
		}
	}
}

func TestThemeToggleIsANamedButton(t *testing.T) {
	tests := []struct {
		theme Theme
		title string
		text  string
	}{
		{"", "Switch to light theme", "Theme: as the system"},
		{ThemeLight, "Switch to dark theme", "Theme: light"},
		{ThemeDark, "Switch to the system's theme", "Theme: dark"},
	}
	for _, tt := range tests {
		tree := (&ThemeToggle{theme: tt.theme}).Render()
		button := app.Elem("button").ID("theme-toggle").Class("tc-theme-toggle").Attr("type", "button").Title(tt.title).OnClick(noop)
		if err := app.Match(button, tree, 0); err != nil {
			t.Errorf("%q: %v", tt.theme, err)
		}
		if err := app.Match(app.Text(tt.text), tree, 0, 0); err != nil {
			t.Errorf("%q: %v", tt.theme, err)
		}
	}
}
