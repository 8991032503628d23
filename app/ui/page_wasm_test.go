//go:build js && wasm

package ui

import (
	"errors"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// These tests run in Chromium through wasmbrowsertest: the page is mounted
// into the real DOM, and events go through go-app's real handlers.

func load(t *testing.T, p *Page) app.TestEngine {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return e
}

func byID(id string) app.Value {
	return app.Window().Get("document").Call("getElementById", id)
}

func textOf(t *testing.T, id string) string {
	t.Helper()
	el := byID(id)
	if !el.Truthy() {
		t.Fatalf("no element #%s in the page", id)
	}
	return el.Get("textContent").String()
}

func click(t *testing.T, e app.TestEngine, id string) {
	t.Helper()
	el := byID(id)
	if !el.Truthy() {
		t.Fatalf("no element #%s to click", id)
	}
	el.Call("click")
	e.ConsumeAll()
}

func TestStartOverClearsTheErrorAndTheLink(t *testing.T) {
	app.Window().Get("history").Call("replaceState", nil, "", "#broken-card")
	p := &Page{failure: errors.New("the link is broken")}
	e := load(t, p)
	if got := textOf(t, "error-text"); got != "the link is broken" {
		t.Fatalf("error text %q", got)
	}

	click(t, e, "start-over")

	if byID("error").Truthy() {
		t.Error("the error panel is still shown")
	}
	if got := textOf(t, "fragment-empty"); got != "This link carries no card yet." {
		t.Errorf("empty card text %q", got)
	}
	if u := app.Window().URL(); u.Fragment != "" || u.RawFragment != "" {
		t.Errorf("address still has fragment %q", u.Fragment)
	}
}

func TestAPanicInAClickHandlerShowsTheErrorAndTheAppKeepsRunning(t *testing.T) {
	p := &Page{
		failure: errors.New("first problem"),
		decode:  func(string) (linkState, error) { panic("decoder bug") },
	}
	e := load(t, p)

	click(t, e, "start-over")
	if got, want := textOf(t, "error-text"), "internal error while starting over: decoder bug"; got != want {
		t.Fatalf("after a panicking handler: error text %q, want %q", got, want)
	}

	// The runtime survived: the next click is handled normally.
	p.decode = nil
	click(t, e, "start-over")
	if byID("error").Truthy() || !byID("fragment-empty").Truthy() {
		t.Error("second click: the page did not return to the empty card")
	}
}

func TestHostileFragmentStaysText(t *testing.T) {
	const hostile = `<img src=x onerror="document.title='pwned'">`
	p := &Page{state: linkState{Fragment: hostile}}
	load(t, p)
	if got := textOf(t, "fragment"); got != hostile {
		t.Errorf("fragment text %q, want %q", got, hostile)
	}
	if n := byID("fragment").Call("querySelectorAll", "*").Length(); n != 0 {
		t.Errorf("the fragment became %d element(s)", n)
	}
}
