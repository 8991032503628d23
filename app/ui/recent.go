package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// RecentEntry is one earlier card in the recent-cards list, as the draft
// store keeps it.
type RecentEntry struct {
	ID       string    // the card's ID in the store
	Title    string    // the card's title; "" shows as "Untitled card"
	Score    string    // the score as shown, "7.2"; "" while the card is incomplete
	Severity string    // the severity in words, "High"; "" without a score
	Fragment string    // the card's link fragment, without '#'
	Saved    time.Time // when it was last saved, in the zone to show it in
	Pinned   bool      // listed first, never pushed out
}

// recentList is the list RecentCards shows and changes: the draft store
// (see recent_store.go).
type recentList interface {
	RecentEntries() []RecentEntry
	Rename(id, title string) error
	SetPinned(id string, pinned bool) error
	Delete(id string) (SavedCard, int, error)
	Restore(c SavedCard, at int) error
}

// RecentCards lists earlier cards, pinned ones first, then newest first:
// each a button that opens it, with its score and when it was last saved,
// and buttons to rename, pin and delete it. A deleted card can be put
// back with Undo until the next action in the list.
type RecentCards struct {
	app.Compo

	Entries []RecentEntry // the list shown when Store is nil
	Store   recentList    // the list to show and change; nil shows Entries, which cannot change
	Rev     int           // changes when the page shows another card: the list may have changed
	Guard   Guard         // the page's handler wrapper; nil recovers locally
	// OnOpen makes c the page's card, replacing the whole card (as
	// ImportDialog.OnOpen does). c is decoded from the entry's fragment.
	OnOpen func(ctx app.Context, c *card.Card)

	shown      []RecentEntry // the entries as last drawn; handlers find theirs here by index
	failure    string        // why the last action failed
	status     string        // what the last action did
	renaming   string        // the ID of the entry whose title is being edited
	renameText string        // what its title field holds
	renameErr  string        // why the card did not take that title
	deleted    *SavedCard    // the card deleted last, until the next action
	deletedAt  int           // its place in the list
	mounted    bool
	mountCtx   app.Context
}

// savedLayout is how a saved time reads in the list.
const savedLayout = "2 Jan 2006, 15:04"

func (r *RecentCards) OnMount(ctx app.Context) { r.mounted, r.mountCtx = true, ctx }
func (r *RecentCards) OnDismount()             { r.mounted = false }

func (r *RecentCards) entries() []RecentEntry {
	if r.Store != nil {
		return r.Store.RecentEntries()
	}
	return r.Entries
}

func (r *RecentCards) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the recent cards")
	r.shown = r.entries()
	// The status line is always there, so that the live region exists
	// before the sentence it announces.
	status := el("p", "id", "recent-status", "class", "tc-recent-status", "role", "status")
	switch {
	case r.deleted != nil:
		status = status.Body(
			app.Text("Deleted "+quoted(r.deleted.Title)+". "),
			el("button", "id", "recent-undo", "type", "button", "class", "tc-recent-undo").
				Text("Undo").OnClick(r.on("putting a deleted card back", r.undo)),
		)
	default:
		status = status.Text(r.status)
	}
	body := []app.UI{textEl("h2", "Recent cards", "id", "recent-title", "tabindex", "-1"), status}
	if len(r.shown) == 0 {
		body = append(body, textEl("p", "Cards you work on are kept in this browser and listed here.",
			"class", "tc-recent-empty"))
	} else {
		items := make([]app.UI, len(r.shown))
		for i, e := range r.shown {
			items[i] = r.entry(i, e)
		}
		body = append(body, el("ol", "class", "tc-recent-list", "aria-labelledby", "recent-title").Body(items...))
	}
	if r.failure != "" {
		body = append(body, textEl("p", r.failure, "id", "recent-error", "class", "tc-recent-error", "role", "alert"))
	}
	return el("section", "id", "recent-cards", "class", "tc-recent", "aria-labelledby", "recent-title").
		Body(body...)
}

// entry draws entry i: its title (a button that opens it, or the field
// that renames it), what it scores and when it was saved, and its actions.
func (r *RecentCards) entry(i int, e RecentEntry) app.UI {
	id := recentID(i)
	about := id + "-about"
	title := entryTitle(e)
	class := "tc-recent-entry"
	if e.Pinned {
		class += " tc-recent-pinned"
	}
	renaming := r.renaming != "" && r.renaming == e.ID
	what := entryScore(e) + ", saved "
	if e.Pinned {
		what = "Pinned, " + what
	}
	pressed := "false"
	if e.Pinned {
		pressed = "true"
	}
	// The title field comes last and the button stays (hidden) while it
	// is there: the parts keep their places, which go-app matches them by.
	return el("li", "class", class).Body(
		el("button", "id", id, "class", "tc-recent-open", "type", "button", "aria-describedby", about,
			"hidden", hiddenUnless(!renaming)).
			Text(title).OnClick(r.on("opening a recent card", r.opener(i))),
		el("span", "id", about, "class", "tc-recent-about").Body(
			app.Text(what),
			textEl("time", e.Saved.Format(savedLayout), "datetime", e.Saved.Format(time.RFC3339)),
		),
		app.If(r.Store != nil, func() app.UI {
			return el("div", "class", "tc-recent-actions").Body(
				el("button", "id", id+"-rename", "type", "button", "aria-label", "Rename "+quoted(e.Title),
					"aria-expanded", strconv.FormatBool(renaming)).
					Text("Rename").OnClick(r.on("renaming a recent card", r.renamer(i))),
				el("button", "id", id+"-pin", "type", "button", "aria-label", "Pin "+quoted(e.Title),
					"aria-pressed", pressed, "class", "tc-recent-pin").
					Text("Pin").OnClick(r.on("pinning a recent card", r.pinner(i))),
				el("button", "id", id+"-delete", "type", "button", "aria-label", "Delete "+quoted(e.Title)).
					Text("Delete").OnClick(r.on("deleting a recent card", r.deleter(i))),
			)
		}),
		app.If(renaming, func() app.UI { return r.renameForm(i, e) }),
	)
}

// renameForm is the title field of entry i while it is renamed: Enter or
// Save keeps the title, Esc or Cancel leaves it as it was.
func (r *RecentCards) renameForm(i int, e RecentEntry) app.UI {
	id := recentID(i)
	return el("form", "class", "tc-recent-rename", "novalidate", "true").
		OnSubmit(r.on("renaming a recent card", r.saveRename)).
		OnKeyDown(r.on("renaming a recent card", r.renameKey)).Body(
		textEl("label", "New title for "+quoted(e.Title), "for", id+"-name"),
		voidEl("input", "type", "text", "id", id+"-name", "value", r.renameText, "autocomplete", "off",
			"placeholder", "Untitled card", "aria-describedby", id+"-name-error", "aria-invalid", invalid(r.renameErr)).
			OnInput(r.on("renaming a recent card", r.ValueTo(&r.renameText))),
		el("button", "type", "submit", "id", id+"-save").Text("Save"),
		el("button", "type", "button", "id", id+"-cancel").Text("Cancel").
			OnClick(r.on("renaming a recent card", func(ctx app.Context, e app.Event) { r.cancelRename() })),
		fieldError(id+"-name-error", r.renameErr),
	)
}

func recentID(i int) string { return "recent-" + strconv.Itoa(i) }

func entryTitle(e RecentEntry) string {
	if t := strings.TrimSpace(e.Title); t != "" {
		return t
	}
	return "Untitled card"
}

// quoted names a card by its title in a sentence: “GPT Image 2”, or
// “Untitled card”.
func quoted(title string) string {
	return "“" + entryTitle(RecentEntry{Title: title}) + "”"
}

func entryScore(e RecentEntry) string {
	if e.Score == "" {
		return "not scored yet"
	}
	s := "AIVSS " + e.Score
	if e.Severity != "" {
		s += " " + e.Severity
	}
	return s
}

// on guards a handler of the list.
func (r *RecentCards) on(during string, h app.EventHandler) app.EventHandler {
	return guarded(r.Guard, during, h, r.fail)
}

func (r *RecentCards) fail(err error) {
	r.failure = err.Error()
}

// act starts an action in the list: the last one's messages and its undo
// offer go.
func (r *RecentCards) act() {
	r.failure, r.status, r.deleted = "", "", nil
}

// at returns the entry drawn at index i, as the list is now: handlers
// capture an index, never an entry, since go-app keeps an element's first
// handler through redraws.
func (r *RecentCards) at(i int) (RecentEntry, bool) {
	if i < 0 || i >= len(r.shown) {
		return RecentEntry{}, false
	}
	return r.shown[i], true
}

// opener returns the click handler of entry i.
func (r *RecentCards) opener(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		r.open(ctx, i)
	}
}

// open decodes entry i and hands the card to OnOpen; an entry that no
// longer decodes (a link format this version does not read) is reported and
// changes nothing.
func (r *RecentCards) open(ctx app.Context, i int) {
	r.act()
	r.renaming = ""
	if len(r.shown) == 0 {
		r.shown = r.entries()
	}
	e, ok := r.at(i)
	if !ok {
		return
	}
	c, err := link.Decode(e.Fragment)
	if err != nil {
		r.failure = quoted(e.Title) + " could not be opened: " + err.Error()
		return
	}
	if r.OnOpen != nil {
		r.OnOpen(ctx, c)
	}
}

// renamer returns the click handler of entry i's Rename button: it opens
// the title field, or closes it when it is open.
func (r *RecentCards) renamer(i int) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		e, ok := r.at(i)
		if !ok {
			return
		}
		if r.renaming == e.ID {
			r.cancelRename()
			return
		}
		r.act()
		r.renaming, r.renameText, r.renameErr = e.ID, e.Title, ""
		r.focusAfterRender(recentID(i)+"-name", true)
	}
}

// renameKey leaves the title field as it was on Esc, without closing the
// panel the list is in.
func (r *RecentCards) renameKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() != "Escape" || e.Get("isComposing").Bool() {
		return
	}
	e.PreventDefault()
	e.Call("stopPropagation")
	r.cancelRename()
}

func (r *RecentCards) cancelRename() {
	i := slices.IndexFunc(r.shown, func(e RecentEntry) bool { return e.ID == r.renaming })
	r.renaming, r.renameErr = "", ""
	if i >= 0 {
		r.focusAfterRender(recentID(i)+"-rename", false)
	}
}

// saveRename gives the entry being renamed the title in its field.
func (r *RecentCards) saveRename(ctx app.Context, e app.Event) {
	e.PreventDefault()
	i := slices.IndexFunc(r.shown, func(e RecentEntry) bool { return e.ID == r.renaming })
	if i < 0 || r.Store == nil {
		r.renaming = ""
		return
	}
	old := r.shown[i]
	err := r.Store.Rename(old.ID, r.renameText)
	if fe, ok := errors.AsType[*card.FieldError](err); ok {
		r.renameErr = "The title " + fe.Msg + "; the card keeps its title."
		return
	}
	r.act()
	r.renaming, r.renameErr = "", ""
	if err != nil {
		r.failure = quoted(old.Title) + " was not renamed: " + err.Error()
		return
	}
	r.status = "Renamed " + quoted(old.Title) + " to " + quoted(r.renameText) + "."
	r.focusAfterRender(recentID(i)+"-rename", false)
}

// pinner returns the click handler of entry i's Pin button.
func (r *RecentCards) pinner(i int) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		e, ok := r.at(i)
		if !ok || r.Store == nil {
			return
		}
		r.act()
		r.renaming = ""
		if err := r.Store.SetPinned(e.ID, !e.Pinned); err != nil {
			r.failure = quoted(e.Title) + " was not pinned: " + err.Error() + "."
			return
		}
		if e.Pinned {
			r.status = "Unpinned " + quoted(e.Title) + "."
		} else {
			r.status = "Pinned " + quoted(e.Title) + ": listed first, and kept until you unpin it."
		}
		// The entry moves with its pin; the focus follows it.
		if j := slices.IndexFunc(r.Store.RecentEntries(), func(x RecentEntry) bool { return x.ID == e.ID }); j >= 0 {
			r.focusAfterRender(recentID(j)+"-pin", false)
		}
	}
}

// deleter returns the click handler of entry i's Delete button.
func (r *RecentCards) deleter(i int) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		e, ok := r.at(i)
		if !ok || r.Store == nil {
			return
		}
		r.act()
		r.renaming = ""
		gone, at, err := r.Store.Delete(e.ID)
		if err != nil {
			r.failure = quoted(e.Title) + " was not deleted: " + err.Error() + "."
			return
		}
		r.deleted, r.deletedAt = &gone, at
		r.focusAfterRender("recent-undo", false)
	}
}

// undo puts the card deleted last back in its place.
func (r *RecentCards) undo(ctx app.Context, ev app.Event) {
	gone, at := r.deleted, r.deletedAt
	r.act()
	if gone == nil || r.Store == nil {
		return
	}
	if err := r.Store.Restore(*gone, at); err != nil {
		r.failure = quoted(gone.Title) + " could not be put back: " + err.Error() + "."
		return
	}
	r.status = quoted(gone.Title) + " is back."
	if j := slices.IndexFunc(r.Store.RecentEntries(), func(x RecentEntry) bool { return x.ID == gone.ID }); j >= 0 {
		r.focusAfterRender(recentID(j), false)
	}
}

// focusAfterRender moves the focus to the element with the given id once
// the list is drawn again, selecting a text field's text with sel.
func (r *RecentCards) focusAfterRender(id string, sel bool) {
	if !r.mounted {
		return
	}
	r.mountCtx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
			if sel {
				el.Call("select")
			}
		}
	})
}
