package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/carddiff"
)

// CompareView shows two cards side by side (stacked on a narrow screen):
// each one's title, score and severity, edition and findings' headline,
// with a link that opens it; the delta B − A; and every change in words
// ("Execution Autonomy: Partial (0.5) → Full (1)", "threat added: …"),
// each marked by its kind in words too, never by colour alone. "Copy
// comparison as Markdown" puts carddiff's Markdown on the clipboard, as
// the share bar copies. Everything it shows comes from the Diff.
type CompareView struct {
	app.Compo

	Fragment     string        // the compare fragment shown
	Diff         carddiff.Diff // the comparison
	LinkA, LinkB string        // the cards' links (fragments)
	Problem      string        // why the comparison cannot be shown; "" when it can
	Guard        Guard
	OnLeave      app.EventHandler // goes to the draft, from a comparison that cannot be shown

	status   string // what the last copy did
	failed   bool
	byHand   string // the Markdown offered for copying by hand, after a failed copy
	seenFrag string
}

// OnUpdate forgets the last copy's outcome when another comparison is shown.
func (v *CompareView) OnUpdate(ctx app.Context) {
	if v.Fragment != v.seenFrag {
		v.seenFrag, v.status, v.failed, v.byHand = v.Fragment, "", false, ""
	}
}

func (v *CompareView) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the comparison")
	if v.Problem != "" {
		return el("section", "id", compareID, "class", "tc-compare", "aria-labelledby", "compare-title").Body(
			textEl("h2", "This comparison could not be opened", "id", "compare-title"),
			textEl("p", v.Problem, "id", compareErrorID, "class", "tc-edit-error", "role", "alert"),
			el("button", "id", "compare-leave", "type", "button").Text("Open your draft").OnClick(v.OnLeave),
		)
	}
	d := &v.Diff
	statusClass := "tc-share-status"
	if v.failed {
		statusClass += " tc-share-status-failed"
	}
	return el("section", "id", compareID, "class", "tc-compare", "aria-labelledby", "compare-title").Body(
		textEl("h2", "Comparison of two cards", "id", "compare-title"),
		el("div", "class", "tc-compare-sides").Body(
			v.side("a", "A", "before", &d.A, v.LinkA),
			v.side("b", "B", "after", &d.B, v.LinkB),
		),
		textEl("p", deltaWords(d), "id", compareDeltaID, "class", "tc-compare-delta"),
		el("div", "class", "tc-share-buttons tc-compare-actions").Body(
			el("button", "id", compareCopyID, "type", "button").Text("Copy comparison as Markdown").
				OnClick(guarded(v.Guard, "copying the comparison", v.copyMarkdown, v.fail)),
			textEl("a", "Swap A and B", "id", compareSwapID, "href", "#"+CompareFragment(v.LinkB, v.LinkA)),
		),
		textEl("p", v.status, "id", compareStatusID, "class", statusClass, "role", "status", "aria-live", "polite"),
		app.If(v.byHand != "", func() app.UI {
			return el("div", "class", "tc-share-by-hand").Body(
				textEl("label", "The comparison as Markdown, to copy by hand", "for", compareFallbackID),
				textEl("textarea", v.byHand, "id", compareFallbackID, "readonly", "true", "rows", "10", "spellcheck", "false"),
			)
		}),
		textEl("h3", changesHeading(d), "id", "compare-changes-title"),
		v.changes(d),
	)
}

// side is one card's column.
func (v *CompareView) side(id, name, when string, s *carddiff.Side, fragment string) app.UI {
	title := strings.TrimSpace(s.Title)
	if title == "" {
		title = "Untitled card"
	}
	score := s.ScoreWords()
	return el("article", "class", "tc-compare-side", "aria-labelledby", "compare-"+id+"-title").Body(
		el("h3", "id", "compare-"+id+"-title").Body(
			textEl("span", "Card "+name+" ("+when+")", "class", "tc-compare-label"),
			textEl("span", title, "class", "tc-compare-title"),
		),
		textEl("p", score, "id", "compare-"+id+"-score", "class", "tc-compare-score tc-compare-sev-"+strings.ToLower(orWordUI(s.Severity, "none"))),
		textEl("p", s.Edition, "class", "tc-hint"),
		app.If(s.Highest != "", func() app.UI {
			return textEl("p", s.FindingsWords(), "id", "compare-"+id+"-findings", "class", "tc-compare-findings")
		}),
		textEl("a", "Open card "+name, "id", "compare-open-"+id, "href", "#"+fragment),
	)
}

func orWordUI(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// deltaWords says the delta: "Change in AIVSS score (B − A): -1.6, lower".
func deltaWords(d *carddiff.Diff) string {
	const head = "Change in AIVSS score (B − A): "
	if d.Delta == "" {
		return head + "none, " + d.NoDelta() + "."
	}
	w := d.DeltaWords()
	switch {
	case strings.HasPrefix(w, "-"):
		w = "−" + w[1:] + " (B is lower)"
	case strings.HasPrefix(w, "+"):
		w += " (B is higher)"
	default:
		w += " (the same score)"
	}
	return head + w
}

// changesHeading is "What changed: 3 changes", or that nothing did.
func changesHeading(d *carddiff.Diff) string {
	switch n := len(d.Changes); n {
	case 0:
		return "Nothing changed: the cards are the same"
	case 1:
		return "What changed: 1 change"
	default:
		return "What changed: " + strconv.Itoa(n) + " changes"
	}
}

// kindLabel is a change's kind as the list marks it, in words.
func kindLabel(c *carddiff.Change) string {
	var k string
	switch c.Kind {
	case carddiff.Added:
		k = "Added"
	case carddiff.Removed:
		k = "Removed"
	default:
		k = "Changed"
	}
	if c.Derived {
		k += ", computed"
	}
	return k
}

// changes is the list of changes, each its kind in words then the change.
func (v *CompareView) changes(d *carddiff.Diff) app.UI {
	items := make([]app.UI, len(d.Changes))
	for i := range d.Changes {
		c := &d.Changes[i]
		class := "tc-change tc-change-" + string(c.Kind)
		if c.Derived {
			class += " tc-change-derived"
		}
		items[i] = el("li", "class", class).Body(
			textEl("span", kindLabel(c)+":", "class", "tc-change-kind"),
			app.Text(" "+c.Words()),
		)
	}
	return el("ul", "id", compareChangesID, "class", "tc-compare-changes", "aria-labelledby", "compare-changes-title").Body(items...)
}

func (v *CompareView) fail(err error) {
	v.status, v.failed = "Something went wrong: "+err.Error(), true
}

func (v *CompareView) copyMarkdown(ctx app.Context, e app.Event) {
	md := v.Diff.Markdown()
	v.byHand = ""
	err := writeClipboard(md, func(err error) {
		ctx.Dispatch(func(ctx app.Context) { v.copied(ctx, md, err) })
	})
	if err != nil {
		v.copied(ctx, md, err)
	}
}

// copied reports a finished copy; when it failed, it offers the Markdown
// selected in a read-only field.
func (v *CompareView) copied(ctx app.Context, md string, err error) {
	if err == nil {
		v.status, v.failed, v.byHand = "Comparison copied to the clipboard as Markdown.", false, ""
		return
	}
	v.byHand, v.failed = md, false
	v.status = "Not copied: " + strings.TrimSuffix(err.Error(), ".") + ". The Markdown is selected in the field below; press Ctrl+C (⌘C on a Mac) to copy it."
	ctx.Defer(func(app.Context) { selectText(compareFallbackID) })
}

// CompareWith is the "Compare with…" control of the card shown: a button
// that opens a small form taking a pasted link, and the recent cards,
// each a button; either opens the comparison of that card (A, before)
// with the card shown (B, after).
type CompareWith struct {
	app.Compo

	Page     *Page  // the page, the same each time
	Fragment string // the card shown's link: the control is drawn again when it changes

	open    bool
	text    string        // the link typed or pasted
	message string        // why the last try did not compare
	recent  []RecentEntry // read when the control opens
}

func (w *CompareWith) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing Compare with")
	p := w.Page
	expanded := "false"
	if w.open {
		expanded = "true"
	}
	return el("div", "id", compareWithID, "class", "tc-compare-with").Body(
		el("button", "id", compareWithToggleID, "type", "button", "aria-expanded", expanded, "aria-controls", "compare-with-panel").
			Text("Compare with…").OnClick(p.handler("opening Compare with", w.toggle)),
		app.If(w.open, func() app.UI {
			items := make([]app.UI, 0, len(w.recent))
			for i, e := range w.recent {
				if e.Fragment == "" || e.Fragment == p.fragment {
					continue
				}
				label := "Compare with " + entryTitle(e)
				if e.Score != "" {
					label += " (" + e.Score + " " + e.Severity + ")"
				}
				items = append(items, el("li").Body(
					el("button", "type", "button", "id", "compare-with-recent-"+strconv.Itoa(i)).
						Text(label).OnClick(p.handler("comparing", w.recentOpener(e.Fragment))),
				))
			}
			return el("div", "id", "compare-with-panel", "class", "tc-compare-with-panel").Body(
				textEl("p", "Compare this card (B, after) with an earlier card (A, before): paste its link, or pick a recent card.", "class", "tc-hint"),
				el("form", "class", "tc-compare-with-form").Body(
					textEl("label", "Link of card A", "for", compareWithInputID),
					voidEl("input", "id", compareWithInputID, "type", "url", "value", w.text, "spellcheck", "false",
						"autocomplete", "off", "aria-describedby", compareWithMessageID).
						OnInput(p.handler("typing a link", func(ctx app.Context, e app.Event) { w.text = ctx.JSSrc().Get("value").String() })),
					el("button", "id", compareWithSubmitID, "type", "submit").Text("Compare"),
				).OnSubmit(p.handler("comparing", w.submit)),
				textEl("p", w.message, "id", compareWithMessageID, "class", "tc-edit-error", "aria-live", "polite"),
				app.If(len(items) > 0, func() app.UI {
					return el("ul", "class", "tc-compare-with-recent", "aria-label", "Recent cards").Body(items...)
				}),
			)
		}),
	)
}

func (w *CompareWith) toggle(ctx app.Context, e app.Event) {
	w.open = !w.open
	w.message = ""
	if w.open {
		w.recent = w.Page.drafts(ctx).RecentEntries()
	}
}

func (w *CompareWith) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	w.compare(ctx, w.text)
}

func (w *CompareWith) recentOpener(fragment string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { w.compare(ctx, fragment) }
}

func (w *CompareWith) compare(ctx app.Context, other string) {
	if err := w.Page.compareAgainst(ctx, other); err != nil {
		w.message = err.Error()
		return
	}
	w.open, w.text, w.message = false, "", ""
}
