package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// FragmentView shows the link's fragment as plain text. It stands in for the
// calculator until the card packages land.
type FragmentView struct {
	app.Compo

	Fragment string
}

func (c *FragmentView) Render() app.UI {
	return app.Section().Class("tc-card").Aria("labelledby", "card-title").Body(
		app.H2().ID("card-title").Text("Card"),
		app.If(c.Fragment == "", func() app.UI {
			return app.P().ID("fragment-empty").Text("This link carries no card yet.")
		}).Else(func() app.UI {
			return app.Div().Body(
				app.P().Text("The link carries this card data:"),
				app.Pre().ID("fragment").Text(c.Fragment),
			)
		}),
	)
}
