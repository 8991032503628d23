package ui

import (
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestMain(m *testing.M) {
	logPanic = func(error, []byte) {} // the tests panic on purpose
	os.Exit(m.Run())
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestRecoveredTurnsAPanicIntoAPanicError(t *testing.T) {
	err := recovered("reading the link", func() { panic("boom") })
	var pe *PanicError
	if !errors.As(err, &pe) || pe.During != "reading the link" || pe.Value != "boom" {
		t.Fatalf("recovered = %#v, want *PanicError{During: reading the link, Value: boom}", err)
	}
	if got, want := err.Error(), "internal error while reading the link: boom"; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
	if err := recovered("calm", func() {}); err != nil {
		t.Errorf("recovered without panic = %v, want nil", err)
	}
}

func TestShowReadsTheFragmentAsText(t *testing.T) {
	tests := []struct {
		url  string
		want string
	}{
		{"https://example.org/", ""},
		{"https://example.org/#", ""},
		{"https://example.org/#v1.abc", "v1.abc"},
		{"https://example.org/repo/?q=1#x%20y", "x y"},
		{"https://example.org/#%3Cimg%20src=x%20onerror=alert(1)%3E", "<img src=x onerror=alert(1)>"},
		{"https://example.org/#" + strings.Repeat("a", MaxFragmentBytes), strings.Repeat("a", MaxFragmentBytes)},
	}
	for _, tt := range tests {
		p := &Page{}
		p.show(mustURL(t, tt.url))
		if p.failure != nil || p.state.Fragment != tt.want {
			t.Errorf("show(%s): fragment %q, failure %v; want %q", tt.url, p.state.Fragment, p.failure, tt.want)
		}
	}
}

func TestShowRejectsBadLinks(t *testing.T) {
	p := &Page{}
	p.show(mustURL(t, "https://example.org/#"+strings.Repeat("%41", MaxFragmentBytes/3+1)))
	var long *FragmentTooLongError
	if !errors.As(p.failure, &long) || long.Length != 3*(MaxFragmentBytes/3+1) || long.Max != MaxFragmentBytes {
		t.Errorf("oversized fragment: failure %#v, want *FragmentTooLongError with the escaped length", p.failure)
	}

	p = &Page{}
	p.show(nil)
	var unreadable *UnreadableURLError
	if !errors.As(p.failure, &unreadable) {
		t.Errorf("nil URL: failure %#v, want *UnreadableURLError", p.failure)
	}

	decodeErr := errors.New("unknown edition")
	p = &Page{decode: func(string) (linkState, error) { return linkState{}, decodeErr }}
	p.show(mustURL(t, "https://example.org/#x"))
	if p.failure != decodeErr {
		t.Errorf("decoder error: failure %v, want %v", p.failure, decodeErr)
	}
}

func TestAGoodLinkClearsTheErrorState(t *testing.T) {
	p := &Page{failure: errors.New("old")}
	p.show(mustURL(t, "https://example.org/#fine"))
	if p.failure != nil || p.state.Fragment != "fine" {
		t.Errorf("failure %v, fragment %q; want none and fine", p.failure, p.state.Fragment)
	}
}

func TestGuardRecoversAPanickingDecoder(t *testing.T) {
	p := &Page{decode: func(string) (linkState, error) { panic("index out of range") }}
	p.guard("reading the link", func() { p.show(mustURL(t, "https://example.org/#x")) })
	var pe *PanicError
	if !errors.As(p.failure, &pe) || pe.During != "reading the link" {
		t.Fatalf("failure %#v, want a *PanicError while reading the link", p.failure)
	}
	mount(t, p)
	// page > div.tc-page > main > ErrorPanel > section > p#error-text > text
	if err := app.Match(app.Text("internal error while reading the link: index out of range"), p, 0, 1, 0, 0, 1, 0); err != nil {
		t.Error(err)
	}
}

func TestHandlerRecoversAPanickingEventHandler(t *testing.T) {
	p := &Page{}
	h := p.handler("starting over", func(app.Context, app.Event) { panic("nil map") })
	h(app.Context{}, app.Event{})
	if p.failure == nil || p.failure.Error() != "internal error while starting over: nil map" {
		t.Errorf("failure %v", p.failure)
	}
}

// mount loads c into a test engine, as go-app would in the browser.
func mount(t *testing.T, c app.Composer) {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
}

func TestPageShowsTheFragmentAsTextOnly(t *testing.T) {
	const hostile = `<img src=x onerror="alert(1)">`
	p := &Page{state: linkState{Fragment: hostile}}
	mount(t, p)
	checks := []struct {
		name     string
		expected app.UI
		path     []int
	}{
		{"landmarks: header first", app.Header().Class("tc-header"), []int{0, 0}},
		{"landmarks: main second", app.Main().ID("main"), []int{0, 1}},
		{"landmarks: footer third", app.Footer().Class("tc-footer"), []int{0, 2}},
		{"main holds the placeholder", &FragmentView{Fragment: hostile}, []int{0, 1, 0}},
		{"fragment in a pre", app.Pre().ID("fragment").Text(hostile), []int{0, 1, 0, 0, 1, 1}},
		{"as one text node", app.Text(hostile), []int{0, 1, 0, 0, 1, 1, 0}},
	}
	for _, c := range checks {
		if err := app.Match(c.expected, p, c.path...); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestPageWithoutFragmentSaysSo(t *testing.T) {
	p := &Page{}
	mount(t, p)
	if err := app.Match(app.P().ID("fragment-empty").Text("This link carries no card yet."), p, 0, 1, 0, 0, 1); err != nil {
		t.Error(err)
	}
}

func TestPageOffersReloadWhenAnUpdateIsInstalled(t *testing.T) {
	p := &Page{updateAvailable: true}
	mount(t, p)
	// The banner comes between the header and <main>.
	if err := app.Match(app.Button().ID("update-reload").Type("button").Text("Reload").OnClick(func(app.Context, app.Event) {}), p, 0, 1, 0, 1); err != nil {
		t.Error(err)
	}
	if err := app.Match(app.Main().ID("main"), p, 0, 2); err != nil {
		t.Error(err)
	}
}

func TestErrorPanelRender(t *testing.T) {
	tests := []struct {
		name       string
		panel      *ErrorPanel
		children   int
		withButton bool
	}{
		{"with a way out", &ErrorPanel{Message: "<b>bad</b>", OnStartOver: func(app.Context, app.Event) {}}, 3, true},
		{"without", &ErrorPanel{Message: "<b>bad</b>"}, 2, false},
	}
	for _, tt := range tests {
		tree := tt.panel.Render()
		if err := app.Match(app.P().ID("error-text").Role("alert").Text("<b>bad</b>"), tree, 1); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		button := app.Button().ID("start-over").Type("button").Text("Start over with an empty card").OnClick(func(app.Context, app.Event) {})
		if err := app.Match(button, tree, 2); (err == nil) != tt.withButton {
			t.Errorf("%s: start-over button present = %v, want %v", tt.name, err == nil, tt.withButton)
		}
	}
}
