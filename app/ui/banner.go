package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PollUpdates asks the service worker to look for a new version every
// interval, for pages left open for long; browsers check by themselves only
// when a page is loaded. When the new worker is installed, go-app calls
// OnAppUpdate and the page shows the banner. It returns at once; the polling
// runs for the life of the page.
func PollUpdates(every time.Duration) {
	go func() {
		for range time.Tick(every) {
			app.TryUpdate()
		}
	}()
}

// UpdateBanner tells that a new version is installed and offers to reload.
// It never reloads by itself: the user may be in the middle of an edit.
type UpdateBanner struct {
	app.Compo

	OnReload app.EventHandler
}

func (c *UpdateBanner) Render() app.UI {
	return el("div", "id", "update", "class", "tc-update", "role", "status").Body(
		textEl("p", "A new version of threatcard is ready."),
		el("button", "id", "update-reload", "type", "button").Text("Reload").OnClick(c.OnReload),
	)
}

// The ids of the banner of a link cut short; end-to-end tests rely on them.
const (
	cutBannerID    = "cut-link"
	cutTitleID     = "cut-link-title"
	cutOpenDraftID = "cut-open-draft"
)

// CutBanner says that the card shown is what is left of a link cut short
// inside its text (a *link.TruncatedError): its score, from the scoring
// parts, which were intact, and no text. It never lets that pass for the
// whole card: it stays above the card as long as the card is shown.
type CutBanner struct {
	app.Compo

	Intact      string           // the intact parts in words: "edition, CVSS, factors, ThM and MF"
	Edited      bool             // the person edited the card, which is then saved as a new card
	Draft       RecentEntry      // the saved draft, offered when OnOpenDraft is set
	OnOpenDraft app.EventHandler // nil hides the button
}

func (c *CutBanner) Render() app.UI {
	saved := "Nothing from it is saved in this browser unless you change it; it then becomes a new card of yours."
	if c.Edited {
		saved = "You changed it, so it is saved in this browser as a new card, still without the lost text."
	}
	intact := "The score below comes from what arrived whole: the link's " + c.Intact + "."
	return el("section", "id", cutBannerID, "class", "tc-cut", "role", "alert", "aria-labelledby", cutTitleID).Body(
		textEl("h2", "This link was cut short: its text is lost", "id", cutTitleID),
		textEl("p", "The link ends partway through its text, as when a ticket or chat keeps only the beginning "+
			"of a long link. The card's title, summary, MAESTRO notes and threats did not arrive. "+intact),
		textEl("p", "Ask whoever shared it for the whole link, or for its JSON export or Markdown. "+saved),
		app.If(c.OnOpenDraft != nil, func() app.UI {
			return el("button", "id", cutOpenDraftID, "type", "button").OnClick(c.OnOpenDraft).
				Text("Open my draft instead: " + entryTitle(c.Draft))
		}),
	)
}
