package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// UpdateBanner tells that a new version is installed and offers to reload.
// It never reloads by itself: the user may be in the middle of an edit.
type UpdateBanner struct {
	app.Compo

	OnReload app.EventHandler
}

func (c *UpdateBanner) Render() app.UI {
	return app.Div().ID("update").Class("tc-update").Role("status").Body(
		app.P().Text("A new version of threatcard is ready."),
		app.Button().ID("update-reload").Type("button").Text("Reload").OnClick(c.OnReload),
	)
}
