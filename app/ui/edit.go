package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
)

// Edit is one change a person makes to the card. Components never change
// the card they are given; they hand an Edit to the page (OnEdit), which
// applies it to a shallow copy of its card, checks the result with
// card.Validate, and keeps it only if it passes. So an Edit must be
// copy-on-write: it may set fields of the card it gets, but must not write
// into a slice or array element the card shared with its previous version
// (build a new slice instead). The AIVSS inputs are values, so edits of
// them are copy-on-write by nature.
type Edit func(c *card.Card)

// editor is what the calculator's components need from the page: a way to
// apply an edit, which reports why the page refused it (nil when it was
// accepted), and the page's panic recovery, which every event handler
// defers: defer c.Editor.catch("setting a factor").
//
// Components hold it in an exported field. go-app compares a component's
// exported fields to decide whether to redraw it, and sees a func field
// as changed on every render; an interface holding the same *Page compares
// equal, so a component is redrawn only when its own inputs change.
//
// Event handlers are methods, not closures. When go-app redraws an element
// it keeps the old handler if the new one has the same code, which all
// closures made by one func literal (such as a wrapper adding recovery)
// have: the element would go on calling the closure of its first render.
// A method value's code is its method's, so an element that takes another
// role (the vector field becoming the score field) gets its new handler.
type editor interface {
	edit(ctx app.Context, e Edit) error
	catch(during string)
}

// EditRefusedError is returned for an edit the page did not apply, because
// the card would then break one of its limits or rules.
type EditRefusedError struct {
	Field string // the card field at fault, as card.FieldError names it: "title", "aivss.factors.tools"
	Msg   string // what is wrong with it, for a person
}

func (e *EditRefusedError) Error() string { return "not changed: " + e.Field + " " + e.Msg }
