package ui

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page builds its elements with el and voidEl; they must come out as
// the same HTML as go-app's typed elements and setters would write.
func TestElWritesWhatTypedSettersWrite(t *testing.T) {
	cases := []struct {
		name      string
		got, want app.UI
	}{
		{"tag alone", el("li"), app.Li()},
		{"id and class", el("p", "id", "x", "class", "a b"), app.P().ID("x").Class("a", "b")},
		{"aria and role", el("div", "role", "status", "aria-live", "polite"), app.Div().Role("status").Aria("live", "polite")},
		{"boolean true", el("button", "type", "button", "disabled", "true"), app.Button().Type("button").Disabled(true)},
		{"boolean false", el("option", "value", "v", "selected", "false"), app.Option().Value("v").Selected(false)},
		{"number", el("textarea", "rows", "2"), app.Textarea().Rows(2)},
		{"empty value left out", el("p", "class", "", "title", ""), app.P().Class("").Title("")},
		{"odd trailing name ignored", el("p", "id"), app.P()},
		{"body and text", el("ul").Body(el("li").Text("one")), app.Ul().Body(app.Li().Text("one"))},
		{"void element", voidEl("input", "type", "text", "value", "a<b", "size", "6"), app.Input().Type("text").Value("a<b").Size(6)},
		{"void checkbox", voidEl("input", "type", "checkbox", "checked", "true"), app.Input().Type("checkbox").Checked(true)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, want := sortedAttrs(app.HTMLString(c.got)), sortedAttrs(app.HTMLString(c.want))
			if got != want {
				t.Errorf("el wrote\n%s\ngo-app's typed element writes\n%s", got, want)
			}
		})
	}
}

var startTag = regexp.MustCompile(`<([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>`)
var attribute = regexp.MustCompile(`[a-z-]+(?:="[^"]*")?`)

// sortedAttrs writes the attributes of each start tag in s in sorted
// order: go-app writes them in the order of a map.
func sortedAttrs(s string) string {
	return startTag.ReplaceAllStringFunc(s, func(tag string) string {
		m := startTag.FindStringSubmatch(tag)
		attrs := attribute.FindAllString(m[2], -1)
		sort.Strings(attrs)
		return "<" + strings.Join(append([]string{m[1]}, attrs...), " ") + ">"
	})
}
