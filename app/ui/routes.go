package ui

import (
	"slices"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Route is one page of the app: its path and the component that draws it.
type Route struct {
	Path string
	New  func() app.Composer
}

// routes are the app's pages.
var routes = []Route{
	{"/", func() app.Composer { return &Page{} }},
}

var registerOnce sync.Once

// Register adds the app's routes to go-app's router. Both the browser entry
// and the static site generator call it; calling it again does nothing.
func Register() {
	registerOnce.Do(func() {
		for _, r := range routes {
			app.Route(r.Path, r.New)
		}
	})
}

// Routes lists the app's pages: the browser entry routes them (Register),
// and the site generator prerenders and precaches each.
func Routes() []Route { return slices.Clone(routes) }
