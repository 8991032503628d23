package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// el returns an element with the tag and the attributes, given as name and
// value pairs ("class", "tc-field", "for", id). Each attribute is set with
// Attr, as go-app's typed setters set it: a boolean attribute's value is
// "true" or "false", a number's its digits, and an empty value is left
// out.
//
// The page builds every element with el (or voidEl) rather than with
// app.Div, app.Button and the rest: each of go-app's element types links
// its own copy of some twenty methods into app.wasm, and each chained
// setter is a call site of its own, which in WebAssembly costs far more
// than a string in a list. One element type and one call per element keep
// the binary near go-app's own size (see the README's Performance section).
func el(tag string, attrs ...string) app.HTMLElem {
	e := app.Elem(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Attr(attrs[i], attrs[i+1])
	}
	return e
}

// voidEl is el for the elements that have no content and no end tag
// (input).
func voidEl(tag string, attrs ...string) app.HTMLElemSelfClosing {
	e := app.ElemSelfClosing(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Attr(attrs[i], attrs[i+1])
	}
	return e
}

// textEl is el with text as its only content: textEl("p", msg, "class",
// "tc-hint") is el("p", "class", "tc-hint").Text(msg) in one call.
func textEl(tag, text string, attrs ...string) app.UI {
	return el(tag, attrs...).Text(text)
}
