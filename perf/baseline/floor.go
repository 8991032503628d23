package baseline

import (
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Floor is a keystroke's floor: one button that changes a number, which
// go-app draws again, and writes the number into the address's fragment
// in place of the current history entry, as threatcard's page writes a
// card's link on every change (history.replaceState, called directly, not
// through go-app's ReplaceURL). The number has threatcard's score's id,
// score-value, so the same page-side timing code measures both.
type Floor struct {
	app.Compo
	n int
}

// Render draws the button and the number.
func (f *Floor) Render() app.UI {
	return app.Main().Body(
		app.Button().ID("floor-change").Text("Change").OnClick(f.change),
		app.P().ID("score-value").Text(strconv.Itoa(f.n)),
	)
}

// change counts the click and writes the fragment n=<count>.
func (f *Floor) change(ctx app.Context, e app.Event) {
	f.n++
	u := ctx.Page().URL()
	if u == nil {
		u = &url.URL{Path: "/"}
	}
	next := *u
	next.Fragment, next.RawFragment = "n="+strconv.Itoa(f.n), ""
	app.Window().Get("history").Call("replaceState", nil, "", next.String())
}
