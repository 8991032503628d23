package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
)

// CardHeader edits the card's title (the agent's name) and summary.
type CardHeader struct {
	app.Compo

	Editor  editor
	Title   string
	Summary string

	titleErr, summaryErr string // why the last change was not accepted
}

// OnUpdate shows another card's title and summary, empty ones included.
func (c *CardHeader) OnUpdate(ctx app.Context) {
	syncControls(ctx, map[string]string{"card-title": c.Title, "card-summary": c.Summary}, nil)
}

func (c *CardHeader) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the card's title")
	return el("section", "class", "tc-card-head", "aria-label", "Card").Body(
		el("div", "class", "tc-field").Body(
			textEl("label", "Agent name", "for", "card-title"),
			voidEl("input", "type", "text", "id", "card-title", "value", c.Title,
				"maxlength", strconv.Itoa(card.MaxTitle), "autocomplete", "off",
				"placeholder", "Untitled card", "aria-describedby", "card-title-error").OnInput(c.onTitle),
			fieldError("card-title-error", c.titleErr),
		),
		el("div", "class", "tc-field").Body(
			textEl("label", "Summary", "for", "card-summary"),
			el("textarea", "id", "card-summary", "rows", "2", "maxlength", strconv.Itoa(card.MaxSummary),
				"value", c.Summary, "aria-describedby", "card-summary-error").Text(c.Summary).OnInput(c.onSummary),
			fieldError("card-summary-error", c.summaryErr),
		),
	)
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
	c.titleErr = ""
	if err := c.Editor.edit(ctx, func(cd *card.Card) { cd.Title = s }); err != nil {
		c.titleErr = refusedMsg(err)
	}
}

func (c *CardHeader) setSummary(ctx app.Context, s string) {
	c.summaryErr = ""
	if err := c.Editor.edit(ctx, func(cd *card.Card) { cd.Summary = s }); err != nil {
		c.summaryErr = refusedMsg(err)
	}
}
