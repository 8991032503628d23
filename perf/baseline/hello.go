package baseline

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Hello renders the one element the first-render figures wait for:
// <h1 id="hello">Hello</h1>.
type Hello struct {
	app.Compo
}

// Render draws the heading.
func (h *Hello) Render() app.UI {
	return app.H1().ID("hello").Text("Hello")
}
