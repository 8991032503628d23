package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The few browser features the share bar uses, reached through go-app's
// JavaScript bridge. Natively (in tests and while prerendering) app.Window()
// is an inert stub: there is no clipboard, and the rest does nothing.

// errNoClipboard means the browser offers no asynchronous clipboard API to
// this page (an old browser, or a page not served over https or from
// localhost).
var errNoClipboard = errors.New("this browser does not let the page write to the clipboard")

// writeClipboard asks the browser to put text on the clipboard and calls
// done with the outcome once it knows it, from the JavaScript event loop
// (so done must hand its work to the UI goroutine). It returns
// errNoClipboard, and never calls done, when there is no clipboard API.
func writeClipboard(text string, done func(error)) (err error) {
	defer func() {
		// A writeText that throws instead of rejecting, or a clipboard
		// object that is not what the specification says.
		if v := recover(); v != nil {
			err = fmt.Errorf("the browser refused to write to the clipboard: %v", v)
		}
	}()
	clipboard := app.Window().Get("navigator").Get("clipboard")
	if !clipboard.Truthy() || !clipboard.Get("writeText").Truthy() {
		return errNoClipboard
	}
	promise := clipboard.Call("writeText", text)
	var resolved, rejected app.Func
	release := func() {
		resolved.Release()
		rejected.Release()
	}
	resolved = app.FuncOf(func(app.Value, []app.Value) any {
		release()
		done(nil)
		return nil
	})
	rejected = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		reason := "no reason given"
		if len(args) > 0 && args[0].Truthy() && args[0].Get("message").Truthy() {
			reason = args[0].Get("message").String()
		}
		done(errors.New("the browser refused to write to the clipboard: " + reason))
		return nil
	})
	promise.Call("then", resolved, rejected)
	return nil
}

// blobLifetime is how long a download's object URL stays valid: long enough
// for any browser to have read it after the click.
const blobLifetime = time.Minute

// saveFile offers content to the user as a file download named name, through
// a Blob URL and a temporary <a download> element. Nothing is parsed as
// HTML, and the URL is the browser's own blob: URL, so neither the page's
// Content-Security-Policy nor its Trusted Types stand in the way.
func saveFile(name, mime, content string) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("the browser could not save the file: %v", v)
		}
	}()
	win := app.Window()
	blob := win.Get("Blob").New([]any{content}, map[string]any{"type": mime})
	href := win.Get("URL").Call("createObjectURL", blob).String()
	doc := win.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Call("setAttribute", "download", name) // go-app leaves <a download> clicks alone
	a.Call("setAttribute", "hidden", "")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// A plain timer, not ctx.After: the engine waits for its goroutines when
	// it drains its queue (in tests and while prerendering).
	time.AfterFunc(blobLifetime, func() {
		app.Window().Get("URL").Call("revokeObjectURL", href)
	})
	return nil
}

// today is the date in the person's own time zone, YYYY-MM-DD: the
// browser's, where Go's clock in WebAssembly knows only UTC. Natively
// (prerendering) it is the machine's. Tests set a day of their own.
var today = func() string {
	if app.IsClient {
		d := app.Window().Get("Date").New()
		return fmt.Sprintf("%04d-%02d-%02d", d.Call("getFullYear").Int(), d.Call("getMonth").Int()+1, d.Call("getDate").Int())
	}
	return time.Now().Format(time.DateOnly)
}

// printPage opens the browser's print dialog; the print stylesheet in
// web/threatcard.css shows the PrintReport alone.
func printPage() {
	app.Window().Call("print")
}

// selectText focuses the text field with the given id and selects its
// contents, so that one Ctrl+C copies them.
func selectText(id string) {
	field := app.Window().GetElementByID(id)
	if !field.Truthy() {
		return
	}
	field.Call("focus")
	field.Call("select")
}
