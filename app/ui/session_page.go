package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/carddiff"
	"github.com/threatcard/threatcard/scoring/link"
)

// Undo and redo in the page. The history is the Session's (session.go);
// the page offers it three ways, all of which end in Page.Undo or
// Page.Redo: the Undo and Redo buttons, the keys, and any other part of
// the page (a toolbar) that calls them with CanUndo and CanRedo.
//
// The keys are Ctrl+Z (undo), Ctrl+Shift+Z and Ctrl+Y (redo), or Cmd for
// Ctrl on a Mac, handled for the whole page, except while the focus is in
// a field that takes typed text (a text, number or search field, a
// textarea, anything contenteditable): there the keys are the browser's
// own undo of what was typed in that field, which must keep working.
// Elsewhere (a button, a radio button, a slider, a menu, the page itself)
// they undo the card's newest step.
//
// An undo or redo is shown as an edit is: the address gets the card's
// fragment in place of the current entry (history.replaceState), and the
// draft is saved.

// Undo takes back the newest step of the card's history, if there is one.
func (p *Page) Undo(ctx app.Context) { p.travel(ctx, "Undone", p.cardSession.Undo) }

// Redo does the newest undone step again, if there is one.
func (p *Page) Redo(ctx app.Context) { p.travel(ctx, "Redone", p.cardSession.Redo) }

// CanUndo reports whether Undo would change the card shown.
func (p *Page) CanUndo() bool { return p.historyOpen() && p.cardSession.CanUndo() }

// CanRedo reports whether Redo would change the card shown.
func (p *Page) CanRedo() bool { return p.historyOpen() && p.cardSession.CanRedo() }

// historyOpen reports whether the card shown has a history to move in: not
// in the error state, nor on the scores of a cut link before its first
// edit (they are not a card of the person's own yet).
func (p *Page) historyOpen() bool {
	return p.card != nil && p.failure == nil && (p.cut == nil || p.cutLink == "")
}

func (p *Page) travel(ctx app.Context, verb string, step func() bool) {
	before := p.card
	if !p.historyOpen() || !step() {
		return
	}
	p.invalidFields = nil // the fields show the card's values
	p.history = historyNote{Rev: p.history.Rev + 1, Text: historyWords(verb, before, p.card)}
	p.changed(ctx)
}

// historyNote is what the last undo or redo did; Rev counts them, so that
// the toolbar shows each once (Toolbar.OnUpdate).
type historyNote struct {
	Rev  int
	Text string
}

// historyWords says what an undo or redo did, for a person who may not
// see the field it changed: verb ("Undone"), then the first input it
// changed in the compare view's words, and how many more. A score that
// changed with it is not counted: it follows the inputs.
func historyWords(verb string, before, after *card.Card) string {
	var entered []carddiff.Change
	for _, c := range carddiff.Compare(before, after).Changes {
		if !c.Derived {
			entered = append(entered, c)
		}
	}
	switch len(entered) {
	case 0:
		return verb + "."
	case 1:
		return verb + ": " + entered[0].Words() + "."
	case 2:
		return verb + ": " + entered[0].Words() + ", and 1 more change."
	}
	return verb + ": " + entered[0].Words() + ", and " + strconv.Itoa(len(entered)-1) + " more changes."
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// historyKey names what a key press does: "undo", "redo" or "" (nothing of
// ours). mod is Ctrl or Cmd.
func historyKey(key string, mod, shift, alt bool) string {
	if !mod || alt {
		return ""
	}
	switch strings.ToLower(key) {
	case "z":
		if shift {
			return "redo"
		}
		return "undo"
	case "y":
		if !shift {
			return "redo"
		}
	}
	return ""
}

// typesText reports whether an element of the given tag name (as the DOM
// spells it, upper case), input type and contenteditable state takes
// typed text, which the browser's own undo serves.
func typesText(tag, inputType string, editable bool) bool {
	if editable || tag == "TEXTAREA" {
		return true
	}
	if tag != "INPUT" {
		return false
	}
	switch strings.ToLower(inputType) {
	case "button", "checkbox", "color", "file", "hidden", "image", "radio", "range", "reset", "submit":
		return false
	}
	return true // text, number, search, url, email, date …, and unknown types, which browsers treat as text
}

// listenForUndo installs the keydown listener of the keys and the
// focusout listener that ends a burst of edits (see Session).
func (p *Page) listenForUndo(ctx app.Context) {
	doc := app.Window().Get("document")
	p.onKey = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		what := historyKey(ev.Get("key").String(), ev.Get("ctrlKey").Bool() || ev.Get("metaKey").Bool(),
			ev.Get("shiftKey").Bool(), ev.Get("altKey").Bool())
		if what == "" {
			return nil
		}
		if t := ev.Get("target"); t.Truthy() && t.Get("tagName").Truthy() &&
			typesText(t.Get("tagName").String(), t.Get("type").String(), t.Get("isContentEditable").Truthy()) {
			return nil
		}
		ev.Call("preventDefault")
		ctx.Dispatch(func(ctx app.Context) {
			p.guard(what+"ing an edit", func() {
				if what == "undo" {
					p.Undo(ctx)
				} else {
					p.Redo(ctx)
				}
			})
		})
		return nil
	})
	doc.Call("addEventListener", "keydown", p.onKey)
	p.onFocusOut = app.FuncOf(func(app.Value, []app.Value) any {
		p.Seal()
		return nil
	})
	doc.Call("addEventListener", "focusout", p.onFocusOut)
	p.listenForOtherTabs(ctx)
}

func (p *Page) stopListeningForUndo() {
	doc := app.Window().Get("document")
	if p.onKey != nil {
		doc.Call("removeEventListener", "keydown", p.onKey)
		p.onKey.Release()
		p.onKey = nil
	}
	if p.onFocusOut != nil {
		doc.Call("removeEventListener", "focusout", p.onFocusOut)
		p.onFocusOut.Release()
		p.onFocusOut = nil
	}
	if p.onStorage != nil {
		app.Window().Call("removeEventListener", "storage", p.onStorage)
		p.onStorage.Release()
		p.onStorage = nil
	}
}

// drafter returns the page's draft saver, made on first use with an ID
// for this tab.
func (p *Page) drafter() *DraftSaver {
	if p.saver == nil {
		p.saver = NewDraftSaver(newSession())
	}
	return p.saver
}

// setSession makes id the ID the card shown is saved under, as the store
// has it now.
func (p *Page) setSession(ctx app.Context, id string) {
	p.session = id
	p.drafter().Follow(p.drafts(ctx), id)
}

// conflictBanner says that another tab saved the card shown, which is
// newer, and offers both versions.
func (p *Page) conflictBanner() app.UI {
	c := p.saver.Conflict()
	at := c.At.Local()
	return el("div", "id", "tab-conflict", "class", "tc-edit-error", "role", "alert").Body(
		el("p", "id", "tab-conflict-text").Body(
			app.Text("This card was changed in another tab at "),
			textEl("time", at.Format("15:04:05"), "datetime", at.Format(time.RFC3339)),
			app.Text(". "+c.Which()),
		),
		el("div", "class", "tc-share-buttons").Body(
			el("button", "id", "conflict-mine", "type", "button").Text("Keep mine").
				OnClick(p.handler("keeping this tab's card", p.keepMine)),
			app.If(c.Theirs.Fragment != "", func() app.UI {
				return el("button", "id", "conflict-theirs", "type", "button").Text("Open theirs").
					OnClick(p.handler("opening the other tab's card", p.openTheirs))
			}),
			el("button", "id", "conflict-both", "type", "button").Text("Keep both (mine as a copy)").
				OnClick(p.handler("keeping both cards", p.keepBoth)),
		),
	)
}

// savedCard is the card shown as the store keeps it.
func (p *Page) savedCard() SavedCard {
	saved := SavedCard{ID: p.session, Title: strings.TrimSpace(p.card.Title), Fragment: p.fragment}
	if p.eval.Complete() {
		saved.Score, saved.Severity = p.eval.Result.Score, string(p.eval.Result.Severity)
	}
	return saved
}

func (p *Page) keepMine(ctx app.Context, e app.Event) {
	if p.saver == nil || p.card == nil || p.failure != nil {
		return
	}
	p.saveErr = p.saver.KeepMine(p.drafts(ctx), p.savedCard())
	p.dirty = p.saver.Dirty()
}

func (p *Page) keepBoth(ctx app.Context, e app.Event) {
	if p.saver == nil || p.card == nil || p.failure != nil {
		return
	}
	p.session = newSession()
	p.saveErr = p.saver.KeepBoth(p.drafts(ctx), p.savedCard(), p.session)
	p.dirty = p.saver.Dirty()
	p.opened++ // the recent list has both
}

func (p *Page) openTheirs(ctx app.Context, e app.Event) {
	if p.saver == nil {
		return
	}
	theirs, ok := p.saver.TakeTheirs(p.drafts(ctx))
	if !ok {
		return
	}
	c, err := link.Decode(theirs.Fragment)
	if err != nil {
		p.fail(fmt.Errorf("the other tab's card could not be read: %w", err))
		return
	}
	p.dirty = false // this tab's edits are given up for theirs
	p.show(ctx, c, theirs.ID, false)
	p.writeURL(ctx, false)
}

// listenForOtherTabs hears of a save by another tab (the storage event,
// which a tab gets for the writes of the others) at once.
func (p *Page) listenForOtherTabs(ctx app.Context) {
	p.onStorage = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) == 0 || !strings.HasPrefix(args[0].Get("key").String(), stampPrefix) {
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.guard("reading another tab's save", func() {
				if p.card != nil && p.failure == nil {
					p.drafter().Check(p.drafts(ctx))
				}
			})
		})
		return nil
	})
	app.Window().Call("addEventListener", "storage", p.onStorage)
}
