package ui

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
)

// The ids of the toolbar's elements; end-to-end tests rely on them.
const (
	toolsID         = "card-tools"
	toolNewID       = "tool-new"
	toolDuplicateID = "tool-duplicate"
	toolImportID    = "tool-import"
	toolRecentID    = "tool-recent"
	cardStatusID    = "card-status"
	importPanelID   = "import-panel"
	recentPanelID   = "recent-panel"
	scoreBarID      = "score-bar"
)

// The toolbar's panels.
const (
	panelNone       = ""
	panelImportBox  = "import"
	panelRecentList = "recent"
)

// toolbar is the top of the workspace, which stays at the top of the
// window as the page scrolls: the card's tools (Toolbar) and, on narrow
// screens, the card's score in one line (ScoreBar). On wide screens the
// result beside the inputs stays in view instead (see threatcard.css).
func (p *Page) toolbar() app.UI {
	return el("div", "class", "tc-toolbar-wrap").Body(
		&Toolbar{Page: p, Opened: p.opened, All: p.drawAll(), CanUndo: p.CanUndo(), CanRedo: p.CanRedo(), History: p.history},
		p.scoreBar(),
	)
}

// scoreBar sums up the card's result in one line.
func (p *Page) scoreBar() *ScoreBar {
	sb := &ScoreBar{TopScore: p.headline.TopScore, TopSeverity: p.headline.TopSeverity}
	switch ev := &p.eval; {
	case len(p.invalidFields) > 0:
		sb.Note = "Not scored: a field holds text the card did not take"
	case ev.Err != nil:
		sb.Note = "Not scored: " + ev.Err.Error()
	case !ev.Complete():
		sb.Note = "Incomplete: missing " + ev.MissingText()
	default:
		sb.Score, sb.Severity = ev.Result.Score, string(ev.Result.Severity)
	}
	return sb
}

// Toolbar holds the card's tools: New card, Duplicate, Import (the import
// box, in a panel under the toolbar), Recent cards (the list, in a panel
// too), Undo and Redo, and the line that says what the last of them did. The
// tools are buttons in a role="toolbar": Tab reaches each, and the arrow
// keys, Home and End move between them. A panel opens with the focus in
// it; Esc closes it and gives the focus back to its button.
//
// Opening a card from Recent cards or Import, or New card and Duplicate,
// shows the new card's top and says what was opened and whether it is
// complete.
type Toolbar struct {
	app.Compo

	Page   *Page // the same page on every render: a change of the fields below redraws the toolbar
	Opened int   // the page's count of cards shown
	All    bool  // the whole page is drawn (Page.drawAll): the import box and the recent list may be

	CanUndo, CanRedo bool        // Page.CanUndo and CanRedo
	History          historyNote // what the last undo or redo did; the status line says it once

	panel       string // the panel open: panelImportBox, panelRecentList or panelNone
	status      string // what the last action did, until the next one
	historySeen int    // the History.Rev the status line said
	mounted     bool
	mountCtx    app.Context
	onOutside   app.Func  // the document's pointerdown and focusin listener, made at mount
	listening   bool      // onOutside is on the document: a panel is open
	resizes     app.Value // the ResizeObserver of the toolbar's height, while mounted
	onResize    app.Func
}

// OnUpdate shows what an undo or redo did, once, in the status line.
func (t *Toolbar) OnUpdate(ctx app.Context) {
	if t.History.Rev != t.historySeen {
		t.historySeen, t.status = t.History.Rev, t.History.Text
	}
}

func (t *Toolbar) OnMount(ctx app.Context) {
	t.mounted, t.mountCtx = true, ctx
	t.historySeen = t.History.Rev // a toolbar drawn anew (after the error state) does not repeat an old undo
	// A panel lies over the page below the toolbar, as a menu does, and
	// closes as a menu does when the person presses anywhere else, or the
	// focus moves out of the toolbar (Tab past the panel's end): the focus
	// stays where it went, not back on the panel's button. (The import box
	// keeps its text; it stays drawn while closed.)
	t.onOutside = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) == 0 || t.panel == panelNone {
			return nil
		}
		if target := args[0].Get("target"); !target.Truthy() || !target.Get("closest").Truthy() ||
			target.Call("closest", ".tc-toolbar-wrap").Truthy() {
			return nil
		}
		ctx.Dispatch(func(app.Context) { t.setPanel(panelNone) })
		return nil
	})
	t.setPanel(t.panel)
	t.watchHeight()
}

// setPanel opens panel, or closes the one open with panelNone. The page
// hears presses and focus outside the toolbar only while a panel is open.
func (t *Toolbar) setPanel(panel string) {
	t.panel = panel
	if listen := panel != panelNone && t.mounted && t.onOutside != nil; listen != t.listening {
		t.listening = listen
		method := "removeEventListener"
		if listen {
			method = "addEventListener"
		}
		doc := app.Window().Get("document")
		doc.Call(method, "pointerdown", t.onOutside)
		doc.Call(method, "focusin", t.onOutside)
	}
}

// watchHeight keeps the CSS variable --tc-toolbar-h at the toolbar's
// height, which changes with the window's width, the status line and the
// score bar: the page scrolls what a person moves to clear of the toolbar
// by it (scroll-padding-top), and the wide screen's result stays below it.
// The style sheet's values stand until the first measurement.
func (t *Toolbar) watchHeight() {
	win := app.Window()
	wrap := win.Get("document").Call("querySelector", ".tc-toolbar-wrap")
	if !wrap.Truthy() || !win.Get("ResizeObserver").Truthy() {
		return
	}
	root := win.Get("document").Get("documentElement").Get("style")
	t.onResize = app.FuncOf(func(app.Value, []app.Value) any {
		h := wrap.Call("getBoundingClientRect").Get("height").Float()
		root.Call("setProperty", "--tc-toolbar-h", strconv.FormatFloat(math.Ceil(h), 'f', -1, 64)+"px")
		return nil
	})
	t.resizes = win.Get("ResizeObserver").New(t.onResize)
	t.resizes.Call("observe", wrap)
}

func (t *Toolbar) OnDismount() {
	t.mounted = false
	if t.onOutside != nil {
		t.setPanel(panelNone)
		t.onOutside.Release()
		t.onOutside = nil
	}
	if t.onResize != nil {
		t.resizes.Call("disconnect")
		t.onResize.Release()
		t.resizes, t.onResize = nil, nil
	}
}

func (t *Toolbar) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the toolbar")
	p := t.Page
	tools := []app.UI{
		t.tool(toolNewID, "New card", "", "starting a new card", t.newCard),
		t.tool(toolDuplicateID, "Duplicate", "", "duplicating the card", t.duplicate),
		t.tool(toolImportID, "Import", importPanelID, "opening the import box", t.toggle(panelImportBox)),
		t.tool(toolRecentID, "Recent cards", recentPanelID, "opening the recent cards", t.toggle(panelRecentList)),
	}
	// Undo and Redo wrap onto a narrow screen's second row together.
	tools = append(tools, el("div", "class", "tc-tools-history", "role", "group", "aria-label", "Edit history").
		Body(t.historyTools()...))
	body := []app.UI{
		el("div", "id", toolsID, "class", "tc-tools", "role", "toolbar", "aria-label", "Card").
			OnKeyDown(p.handler("moving in the toolbar", t.onToolsKey)).Body(tools...),
		textEl("p", t.status, "id", cardStatusID, "class", "tc-card-status", "role", "status"),
	}
	if t.All {
		// The import box stays drawn while its panel is closed, so that
		// what was pasted into it stays too.
		body = append(body, el("div", "id", importPanelID, "class", "tc-toolbar-panel", "hidden", hiddenUnless(t.panel == panelImportBox)).
			OnKeyDown(p.handler("closing the import box", t.onPanelKey)).Body(
			&ImportDialog{Guard: p.handler, OnOpen: p.open, OnLink: p.openLink, OnImported: t.imported},
		))
		if t.panel == panelRecentList {
			body = append(body, el("div", "id", recentPanelID, "class", "tc-toolbar-panel").
				OnKeyDown(p.handler("closing the recent cards", t.onPanelKey)).Body(
				&RecentCards{Store: p.store, Rev: t.Opened, Guard: p.handler, OnOpen: t.openRecent},
			))
		}
	}
	return el("div", "class", "tc-toolbar").Body(body...)
}

// hiddenUnless is the hidden attribute of an element shown when shown.
func hiddenUnless(shown bool) string {
	if shown {
		return ""
	}
	return "true"
}

// historyTools are the Undo and Redo buttons, after the card's tools, so
// that they stay in view with the toolbar wherever the person is editing.
// A button with nothing to do says so with aria-disabled rather than
// disabled, so that it keeps the focus of a person who pressed it until
// the history ran out, and the arrow keys still reach it.
func (t *Toolbar) historyTools() []app.UI {
	p := t.Page
	button := func(id, label, keys, title string, can bool, h app.EventHandler) app.UI {
		return el("button", "id", id, "class", "tc-tool", "type", "button",
			"aria-keyshortcuts", keys, "aria-disabled", boolText(!can), "title", title).
			Text(label).OnClick(p.handler(strings.ToLower(label)+"ing an edit", h))
	}
	return []app.UI{
		button("undo", "Undo", "Control+Z", "Undo the last change (Ctrl+Z)", t.CanUndo,
			func(ctx app.Context, e app.Event) { p.Undo(ctx) }),
		button("redo", "Redo", "Control+Shift+Z Control+Y", "Redo (Ctrl+Shift+Z or Ctrl+Y)", t.CanRedo,
			func(ctx app.Context, e app.Event) { p.Redo(ctx) }),
	}
}

// tool is one button of the toolbar; controls names the panel it opens,
// if it opens one.
func (t *Toolbar) tool(id, label, controls, during string, h app.EventHandler) app.UI {
	b := el("button", "id", id, "type", "button", "class", "tc-tool")
	if controls != "" {
		open := controls == importPanelID && t.panel == panelImportBox || controls == recentPanelID && t.panel == panelRecentList
		b = b.Attr("aria-expanded", strconv.FormatBool(open)).Attr("aria-controls", controls)
	}
	return b.Text(label).OnClick(t.Page.handler(during, h))
}

// toggle returns the handler of a panel's button: it opens the panel with
// the focus in it, or closes it.
func (t *Toolbar) toggle(panel string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if t.panel == panel {
			t.close(panel)
			return
		}
		t.setPanel(panel)
		t.status = ""
		if panel == panelImportBox {
			t.focusAfterRender(importTextID)
		} else {
			t.focusAfterRender("recent-0", "recent-title")
		}
	}
}

// close closes the panel open and gives the focus back to its button.
func (t *Toolbar) close(panel string) {
	t.setPanel(panelNone)
	if panel == panelImportBox {
		t.focusAfterRender(toolImportID)
	} else {
		t.focusAfterRender(toolRecentID)
	}
}

// onPanelKey closes a panel on Esc from anywhere in it.
func (t *Toolbar) onPanelKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() != "Escape" || e.Get("isComposing").Bool() || t.panel == panelNone {
		return
	}
	e.PreventDefault()
	t.close(t.panel)
}

// onToolsKey moves the focus between the tools with the arrow keys, Home
// and End, and closes a panel on Esc.
func (t *Toolbar) onToolsKey(ctx app.Context, e app.Event) {
	key := e.Get("key").String()
	if key == "Escape" {
		t.onPanelKey(ctx, e)
		return
	}
	bar := app.Window().GetElementByID(toolsID)
	if !bar.Truthy() {
		return
	}
	tools := bar.Call("querySelectorAll", "button.tc-tool")
	n := tools.Length()
	if n == 0 {
		return
	}
	at := -1
	for i := range n {
		if tools.Index(i).Equal(e.Get("target")) {
			at = i
		}
	}
	next := nextTool(key, at, n)
	if next < 0 {
		return
	}
	e.PreventDefault()
	tools.Index(next).Call("focus")
}

// nextTool is the index of the tool the key moves to from tool at, of n;
// -1 for another key. The arrows wrap around.
func nextTool(key string, at, n int) int {
	switch key {
	case "ArrowRight", "ArrowDown":
		return (at + 1) % n
	case "ArrowLeft", "ArrowUp":
		return (at - 1 + n) % n
	case "Home":
		return 0
	case "End":
		return n - 1
	}
	return -1
}

// newCard shows a new card; the card before stays among the recent cards
// (unless nobody put anything into it).
func (t *Toolbar) newCard(ctx app.Context, e app.Event) {
	p := t.Page
	before, kept := p.card, p.cut == nil && !emptyCard(p.card)
	p.open(ctx, card.NewCard())
	if p.failure != nil {
		return
	}
	msg := "New card."
	if kept {
		msg += " The card before, " + quotedTitle(before) + ", is in Recent cards."
	}
	t.done(msg, "")
}

// duplicate makes a new card of the card shown, titled as its copy; the
// original stays among the recent cards.
func (t *Toolbar) duplicate(ctx app.Context, e app.Event) {
	p := t.Page
	orig := p.card
	c := *orig
	c.Title = copyTitle(orig.Title)
	p.open(ctx, &c)
	if p.failure != nil {
		return
	}
	t.done("Duplicated "+quotedTitle(orig)+": this is the copy, "+quotedTitle(&c)+
		", a card of its own; the original is in Recent cards.", "")
}

// copyTitle is the title of a copy of a card titled title, within the
// limit of a title.
func copyTitle(title string) string {
	const suffix = " (copy)"
	t := strings.TrimSpace(title)
	if t == "" {
		t = "Untitled card"
	}
	if over := utf8.RuneCountInString(t) + utf8.RuneCountInString(suffix) - card.MaxTitle; over > 0 {
		r := []rune(t)
		t = strings.TrimSpace(string(r[:len(r)-over]))
	}
	return t + suffix
}

// openRecent opens a card of the recent list.
func (t *Toolbar) openRecent(ctx app.Context, c *card.Card) {
	p := t.Page
	p.open(ctx, c)
	if p.failure != nil {
		return
	}
	t.done("Opened "+quotedTitle(c)+": "+completeness(&p.eval, &p.headline)+".", toolRecentID)
}

// imported follows a card the import box opened: from says from what
// ("from the JSON export"), and remarks counts the import's remarks,
// which its panel lists and stays open for.
func (t *Toolbar) imported(ctx app.Context, c *card.Card, from string, remarks int) {
	p := t.Page
	if p.failure != nil {
		return
	}
	what := "Opened " + quotedTitle(c) + " " + from
	if p.cut != nil {
		what = "Opened the score of a link cut short (its text is lost)"
	}
	msg := what + ": " + completeness(&p.eval, &p.headline) + "."
	switch {
	case remarks == 1:
		t.status = msg + " One remark, under Import."
	case remarks > 1:
		t.status = msg + " " + strconv.Itoa(remarks) + " remarks, under Import."
	}
	if remarks > 0 {
		t.showTop("")
		return
	}
	t.done(msg, toolImportID)
}

// done says what an action did, closes the panel, and shows the top of
// the card, with the focus on the button named back (if any).
func (t *Toolbar) done(msg, back string) {
	t.status = msg
	t.setPanel(panelNone)
	t.showTop(back)
}

// showTop scrolls the page to its top, where the card begins, once drawn,
// with the focus on the element with id focus.
func (t *Toolbar) showTop(focus string) {
	if !t.mounted {
		return
	}
	t.mountCtx.Defer(func(app.Context) {
		if focus != "" {
			if el := app.Window().GetElementByID(focus); el.Truthy() {
				el.Call("focus", map[string]any{"preventScroll": true})
			}
		}
		app.Window().Call("scrollTo", 0, 0)
	})
}

// focusAfterRender moves the focus, once drawn, to the first element of
// ids that is there.
func (t *Toolbar) focusAfterRender(ids ...string) {
	if !t.mounted {
		return
	}
	t.mountCtx.Defer(func(app.Context) {
		for _, id := range ids {
			if el := app.Window().GetElementByID(id); el.Truthy() {
				el.Call("focus")
				return
			}
		}
	})
}

// completeness says what a card opened scores, or what it still needs:
// "AIVSS 9.6 Critical, complete", "incomplete, missing CVSS, ThM", and its
// highest finding.
func completeness(ev *card.Evaluation, h *findingsHeadline) string {
	var s string
	switch {
	case ev.Err != nil:
		s = "not scored, " + ev.Err.Error()
	case !ev.Complete():
		s = "incomplete, missing " + ev.MissingText()
	default:
		s = "AIVSS " + ev.Result.Score + " " + string(ev.Result.Severity) + ", complete"
	}
	if h.TopScore != "" {
		s += "; highest finding " + h.TopScore + " " + h.TopSeverity
	}
	return s
}

// ScoreBar is the card's result in one line, for the top of a narrow
// screen, where the result is out of view while the inputs below it are
// set: the score and severity, or what is missing, and the highest
// finding. The result itself (#score) is the live region; this line
// repeats it.
type ScoreBar struct {
	app.Compo

	Score, Severity       string // the card's score, when it has one
	Note                  string // else why not: "Incomplete: missing CVSS, ThM"
	TopScore, TopSeverity string // the highest finding, if any
}

func (s *ScoreBar) Render() app.UI {
	class := "tc-scorebar"
	body := []app.UI{}
	if s.Score != "" {
		class += " tc-sev-" + strings.ToLower(s.Severity)
		body = append(body,
			textEl("span", "AIVSS "+s.Score, "class", "tc-scorebar-score"),
			textEl("span", s.Severity, "class", "tc-severity"))
	} else {
		body = append(body, textEl("span", s.Note, "class", "tc-scorebar-note"))
	}
	if s.TopScore != "" {
		body = append(body, textEl("span", "Highest finding "+s.TopScore+" "+s.TopSeverity, "class", "tc-scorebar-top"))
	}
	return el("p", "id", scoreBarID, "class", class).Body(body...)
}
