package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/link"
)

// ErrorPanel is the page's error state: what went wrong, as text, and the
// ways out: back to the saved draft, or a new card.
type ErrorPanel struct {
	app.Compo

	ID          string           // "link-error" for a link that cannot be read, "error" for a caught panic
	Title       string           // the heading
	Message     string           // shown as text
	Draft       RecentEntry      // the saved draft, offered when OnOpenDraft is set
	OnOpenDraft app.EventHandler // nil hides the button
	OnStartOver app.EventHandler // nil hides the button
}

func (c *ErrorPanel) Render() app.UI {
	id := c.ID
	if id == "" {
		id = "error"
	}
	title := c.Title
	if title == "" {
		title = "This link could not be shown"
	}
	return el("section", "id", id, "class", "tc-error", "aria-labelledby", "error-title").Body(
		textEl("h2", title, "id", "error-title"),
		textEl("p", c.Message, "id", "error-text", "role", "alert"),
		textEl("p", "Your saved cards are untouched.", "class", "tc-error-hint"),
		el("div", "class", "tc-error-actions").Body(
			app.If(c.OnOpenDraft != nil, func() app.UI {
				return el("button", "id", "open-draft", "type", "button").OnClick(c.OnOpenDraft).Body(
					app.Text("Open my draft: "+entryTitle(c.Draft)),
					textEl("span", ", "+entryScore(c.Draft)+", saved "+c.Draft.Saved.Local().Format(savedLayout),
						"class", "tc-error-saved"),
				)
			}),
			app.If(c.OnStartOver != nil, func() app.UI {
				return el("button", "id", "start-over", "type", "button").Text("Start a new card").OnClick(c.OnStartOver)
			}),
		),
	)
}

// failureText is the message of the error state for err, in a person's
// words: a link's part by its name rather than its letter, and lengths as
// characters.
func failureText(err error) string {
	switch e := err.(type) {
	case *FragmentTooLongError:
		return "This link is " + thousands(e.Length) + " characters long; threatcard opens links of up to " +
			thousands(e.Max) + " characters."
	case *link.Error:
		return linkProblem(e)
	}
	return err.Error()
}
