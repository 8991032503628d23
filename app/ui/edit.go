package ui

import (
	"strings"

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
	// inputs returns the card's AIVSS inputs as they are now. A component's
	// own inputs are a frame behind within a burst of keystrokes: go-app
	// redraws once a frame, and events may come several to a frame.
	inputs() card.Inputs
	// invalid records that the field with the given element id holds text
	// the card did not take, and why, in the words the result shows
	// ("the CVSS score is 11; …; the card keeps 9.3"); msg "" clears it.
	// While a field holds such text the result shows no score.
	invalid(field, msg string)
	// owner names whose inputs these are, for messages: "card", or
	// "finding", whose unset factors, ThM and MF are the card's.
	owner() string
}

// EditRefusedError is returned for an edit the page did not apply, because
// the card would then break one of its limits or rules.
type EditRefusedError struct {
	Field *card.FieldError // the field at fault and what is wrong with it; nil when it is the card as a whole
	Msg   string           // when Field is nil: what is wrong, as a clause ("the card needs a link of …")
}

// What says what is wrong, naming the field in a person's words: "the
// title has 201 characters; the limit is 200".
func (e *EditRefusedError) What() string {
	if e.Field != nil {
		return e.Field.Loc.Name() + " " + e.Field.Msg
	}
	return e.Msg
}

func (e *EditRefusedError) Error() string {
	return "Not changed: " + strings.TrimSuffix(e.What(), ".") + "."
}
