package ui

import (
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
	return app.Section().Class("tc-card-head").Aria("label", "Card").Body(
		app.Div().Class("tc-field").Body(
			app.Label().For("card-title").Text("Agent name"),
			app.Input().Type("text").ID("card-title").Value(c.Title).MaxLength(card.MaxTitle).
				Attr("autocomplete", "off").Placeholder("Untitled card").Aria("describedby", "card-title-error").
				OnInput(c.onTitle),
			fieldError("card-title-error", c.titleErr),
		),
		app.Div().Class("tc-field").Body(
			app.Label().For("card-summary").Text("Summary"),
			// The text child is the value in HTML written on the server;
			// in the browser go-app sets the value property.
			app.Textarea().ID("card-summary").Rows(2).MaxLength(card.MaxSummary).
				Attr("value", c.Summary).Text(c.Summary).Aria("describedby", "card-summary-error").
				OnInput(c.onSummary),
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
