package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
)

// CardHeader edits the card's title (the agent's name) and summary.
//
// Nothing typed or pasted is cut: the fields have no maxlength. Text the
// card does not take (over a field's limit, or over the card's limit for
// all its text) stays in the field as typed, the message under it says by
// how much it is over and that the card keeps its earlier text, and the
// summary's counter counts what is in the field.
type CardHeader struct {
	app.Compo

	Editor  editor
	Title   string
	Summary string
	Opened  int // the page's count of cards shown: a new value is another card

	titleErr, summaryErr string // why the card did not take what the field holds
	summaryTyped         string // what the summary field holds, when the card did not take it
}

// OnUpdate shows another card's title and summary, empty ones included,
// and forgets text the card did not take.
func (c *CardHeader) OnUpdate(ctx app.Context) {
	c.titleErr, c.summaryErr, c.summaryTyped = "", "", ""
	syncControls(ctx, map[string]string{"card-title": c.Title, "card-summary": c.Summary}, nil)
}

func (c *CardHeader) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the card's title")
	summary := c.Summary
	if c.summaryErr != "" {
		summary = c.summaryTyped
	}
	return el("section", "class", "tc-card-head", "aria-label", "Card").Body(
		el("div", "class", "tc-field").Body(
			textEl("label", "Agent name", "for", "card-title"),
			voidEl("input", "type", "text", "id", "card-title", "value", c.Title, "autocomplete", "off",
				"placeholder", "Untitled card", "aria-describedby", "card-title-error",
				"aria-invalid", invalid(c.titleErr)).OnInput(c.onTitle),
			fieldError("card-title-error", c.titleErr),
		),
		el("div", "class", "tc-field").Body(
			textEl("label", "Summary", "for", "card-summary"),
			el("textarea", "id", "card-summary", "rows", "2", "value", c.Summary,
				"aria-describedby", "card-summary-count card-summary-error", "aria-invalid", invalid(c.summaryErr)).
				Text(c.Summary).OnInput(c.onSummary),
			textEl("p", textCount(summary, card.MaxSummary), "id", "card-summary-count", "class", "tc-count"),
			fieldError("card-summary-error", c.summaryErr),
		),
	)
}

// invalid is the aria-invalid attribute of a field with the message msg:
// "true", or "" (left out) without a message.
func invalid(msg string) string {
	if msg != "" {
		return "true"
	}
	return ""
}

func (c *CardHeader) onTitle(ctx app.Context, e app.Event) {
	defer c.Editor.catch("changing the title")
	c.setTitle(ctx, ctx.JSSrc().Get("value").String())
}

func (c *CardHeader) onSummary(ctx app.Context, e app.Event) {
	defer c.Editor.catch("changing the summary")
	c.setSummary(ctx, ctx.JSSrc().Get("value").String())
}

func (c *CardHeader) setTitle(ctx app.Context, s string) {
	c.titleErr = setText(ctx, c.Editor, s, card.MaxTitle, "title", func(cd *card.Card) { cd.Title = s })
}

func (c *CardHeader) setSummary(ctx app.Context, s string) {
	c.summaryErr = setText(ctx, c.Editor, s, card.MaxSummary, "summary", func(cd *card.Card) { cd.Summary = s })
	c.summaryTyped = s
}

// setText hands the edit of a text field to the page and returns the
// message for the field: "" when the card took the text, else what
// textRefusal says.
func setText(ctx app.Context, ed editor, typed string, limit int, what string, set Edit) string {
	total := 0
	err := ed.edit(ctx, func(cd *card.Card) {
		set(cd)
		total = cd.TextChars()
	})
	if err == nil {
		return ""
	}
	return textRefusal(err, typed, limit, total, what)
}

// textRefusal is the message at a text field whose text the card did not
// take. typed is what the field holds, limit the field's own limit in
// characters, total the characters of text the card would have had in all
// (card.Card.TextChars), what the field's name in words ("notes"). The field
// keeps typed; the message says by how much it is over, and that the card
// keeps its earlier text until it is shortened.
func textRefusal(err error, typed string, limit, total int, what string) string {
	this, has, its, it := "This "+what, " has ", "its", "it is"
	if plural(what) {
		this, has, its, it = "These "+what, " have ", "their", "they are"
	}
	keeps := "The card keeps its earlier " + what
	if n := utf8.RuneCountInString(typed); n > limit {
		return this + has + thousands(n) + " characters, " + thousands(n-limit) +
			" over " + its + " limit of " + thousands(limit) + ". " + keeps + " until " + it + " shortened."
	}
	if total > card.MaxTotalText {
		return "With " + strings.ToLower(this[:1]) + this[1:] + " the card's text would have " + thousands(total) + " characters in all, " +
			thousands(total-card.MaxTotalText) + " over the limit of " + thousands(card.MaxTotalText) +
			" for a whole card. " + keeps + " until text here or elsewhere is shortened."
	}
	return refusedMsg(err) + " " + keeps + "."
}

// plural reports whether a text field's name in words is plural ("notes",
// "mitigations").
func plural(what string) bool { return strings.HasSuffix(what, "s") }

// thousands writes n with a comma between groups of three digits: 8,192.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
