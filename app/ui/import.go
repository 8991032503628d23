package ui

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cardimport"
	"github.com/threatcard/threatcard/scoring/cardtext"
)

// The ids of the import form's elements; end-to-end tests rely on them.
const (
	importTextID     = "import-text"
	importSubmitID   = "import-submit"
	importErrorID    = "import-error"
	importStatusID   = "import-status"
	importWarningsID = "import-warnings"
)

// ImportDialog reads a card that is pasted in, either a threatcard link
// (a URL or a bare fragment, see linkIn), the text of a published card, a
// JSON export or an OWASP AIVSS v0.8 report (told apart by
// cardimport.Detect; a report's remarks, such as a stated score that
// differs from the one its inputs give, are listed), and asks the page to
// open it in place of the current card. A document that
// cannot be read is reported where it is wrong (its line, or its JSON path)
// and nothing changes: the pasted text stays, and so does the current card.
type ImportDialog struct {
	app.Compo

	Guard Guard // the page's handler wrapper; nil recovers locally
	// OnOpen makes c the page's card, replacing the whole card (the page may
	// do it with Replace(c) as an Edit). c is valid and belongs to the page
	// from then on.
	OnOpen func(ctx app.Context, c *card.Card)
	// OnLink opens the card of a threatcard link as the address would
	// (Page.openLink): decoded, with the link Encode writes for it, or the
	// scores of a link cut short under their banner. It returns the card
	// shown, whether the link was cut short, or why nothing was opened.
	OnLink func(ctx app.Context, raw string) (c *card.Card, cut bool, err error)
	// OnImported, if set, follows a card opened: from says from what
	// ("from the JSON export", "from the link") and remarks counts the
	// remarks listed. It says so for the page (see Toolbar.imported),
	// so the box's own status line is then no live region.
	OnImported func(ctx app.Context, c *card.Card, from string, remarks int)

	text     string // what is in the text area
	failure  error  // why the last import failed (a *cardimport.Error), or a caught panic
	warnings []cardtext.Warning
	status   string // the last success, as text
}

func (d *ImportDialog) Render() app.UI {
	describedBy := "import-hint"
	if d.failure != nil {
		describedBy += " " + importErrorID
	}
	area := el("textarea", "id", importTextID, "rows", "8", "spellcheck", "false",
		"aria-describedby", describedBy).
		Text(d.text).OnInput(guarded(d.Guard, "reading the pasted text", d.ValueTo(&d.text), d.fail))
	if d.failure != nil {
		area = area.Aria("invalid", "true")
	}
	return el("section", "id", "import", "class", "tc-import", "aria-labelledby", "import-title").Body(
		textEl("h2", "Import a card", "id", "import-title"),
		textEl("p", "Paste a threatcard link, the text of a published agentic threat-model card, a threatcard "+
			"JSON export, or an OWASP AIVSS v0.8 report (JSON with metadata and vulnerabilities), whose "+
			"vulnerabilities become findings. It opens in place of the card on screen.", "id", "import-hint", "class", "tc-hint"),
		textEl("label", "Link, card text, JSON export or AIVSS report", "for", importTextID),
		area,
		el("button", "id", importSubmitID, "type", "button").
			Text("Import").OnClick(guarded(d.Guard, "importing the card", d.submit, d.fail)),
		app.If(d.failure != nil, func() app.UI {
			return d.renderFailure()
		}),
		d.statusLine(),
		app.If(len(d.warnings) > 0, func() app.UI {
			items := make([]app.UI, len(d.warnings))
			for i, w := range d.warnings {
				items[i] = textEl("li", warningText(w))
			}
			return el("div", "class", "tc-import-warnings").Body(
				textEl("p", "Taken with these remarks:", "id", "import-warnings-title"),
				el("ul", "id", importWarningsID, "aria-labelledby", "import-warnings-title").Body(items...),
			)
		}),
	)
}

// renderFailure shows why the import failed: where, what, and the line as
// it was pasted.
func (d *ImportDialog) renderFailure() app.UI {
	if le, ok := d.failure.(*linkImportError); ok {
		return el("div", "id", importErrorID, "class", "tc-import-error", "role", "alert").Body(
			textEl("p", "Not imported: this threatcard link could not be read. "+linkProblem(le.err)),
		)
	}
	ie, ok := errors.AsType[*cardimport.Error](d.failure)
	if !ok {
		return el("div", "id", importErrorID, "class", "tc-import-error", "role", "alert").Body(
			textEl("p", "Not imported: "+d.failure.Error()),
		)
	}
	what := whereText(ie) + ie.Msg
	if what == ie.Msg {
		what = capitalized(what)
	}
	body := []app.UI{textEl("p", "Not imported: the "+ie.Format.String()+" has a problem. "+what)}
	if ie.Text != "" {
		body = append(body, textEl("pre", ie.Text, "class", "tc-import-line"))
	}
	return el("div", "id", importErrorID, "class", "tc-import-error", "role", "alert").Body(body...)
}

// whereText names the place of an import error as a sentence's start.
func whereText(e *cardimport.Error) string {
	switch {
	case e.Path != "":
		return "At " + e.Path + ": "
	case e.Line > 0:
		return "Line " + strconv.Itoa(e.Line) + ": "
	}
	return ""
}

func warningText(w cardtext.Warning) string {
	if w.Line > 0 {
		return "Line " + strconv.Itoa(w.Line) + ": " + w.Msg
	}
	return w.Msg
}

func (d *ImportDialog) fail(err error) {
	d.failure, d.warnings, d.status = err, nil, ""
}

func (d *ImportDialog) submit(ctx app.Context, e app.Event) {
	d.importText(ctx)
}

// importText imports what is in the text area and, if it is a card, hands
// it to OnOpen.
func (d *ImportDialog) importText(ctx app.Context) {
	d.failure, d.warnings, d.status = nil, nil, ""
	if l, ok := linkIn(d.text); ok {
		d.importLink(ctx, l)
		return
	}
	r, err := cardimport.Import([]byte(d.text))
	if err != nil {
		d.failure = err
		return
	}
	d.warnings = r.Warnings
	d.status = "Opened " + quotedTitle(r.Card) + " from the " + r.Format.String() + "."
	switch n := len(r.Warnings); n {
	case 0:
	case 1:
		d.status += " One remark, below."
	default:
		d.status += " " + strconv.Itoa(n) + " remarks, below."
	}
	if d.OnOpen != nil {
		d.OnOpen(ctx, r.Card)
	}
	if d.OnImported != nil {
		d.OnImported(ctx, r.Card, "from the "+r.Format.String(), len(r.Warnings))
	}
}

// statusLine says what the last import opened; a live region unless the
// page says it (OnImported).
func (d *ImportDialog) statusLine() app.UI {
	if d.OnImported != nil {
		return textEl("p", d.status, "id", importStatusID, "class", "tc-import-status")
	}
	return textEl("p", d.status, "id", importStatusID, "class", "tc-import-status", "role", "status", "aria-live", "polite")
}

// quotedTitle names a card in a message: its title in quotes, or "an
// untitled card".
func quotedTitle(c *card.Card) string {
	if t := strings.TrimSpace(c.Title); t != "" {
		return "“" + t + "”"
	}
	return "an untitled card"
}

// linkImportError is a threatcard link pasted into the import box that
// could not be opened.
type linkImportError struct{ err error }

func (e *linkImportError) Error() string { return e.err.Error() }
func (e *linkImportError) Unwrap() error { return e.err }

// importLink opens the threatcard link l through OnLink.
func (d *ImportDialog) importLink(ctx app.Context, l string) {
	if d.OnLink == nil {
		return
	}
	c, cut, err := d.OnLink(ctx, l)
	switch {
	case err != nil:
		d.failure = &linkImportError{err}
	case cut:
		d.status = "Opened the score of a link cut short: its text is lost, as the note at the top of the page says."
	default:
		d.status = "Opened " + quotedTitle(c) + " from the link."
	}
	if err == nil && d.OnImported != nil {
		d.OnImported(ctx, c, "from the link", 0)
	}
}

// linkIn reports whether text is a threatcard link, and returns it
// trimmed: one word (no white space inside) that is a fragment of the link
// format, "v1&e=…" or "#v1&e=…" (any version number), or ends in one
// after '#', as a URL does ("https://…/#v1&e=…"). Card text and JSON are
// never one such word: card text starts with a title line of several
// words, and JSON with '{', which a URL does not hold.
func linkIn(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if t == "" || strings.ContainsFunc(t, unicode.IsSpace) || strings.ContainsAny(t, "{}[]\"") {
		return "", false
	}
	fragment := t
	if i := strings.IndexByte(t, '#'); i >= 0 {
		fragment = t[i+1:]
	}
	if len(fragment) < 2 || fragment[0] != 'v' {
		return "", false
	}
	rest := strings.TrimLeft(fragment[1:], "0123456789")
	if len(rest) == len(fragment)-1 || rest != "" && rest[0] != '&' {
		return "", false
	}
	return t, true
}

// Replace returns an Edit that makes the page's card c, whole. It is one way
// for the page to serve OnOpen through its edit path:
//
//	OnOpen: func(ctx app.Context, c *card.Card) { p.edit(ctx, ui.Replace(c)) }
func Replace(c *card.Card) Edit {
	return func(dst *card.Card) { *dst = *c }
}
