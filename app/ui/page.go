// Package ui holds the go-app components of the threatcard web app.
//
// The root component of a route (Page) owns all state. Children receive it
// as exported fields and report user actions through event handlers that the
// page creates, so every way into our code from the browser passes through
// the page's panic recovery (see guard.go).
//
// State flows one way. The card lives in the URL fragment, which browsers
// never send to a server: the page decodes it (link.Decode) in OnNav, on
// any navigation including an edited fragment or back/forward, scores it
// (card.Evaluate) and draws it. A child never changes the card: it hands
// the page an Edit, which the page applies to a copy, encodes (link.Encode,
// which also validates) and, if accepted, writes into the address with
// history.replaceState (no history entry per keystroke) and autosaves in
// localStorage (DraftStore). Scores come from the scoring packages; nothing
// here computes one.
package ui

import (
	"errors"
	"fmt"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/internal/release"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// Page is the calculator page: the card's title and summary, the AIVSS
// calculator with its result, the share bar, the MAESTRO editor, and the
// recent cards with the import dialog.
type Page struct {
	app.Compo

	// The card shown (never nil once the page is initialised), its
	// evaluation, fragment, revisions, refused edit and undo history: the
	// page reads p.card, p.fragment, p.rev … and changes them only through
	// the Session's methods (see session.go).
	cardSession

	store   *DraftStore // nil until first used; then from ctx.LocalStorage() (tests set their own)
	session string      // the ID the card is saved under in the store
	opened  int         // +1 each time another card is shown (the recent list may change)
	saveErr error       // why the last autosave failed, until one succeeds
	failure error       // non-nil: the page shows its error state instead of the card
	title   string      // the document title last set
	unsaved bool        // OnInit showed the address's card; saveOpened saves it
	painted bool        // the whole page is drawn, not only the first frame's part (see OnMount)
	section string      // a MAESTRO section the address named (#layer-3), to go to once drawn
	compare *comparison // non-nil: the address is a comparison (#compare&a=…&b=…), shown instead of the card (compare.go)

	cut     *link.TruncatedError // the card shown is what is left of a link cut short (see showCut in link.go)
	cutLink string               // that link, until the card's first edit makes it a card of its own

	invalidFields map[string]string // calculator fields holding text the card did not take (see invalid); replaced, never changed

	history historyNote // what the last undo or redo did, for the toolbar's status line

	followRev int  // the revision the share bar and printed report show (see followLater)
	following bool // followLater is waiting for the next frame

	dirty       bool        // edits the draft does not have yet (see scheduleSave)
	savePending bool        // a save is scheduled
	mounted     bool        // in the browser, between OnMount and OnDismount
	mountCtx    app.Context // the page's own context while mounted

	updateAvailable bool        // a new version is installed; offer a reload
	onHash          app.Func    // the hashchange listener, while mounted
	onHide          app.Func    // the pagehide and visibilitychange listener, while mounted
	onKey           app.Func    // the keydown listener of undo and redo, while mounted
	onFocusOut      app.Func    // the focusout listener that seals the newest step, while mounted
	onStorage       app.Func    // the storage listener that hears of other tabs' saves, while mounted
	saver           *DraftSaver // saves the card safely across tabs (session_saver.go); nil until first used
}

// saveDelay is how long after an edit the draft is saved and the tab's
// title set: in the browser both take milliseconds that would otherwise
// come before the new score, and a burst of keystrokes is saved once.
// Hiding or leaving the page saves at once.
const saveDelay = 150 * time.Millisecond

// OnInit shows, in the browser, the card of the address the page opens
// with, so that the first render is already that card (drawing a new card
// first, for OnNav to replace a frame later, doubled the work before the
// score showed; see make bench). OnNav then only saves it. Without a card
// in the address, or outside a browser, the page starts with a new card
// until OnNav reads the draft.
func (p *Page) OnInit() {
	p.guard("starting", func() {
		if p.card != nil || p.failure != nil {
			return
		}
		if app.IsClient && p.openAddress(app.Window().URL()) {
			return
		}
		p.setCard(card.NewCard())
	})
}

// openAddress shows the card u's fragment carries, or the error; it
// returns false when u has no fragment. The card is saved by readURL.
func (p *Page) openAddress(u *url.URL) bool {
	fragment, err := fragmentOf(u)
	switch {
	case err != nil:
		p.fail(err)
	case fragment == "":
		return false
	case p.routeCompare(fragment):
	default:
		c, err := link.Decode(fragment)
		if te, ok := errors.AsType[*link.TruncatedError](err); ok {
			p.openCut(te, fragment)
			return true
		}
		if err != nil {
			p.fail(err)
			return true
		}
		// The link itself is the card's fragment: no need to encode it
		// again (DEFLATE at its best level is the costliest step).
		p.OpenLink(c, fragment)
		p.followRev = p.rev
		p.unsaved = true
	}
	return true
}

// OnNav reads the fragment each time the URL changes, including changes of
// the fragment alone (back/forward, an edited address).
func (p *Page) OnNav(ctx app.Context) {
	p.guard("reading the link", func() {
		p.readURL(ctx, ctx.Page().URL())
	})
}

// OnMount listens for fragment changes. go-app reads the address on
// popstate, but skips a URL equal to the last one it navigated to, which
// it may still be after our replaceState calls; hashchange catches those.
// Reading the same fragment twice does nothing.
func (p *Page) OnMount(ctx app.Context) {
	p.mounted, p.mountCtx = true, ctx
	p.onHash = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) {
			p.guard("reading the link", func() { p.readURL(ctx, app.Window().URL()) })
		})
		return nil
	})
	app.Window().Call("addEventListener", "hashchange", p.onHash)
	// Edits waiting for saveDelay are saved when the page is hidden or
	// left, which may be the last chance.
	p.onHide = app.FuncOf(func(app.Value, []app.Value) any {
		p.guard("saving the draft", func() { p.flush(ctx) })
		return nil
	})
	app.Window().Call("addEventListener", "pagehide", p.onHide)
	app.Window().Get("document").Call("addEventListener", "visibilitychange", p.onHide)
	p.listenForUndo(ctx)
	if p.painted {
		return
	}
	// The calculator's inputs, the MAESTRO editor, recent cards, import
	// dialog and printed report are drawn after the browser has painted the
	// card's title and its score: a link opened from a ticket is read for
	// its score first, and the rest is most of the page's elements
	// (see make bench).
	// The card opened from the address is saved then too.
	afterPaint(func() {
		ctx.Dispatch(func(ctx app.Context) {
			p.painted = true
			_ = p.drafts(ctx).Canonicalize()  // once per browser; a failure is tried again on the next load
			p.drafter().Forget(p.drafts(ctx)) // the stamps of cards no longer saved (session_saver.go)
			p.saveOpened(ctx)
			p.goToSection(ctx)
		})
	})
}

// goToSection moves the focus to the heading of the MAESTRO section the
// address named, once the section is drawn.
func (p *Page) goToSection(ctx app.Context) {
	if p.section == "" {
		return
	}
	id := p.section + "-title"
	p.section = ""
	ctx.Defer(func(app.Context) {
		if h := app.Window().GetElementByID(id); h.Truthy() {
			h.Call("focus")
			h.Call("scrollIntoView")
		}
	})
}

// saveOpened saves the card OnInit opened, as show does for a card opened
// later. The first save (the first use of encoding/json) waits until the
// card is painted.
func (p *Page) saveOpened(ctx app.Context) {
	if !p.unsaved || p.failure != nil {
		return
	}
	p.unsaved = false
	p.setSession(ctx, newSession())
	p.canonical(ctx) // one card, one link (see link.go)
	p.autosave(ctx)
	p.setTitle(ctx)
}

// afterPaint calls fn in a task after the browser's next frame.
func afterPaint(fn func()) {
	var onFrame, onTask app.Func
	onTask = app.FuncOf(func(app.Value, []app.Value) any {
		onTask.Release()
		fn()
		return nil
	})
	onFrame = app.FuncOf(func(app.Value, []app.Value) any {
		onFrame.Release()
		app.Window().Call("setTimeout", onTask, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", onFrame)
}

// OnDismount saves pending edits and stops listening.
func (p *Page) OnDismount() {
	p.guard("saving the draft", func() { p.flush(p.mountCtx) })
	p.mounted = false
	if p.onHash != nil {
		app.Window().Call("removeEventListener", "hashchange", p.onHash)
		p.onHash.Release()
		p.onHash = nil
	}
	if p.onHide != nil {
		app.Window().Call("removeEventListener", "pagehide", p.onHide)
		app.Window().Get("document").Call("removeEventListener", "visibilitychange", p.onHide)
		p.onHide.Release()
		p.onHide = nil
	}
	p.stopListeningForUndo()
}

// OnAppUpdate shows the reload prompt once a new version is installed.
func (p *Page) OnAppUpdate(ctx app.Context) {
	p.updateAvailable = ctx.AppUpdateAvailable()
}

// readURL shows the card that u's fragment carries; a bare address shows
// the draft, or a new card. A bad link shows the error state and leaves
// the saved cards untouched.
func (p *Page) readURL(ctx app.Context, u *url.URL) {
	p.drafts(ctx) // the error state offers the draft, so it needs the store
	fragment, err := fragmentOf(u)
	if err != nil {
		p.fail(err)
		return
	}
	if p.routeCompare(fragment) {
		p.compareTitle(ctx)
		return
	}
	if fragment == "" {
		p.openDraft(ctx)
		return
	}
	if isSectionAnchor(fragment) {
		// The address of a link of the layer overview (#layer-3), opened
		// in a tab of its own: it names a section, not a card. The draft,
		// the card last edited, is the card that link was on.
		p.openDraft(ctx)
		p.section = fragment
		if p.drawAll() {
			p.goToSection(ctx)
		}
		return
	}
	if p.failure == nil && p.cut != nil && fragment == p.cutLink {
		p.setTitle(ctx)
		return // the scores of a cut link, shown already; nothing is saved (see link.go)
	}
	if p.failure == nil && p.card != nil && fragment == p.fragment {
		if p.drawAll() {
			p.saveOpened(ctx)
		} // else OnMount's afterPaint saves it
		return // the card shown already (our own address, or a second event)
	}
	c, err := link.Decode(fragment)
	if te, ok := errors.AsType[*link.TruncatedError](err); ok {
		p.showCut(ctx, te, fragment)
		return
	}
	if err != nil {
		p.fail(err)
		return
	}
	p.show(ctx, c, newSession(), true)
	if p.failure == nil {
		p.writeURL(ctx, false) // the link Encode writes, if the address had another spelling
	}
}

// openDraft shows the saved draft, or a new card when there is none, and
// puts its fragment into the address.
func (p *Page) openDraft(ctx app.Context) { p.showDraft(ctx, false) }

// showDraft is openDraft; again opens the draft even when it is the card
// shown (the way back from a cut link's scores).
func (p *Page) showDraft(ctx app.Context, again bool) {
	d, ok := p.drafts(ctx).Load()
	switch {
	case !ok:
		if again || p.failure != nil || p.card == nil || p.fragment != blankFragment() {
			p.show(ctx, card.NewCard(), newSession(), false)
		}
	case !again && p.failure == nil && p.card != nil && d.Fragment == p.fragment:
		// shown already
	default:
		c, err := link.Decode(d.Fragment)
		if err != nil {
			p.fail(fmt.Errorf("your saved draft could not be read: %w", err))
			return
		}
		p.show(ctx, c, d.ID, false)
	}
	p.writeURL(ctx, false)
}

// show makes c the card shown, saved under session. With save, it becomes
// the draft at once (a card opened from a link or an import); a card that
// is the draft already need not be saved again.
func (p *Page) show(ctx app.Context, c *card.Card, session string, save bool) {
	p.flush(ctx) // the card shown so far goes to the store with its last edits
	if err := p.setCard(c); err != nil {
		p.fail(err)
		return
	}
	p.failure, p.unsaved = nil, false
	p.cut, p.cutLink = nil, ""
	p.invalidFields = nil // the fields show the new card's values
	p.setSession(ctx, session)
	p.opened++
	if save {
		p.autosave(ctx)
	}
	p.setTitle(ctx)
}

// setCard makes c the card shown, with a history of its own.
func (p *Page) setCard(c *card.Card) error {
	if err := p.cardSession.Open(c); err != nil {
		return err
	}
	p.followRev = p.rev
	return nil
}

// edit applies e to the card (Session.Apply): a valid card that fits in a
// link is kept as one step of the history; otherwise it returns an
// *EditRefusedError and the card stays as it was. An accepted edit goes
// into the address (no history entry) and the draft.
func (p *Page) edit(ctx app.Context, e Edit) error {
	if p.card == nil || p.failure != nil {
		return &EditRefusedError{Msg: "no card is shown; open a card first"}
	}
	p.saveOpened(ctx) // an edit before the first paint: the card opened comes first
	rev := p.rev
	if err := p.Apply(e); err != nil {
		return err
	}
	if p.rev == rev {
		return nil // the card is as it was
	}
	p.changed(ctx)
	p.adoptCut(ctx) // a cut link's scores, edited, are a card of their own
	return nil
}

// changed follows a change of the card by an edit, an undo or a redo:
// the share bar and printed report follow, the address and (soon) the
// draft get the new fragment.
func (p *Page) changed(ctx app.Context) {
	p.followLater(ctx)
	p.writeURL(ctx, false)
	p.dirty = true
	p.drafter().Edited()
	p.scheduleSave(ctx)
}

// scheduleSave saves the draft and names the tab saveDelay from now, on
// the page's own context (the component that made the edit may be gone by
// then). Outside a browser (tests, the server) it does so at once.
func (p *Page) scheduleSave(ctx app.Context) {
	if !p.mounted {
		p.flush(ctx)
		return
	}
	if p.savePending {
		return
	}
	p.savePending = true
	p.mountCtx.After(saveDelay, func(ctx app.Context) {
		p.savePending = false
		p.guard("saving the draft", func() { p.flush(ctx) })
	})
}

// flush saves the edits not saved yet and names the tab.
func (p *Page) flush(ctx app.Context) {
	if !p.dirty || p.card == nil || p.failure != nil {
		return
	}
	p.dirty = false
	p.autosave(ctx)
	p.setTitle(ctx)
}

// followLater brings the share bar and the printed report to the card's
// revision in the frame after the one that shows the new score. Both are
// redrawn whole on a change; in the keystroke's frame they delayed the
// score (see make bench).
func (p *Page) followLater(ctx app.Context) {
	if p.following {
		return
	}
	p.following = true
	// On the page's own context: go-app drops a Defer or Dispatch whose
	// element is gone, and the element of the edit may be (a deleted
	// threat's button); following would then stay true, and the share
	// bar would offer an old card for good.
	if p.mounted {
		ctx = p.mountCtx
	}
	ctx.Defer(func(ctx app.Context) {
		ctx.Dispatch(func(app.Context) {
			p.following = false
			p.followRev = p.rev
		})
	})
}

// onEdit is the OnEdit callback of the panels (MAESTRO editor): they check
// their edits first, so a refusal is unexpected and shown at the top.
func (p *Page) onEdit(ctx app.Context, e Edit) {
	if err := p.edit(ctx, e); err != nil {
		p.Refuse(err)
	}
}

// open shows another card (an import, a recent card) with a new history
// entry, so that Back returns to the card before; the card shown before
// stays among the recent cards.
func (p *Page) open(ctx app.Context, c *card.Card) {
	p.show(ctx, c, newSession(), true)
	if p.failure == nil {
		p.writeURL(ctx, true)
	}
}

// refusal turns the error of link.Encode into an *EditRefusedError.
func refusal(err error) error {
	if fe, ok := errors.AsType[*card.FieldError](err); ok {
		return &EditRefusedError{Field: fe}
	}
	if le, ok := errors.AsType[*link.Error](err); ok {
		return &EditRefusedError{Msg: le.Msg}
	}
	return &EditRefusedError{Msg: err.Error()}
}

// textDiffers reports whether the text part of two cards differs. Edits are
// copy-on-write, so an unchanged model shares its slices and compares fast.
func textDiffers(a, b *card.Card) bool {
	if a.Title != b.Title || a.Summary != b.Summary {
		return true
	}
	ma, mb := &a.MAESTRO, &b.MAESTRO
	if len(ma.CrossLayer) != len(mb.CrossLayer) || len(ma.CrossLayer) > 0 && &ma.CrossLayer[0] != &mb.CrossLayer[0] {
		return true
	}
	for i := range ma.Layers {
		la, lb := &ma.Layers[i], &mb.Layers[i]
		if la.Status != lb.Status || la.Notes != lb.Notes || len(la.Threats) != len(lb.Threats) ||
			len(la.Threats) > 0 && &la.Threats[0] != &lb.Threats[0] {
			return true
		}
	}
	return false
}

// writeURL puts the card's fragment into the address: a new history entry
// with push, else in place of the current one. An untouched new card has
// the bare address.
func (p *Page) writeURL(ctx app.Context, push bool) {
	fragment := p.fragment
	if fragment == blankFragment() {
		fragment = ""
	}
	p.writeFragment(ctx, fragment, push)
}

// writeFragment is writeURL for any fragment, as an address has it
// (escaped).
func (p *Page) writeFragment(ctx app.Context, fragment string, push bool) {
	u := ctx.Page().URL()
	if u == nil {
		u = &url.URL{Path: "/"}
	}
	if !push && u.EscapedFragment() == fragment {
		return
	}
	next := *u
	next.Fragment, next.RawFragment = fragment, ""
	if f, err := url.PathUnescape(fragment); err == nil && f != fragment {
		next.Fragment, next.RawFragment = f, fragment
	}
	switch {
	case !app.IsClient:
		ctx.Page().ReplaceURL(&next) // the test or server page keeps it
	case push:
		app.Window().Get("history").Call("pushState", nil, "", next.String())
	default:
		// history.replaceState itself: go-app's ReplaceURL also rewrites an
		// og:url <meta> on every keystroke, which no crawler ever sees
		// (crawlers get the page without its fragment).
		app.Window().Get("history").Call("replaceState", nil, "", next.String())
	}
}

// drafts returns the page's draft store.
func (p *Page) drafts(ctx app.Context) *DraftStore {
	if p.store == nil {
		p.store = NewDraftStore(ctx.LocalStorage())
	}
	return p.store
}

// autosave saves the card shown as the draft.
func (p *Page) autosave(ctx app.Context) {
	saved := SavedCard{ID: p.session, Title: strings.TrimSpace(p.card.Title), Fragment: p.fragment}
	if p.eval.Complete() {
		saved.Score, saved.Severity = p.eval.Result.Score, string(p.eval.Result.Severity)
	}
	p.saveErr = p.drafter().Save(p.drafts(ctx), saved)
	if isConflict(p.saveErr) {
		p.saveErr = nil // the conflict banner says it (session_page.go)
	}
}

// setTitle names the tab after the card and its score.
func (p *Page) setTitle(ctx app.Context) {
	t := "threatcard"
	name := strings.TrimSpace(p.card.Title)
	if name != "" {
		t = name + " · threatcard"
	}
	if p.eval.Complete() {
		t = "AIVSS " + p.eval.Result.Score + " " + string(p.eval.Result.Severity) + " · " + t
	}
	if t != p.title {
		p.title = t
		if app.IsClient {
			app.Window().Get("document").Set("title", t) // without go-app's og:title <meta>, as writeURL
		} else {
			ctx.Page().SetTitle("%s", t)
		}
	}
}

// fail shows err instead of the card. Nothing is saved while it is shown.
func (p *Page) fail(err error) {
	p.failure = err
}

// guard runs fn and turns a panic in it into the page's error state.
func (p *Page) guard(during string, fn func()) {
	if err := recovered(during, fn); err != nil {
		p.failure = err
	}
}

// catch, deferred in an event handler, turns a panic into the page's error
// state (see editor).
func (p *Page) catch(during string) {
	if v := recover(); v != nil {
		err := &PanicError{During: during, Value: v}
		logPanic(err, debug.Stack())
		p.failure = err
	}
}

// handler wraps an event handler with the page's panic recovery; it is the
// Guard the page gives the panels. Beware: every handler it returns has
// the same code, so go-app keeps an element's first one through redraws
// (see editor); the handler must find what it acts on when it runs, not
// in what it captured.
func (p *Page) handler(during string, h app.EventHandler) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.guard(during, func() { h(ctx, e) })
	}
}

// startOver shows a new card; the card shown before stays in the store.
func (p *Page) startOver(ctx app.Context, e app.Event) {
	defer p.catch("starting a new card")
	p.show(ctx, card.NewCard(), newSession(), true)
	p.writeURL(ctx, false)
}

// reopenDraft leaves the error state for the saved draft.
func (p *Page) reopenDraft(ctx app.Context, e app.Event) {
	defer p.catch("opening the draft")
	p.failure = nil
	p.showDraft(ctx, true)
}

func (p *Page) reload(ctx app.Context, e app.Event) {
	defer p.catch("reloading")
	ctx.Reload()
}

// Render draws the page. A panic while rendering shows the error state
// instead of ending the runtime.
func (p *Page) Render() (ui app.UI) {
	defer func() {
		if v := recover(); v != nil {
			err := &PanicError{During: "drawing the page", Value: v}
			logPanic(err, debug.Stack())
			ui = p.frame(&ErrorPanel{ID: "error", Title: "Something went wrong", Message: err.Error()}, false)
		}
	}()
	if p.compare != nil {
		return p.frame(p.compareView(), false)
	}
	if p.failure != nil || p.card == nil {
		return p.frame(p.errorPanel(), false)
	}
	// go-app matches old and new children by position: a message that
	// comes and goes must not move the parts after it, or they would be
	// drawn anew and lose what they hold (typed text, open groups). So the
	// messages have a container of their own that is always there, as has
	// the update banner in frame.
	return p.frame(el("div", "class", "tc-workspace").Body(
		p.toolbar(), // New card, Duplicate, Import, Recent cards, Undo, Redo (toolbar.go)
		el("div", "class", "tc-messages").Body(
			app.If(p.cut != nil, p.cutBanner),
			app.If(p.refused != nil, func() app.UI {
				return textEl("p", p.refused.Error(), "id", "edit-error", "class", "tc-edit-error", "role", "alert")
			}),
			app.If(p.saveErr != nil, func() app.UI {
				return textEl("p", saveProblem(p.saveErr),
					"id", "save-error", "class", "tc-edit-error", "role", "alert")
			}),
			app.If(p.saver != nil && p.saver.Conflict() != nil, p.conflictBanner),
		),
		&CardHeader{Editor: p, Title: p.card.Title, Summary: p.card.Summary, Opened: p.opened},
		&Calculator{Editor: p, Inputs: p.card.AIVSS, Eval: p.eval, Invalid: p.invalidFields, Later: !p.drawAll(),
			Findings: p.headline},
		&panel{Name: panelShare, Rev: p.followRev, Page: p},
		app.If(p.drawAll(), p.compareWith), // Compare with… (compare.go), beside sharing
		app.If(p.drawAll(), func() app.UI { return &panel{Name: panelMaestro, Rev: p.maestroRev(), Page: p} }),
	), p.drawAll())
}

// maestroRev is the revision of what the MAESTRO editor shows: the card's
// text, and its findings' scores, which change with the card's AIVSS
// inputs they inherit.
func (p *Page) maestroRev() int { return p.textRev + p.scoreRev }

// currentCard is the card shown, as it is now (see MaestroEditor.Source).
func (p *Page) currentCard() *card.Card { return p.card }

// drawAll reports whether the whole page is drawn: always outside a
// browser (the prerendered page, tests), in the browser once it painted.
func (p *Page) drawAll() bool { return p.painted || !app.IsClient }

// errorPanel is the error state: a bad link, an unreadable draft or a
// caught panic, with a way back to the draft or to a new card.
func (p *Page) errorPanel() *ErrorPanel {
	ep := &ErrorPanel{
		ID:          "link-error",
		Title:       "This link could not be opened",
		Message:     "The link is not a threatcard card.",
		OnStartOver: p.startOver,
	}
	if p.failure != nil {
		ep.Message = failureText(p.failure)
	}
	if _, ok := errors.AsType[*PanicError](p.failure); ok {
		ep.ID, ep.Title = "error", "Something went wrong"
	}
	if p.store != nil {
		if d, ok := p.store.Load(); ok {
			ep.Draft = d.Entry()
			ep.OnOpenDraft = p.reopenDraft
		}
	}
	return ep
}

// frame puts content into the page's landmarks; withReport adds the printed
// report, which only the print stylesheet shows.
func (p *Page) frame(content app.UI, withReport bool) app.UI {
	return el("div", "class", "tc-page").Body(
		el("header", "class", "tc-header").Body(
			el("div", "class", "tc-header-text").Body(
				textEl("h1", "threatcard"),
				textEl("p", "OWASP AIVSS score and MAESTRO threat map of an AI agent", "class", "tc-tagline"),
			),
			&panel{Name: panelTheme, Page: p},
		),
		el("div", "class", "tc-banner-slot").Body(
			app.If(p.updateAvailable, func() app.UI {
				return &UpdateBanner{OnReload: p.reload}
			}),
		),
		el("main", "id", "main").Body(content),
		el("footer", "class", "tc-footer").Body(
			el("p").Body(
				app.Text("threatcard "),
				textEl("span", release.Version, "id", "app-version"),
				app.Text(". Runs in your browser, also offline. The card lives in the link after #, which browsers never send to a server."),
			),
		),
		app.If(withReport, func() app.UI { return &panel{Name: panelReport, Rev: p.followRev, Page: p} }),
	)
}

// The parts of the page other files provide.
const (
	panelShare   = "share"
	panelMaestro = "maestro"
	panelTheme   = "theme"
	panelReport  = "report"
)

// panel draws one part of the page that other files provide. Their
// components take func fields (OnEdit, Guard), which go-app counts as
// changed on every render; wrapped in a panel, whose inputs are a name, a
// revision and the page (the same pointer each time), a part is redrawn
// only when its revision changes: the MAESTRO editor when the card's text
// changes, not on every keystroke in the calculator.
type panel struct {
	app.Compo

	Name string
	Rev  int
	Page *Page
}

func (c *panel) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the "+c.Name+" panel")
	p := c.Page
	switch c.Name {
	case panelShare:
		return &ShareBar{Card: p.card, Rev: p.rev, LinkChars: len(p.fragment), Guard: p.handler}
	case panelMaestro:
		return &MaestroEditor{Card: p.card, Rev: p.maestroRev(), OnEdit: p.onEdit, Guard: p.handler, Source: p}
	case panelTheme:
		return &ThemeToggle{Guard: p.handler}
	case panelReport:
		return &PrintReport{Card: p.card, Fragment: p.fragment, Rev: p.rev}
	}
	return el("div")
}

// recoverRender, deferred in a Render method, turns a panic into a short
// message in place of the component, so that the runtime keeps running;
// the stack goes to the console.
func recoverRender(ui *app.UI, during string) {
	if v := recover(); v != nil {
		err := &PanicError{During: during, Value: v}
		logPanic(err, debug.Stack())
		*ui = textEl("p", err.Error(), "class", "tc-internal-error", "role", "alert")
	}
}
