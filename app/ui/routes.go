package ui

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// routes maps each page path to its root component.
var routes = []struct {
	path string
	page func() app.Composer
}{
	{"/", func() app.Composer { return &Page{} }},
}

var registerOnce sync.Once

// Register adds the app's routes to go-app's router. Both the browser entry
// and the static site generator call it; calling it again does nothing.
func Register() {
	registerOnce.Do(func() {
		for _, r := range routes {
			app.Route(r.path, r.page)
		}
	})
}

// Paths lists the paths of the app's pages, for the site generator, which
// writes and precaches one HTML file for each.
func Paths() []string {
	paths := make([]string, len(routes))
	for i, r := range routes {
		paths[i] = r.path
	}
	return paths
}
