package cardjson

import (
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// hostile are strings that would inject a link, an image, HTML or a table
// cell into unescaped Markdown.
var hostile = []string{
	"<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "[x](javascript:alert(1))",
	"![i](http://evil/x.png)", "http://evil.example", "https://evil.example", "www.evil.example",
	"| pipe |", "<http://evil.example>", "[ref]: http://evil.example", "a@evil.example",
	"```\ncode", "# heading\n- item\n> quote\n    indented", "&lt;b&gt;", "<!-- comment -->",
}

// hostileCard puts s into every text field of a card.
func hostileCard(s string) *card.Card {
	c := handCard()
	c.Title = strings.ReplaceAll(s, "\n", " ")
	c.Summary = s
	for i := range c.MAESTRO.Layers {
		e := &c.MAESTRO.Layers[i]
		e.Status = maestro.Status(i % 3)
		e.Notes = s
		e.Threats = []maestro.Threat{{Title: c.Title, Description: s, Mitigations: s}}
	}
	// A catalog id the catalog does not know is shown as the threat's name.
	id := []rune(c.Title)
	if len(id) > card.MaxCatalogID {
		id = id[:card.MaxCatalogID]
	}
	l1 := c.MAESTRO.Layer(maestro.FoundationModels)
	l1.Threats = append(l1.Threats, maestro.Threat{CatalogID: string(id)})
	c.MAESTRO.CrossLayer = []maestro.Threat{{Title: c.Title, Description: s, Mitigations: s, Layers: []maestro.Layer{1, 7}}}
	return c
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var sb strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			sb.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl + "\n")
		}
	}
	return sb.String()
}
