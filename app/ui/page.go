// Package ui holds the go-app components of the threatcard web app.
//
// The root component of a route (Page) owns all state. Children receive it
// as exported fields and report user actions through event handlers that the
// page creates, so every way into our code from the browser passes through
// the page's panic recovery (see guard.go).
//
// The state lives in the URL fragment, which browsers never send to a
// server. The page reads it in OnNav (any navigation, including an edited
// fragment) through its decoder, and writes it with setFragment, which
// replaces the address without a navigation or a history entry. The
// calculator plugs in there: the decoder becomes scoring/link's (a card.Card
// instead of linkState), a child component edits the card and hands it up,
// and the page encodes it and calls setFragment. Scores come from the
// scoring packages; nothing here computes one.
package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/internal/release"
)

// Page is the calculator page. It reads its state from the URL fragment.
type Page struct {
	app.Compo

	decode          decoder   // nil means decodeFragment
	state           linkState // what the link decoded to
	failure         error     // non-nil: the page shows its error state
	updateAvailable bool      // a new version is installed; offer a reload
}

// OnNav reads the fragment each time the URL changes, including changes of
// the fragment alone (back/forward, an edited address).
func (p *Page) OnNav(ctx app.Context) {
	p.guard("reading the link", func() {
		p.show(ctx.Page().URL())
	})
}

// OnAppUpdate shows the reload prompt once a new version is installed.
func (p *Page) OnAppUpdate(ctx app.Context) {
	p.updateAvailable = ctx.AppUpdateAvailable()
}

// show sets the page's state from u; a bad link becomes the error state.
func (p *Page) show(u *url.URL) {
	p.failure = nil
	fragment, err := fragmentOf(u)
	if err != nil {
		p.failure = err
		return
	}
	decode := p.decode
	if decode == nil {
		decode = decodeFragment
	}
	state, err := decode(fragment)
	if err != nil {
		p.failure = err
		return
	}
	p.state = state
}

// guard runs fn and turns a panic in it into the page's error state.
func (p *Page) guard(during string, fn func()) {
	if err := recovered(during, fn); err != nil {
		p.failure = err
	}
}

// handler wraps an event handler with the page's panic recovery.
func (p *Page) handler(during string, h app.EventHandler) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.guard(during, func() { h(ctx, e) })
	}
}

// setFragment puts fragment into the address bar in place of the current
// one, adding no history entry and causing no navigation, and shows it.
func (p *Page) setFragment(ctx app.Context, fragment string) {
	u := ctx.Page().URL()
	if u == nil {
		u = &url.URL{Path: "/"}
	}
	next := *u
	next.Fragment, next.RawFragment = fragment, ""
	ctx.Page().ReplaceURL(&next)
	p.show(&next)
}

// startOver drops the link's data and shows an empty page.
func (p *Page) startOver(ctx app.Context, e app.Event) {
	p.setFragment(ctx, "")
}

func (p *Page) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

// Render draws the page. A panic while rendering shows the error state
// instead of ending the runtime.
func (p *Page) Render() (ui app.UI) {
	defer func() {
		if v := recover(); v != nil {
			ui = p.frame(&ErrorPanel{Message: (&PanicError{During: "drawing the page", Value: v}).Error()})
		}
	}()
	var content app.UI
	if p.failure != nil {
		content = &ErrorPanel{
			Message:     p.failure.Error(),
			OnStartOver: p.handler("starting over", p.startOver),
		}
	} else {
		content = &FragmentView{Fragment: p.state.Fragment}
	}
	return p.frame(content)
}

// frame puts content into the page's landmarks.
func (p *Page) frame(content app.UI) app.UI {
	return app.Div().Class("tc-page").Body(
		app.Header().Class("tc-header").Body(
			app.H1().Text("threatcard"),
			app.P().Class("tc-tagline").Text("OWASP AIVSS score and MAESTRO threat map of an AI agent"),
		),
		app.If(p.updateAvailable, func() app.UI {
			return &UpdateBanner{OnReload: p.handler("reloading", p.reload)}
		}),
		app.Main().ID("main").Body(content),
		app.Footer().Class("tc-footer").Body(
			app.P().Body(
				app.Text("threatcard "),
				app.Span().ID("app-version").Text(release.Version),
				app.Text(". Runs in your browser, also offline. The card lives in the link after #, which browsers never send to a server."),
			),
		),
	)
}
