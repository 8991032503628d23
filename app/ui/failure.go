package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// ErrorPanel is the page's error state: what went wrong, as text, and a way
// back to an empty card.
type ErrorPanel struct {
	app.Compo

	Message     string           // shown as text
	OnStartOver app.EventHandler // nil hides the button
}

func (c *ErrorPanel) Render() app.UI {
	return app.Section().ID("error").Class("tc-error").Aria("labelledby", "error-title").Body(
		app.H2().ID("error-title").Text("This link could not be shown"),
		app.P().ID("error-text").Role("alert").Text(c.Message),
		app.If(c.OnStartOver != nil, func() app.UI {
			return app.Button().ID("start-over").Type("button").Text("Start over with an empty card").OnClick(c.OnStartOver)
		}),
	)
}
