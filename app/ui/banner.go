package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PollUpdates asks the service worker to look for a new version every
// interval, for pages left open for long; browsers check by themselves only
// when a page is loaded. When the new worker is installed, go-app calls
// OnAppUpdate and the page shows the banner. It returns at once; the polling
// runs for the life of the page.
func PollUpdates(every time.Duration) {
	go func() {
		for range time.Tick(every) {
			app.TryUpdate()
		}
	}()
}

// UpdateBanner tells that a new version is installed and offers to reload.
// It never reloads by itself: the user may be in the middle of an edit.
type UpdateBanner struct {
	app.Compo

	OnReload app.EventHandler
}

func (c *UpdateBanner) Render() app.UI {
	return el("div", "id", "update", "class", "tc-update", "role", "status").Body(
		textEl("p", "A new version of threatcard is ready."),
		el("button", "id", "update-reload", "type", "button").Text("Reload").OnClick(c.OnReload),
	)
}
