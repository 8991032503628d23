//go:build e2e

package e2e

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The toolbar at the top of the workspace: New card, Duplicate, Import
// and Recent cards, whose list renames, pins, deletes and puts back.

// focused is the id of the element with the keyboard focus.
const focused = `(document.activeElement?.id ?? "")`

// openImport opens the toolbar's Import panel, where the import box is.
func openImport(t *testing.T, tb *tab) {
	t.Helper()
	waitForEditor(t, tb)
	if eval[bool](t, tb, `document.getElementById("tool-import").getAttribute("aria-expanded") !== "true"`) {
		click(t, tb, "#tool-import")
	}
	waitUntil(t, tb, "the import box is open", `!document.getElementById("import-panel").hidden`)
}

// openRecent opens the toolbar's Recent cards panel.
func openRecent(t *testing.T, tb *tab) {
	t.Helper()
	waitForEditor(t, tb)
	if eval[bool](t, tb, `document.getElementById("tool-recent").getAttribute("aria-expanded") !== "true"`) {
		click(t, tb, "#tool-recent")
	}
	waitUntil(t, tb, "the recent cards are open", `!!document.getElementById("recent-cards")`)
}

// recentTitles lists the titles the recent cards panel shows.
const recentTitles = `[...document.querySelectorAll("#recent-cards .tc-recent-open")].map((b) => b.textContent).join(" | ")`

// storedRecent lists the titles of the recent cards in localStorage.
const storedRecent = `JSON.parse(localStorage.getItem("threatcard.recent") || "[]").map((c) => c.title + (c.pinned ? " (pinned)" : "")).join(" | ")`

// titled gives the card on screen the title and one factor, and waits
// until the draft has them.
func titled(t *testing.T, tb *tab, title string) {
	t.Helper()
	typeInto(t, tb, "#card-title", title)
	click(t, tb, `label[for="factor-tools-2"]`)
	waitUntil(t, tb, "the draft is saved", savedTitle+` === `+js(title)+
		` && location.hash.includes("f=,1")`)
}

// newCard starts a new card from the toolbar.
func newCard(t *testing.T, tb *tab) {
	t.Helper()
	click(t, tb, "#tool-new")
	waitEq(t, tb, "the new card's title", valueOf("card-title"), "")
}

func TestToolbarNewCardKeepsThePreviousCardInRecent(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	titled(t, tb, "Mail agent")
	newCard(t, tb)
	waitEq(t, tb, "what New card says", textOf("card-status"),
		"New card. The card before, “Mail agent”, is in Recent cards.")
	waitEq(t, tb, "the address of the new card", fragmentNow, "")
	waitEq(t, tb, "the recent cards stored", storedRecent, "Mail agent")
	openRecent(t, tb)
	waitEq(t, tb, "the recent cards shown", recentTitles, "Mail agent")
	waitEq(t, tb, "the focus in the opened list", focused, "recent-0")

	// A new card nobody put anything into is not kept when the next one
	// comes.
	press(t, tb, kb.Escape)
	newCard(t, tb)
	waitEq(t, tb, "what New card says of an empty card", textOf("card-status"), "New card.")
	titled(t, tb, "Second")
	newCard(t, tb)
	waitEq(t, tb, "the recent cards stored", storedRecent, "Second | Mail agent")

	// Duplicate: a card of its own, the original in Recent cards.
	titled(t, tb, "Third")
	click(t, tb, "#tool-duplicate")
	waitEq(t, tb, "the copy's title", valueOf("card-title"), "Third (copy)")
	waitEq(t, tb, "what Duplicate says", textOf("card-status"),
		"Duplicated “Third”: this is the copy, “Third (copy)”, a card of its own; the original is in Recent cards.")
	waitEq(t, tb, "the recent cards stored", storedRecent, "Third | Second | Mail agent")
}

func TestRecentCardsRenameDeleteAndUndo(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	titled(t, tb, "Alpha")
	newCard(t, tb)
	titled(t, tb, "Beta")
	newCard(t, tb)
	openRecent(t, tb)
	waitEq(t, tb, "the list", recentTitles, "Beta | Alpha")

	// Rename Alpha, by keyboard: its title field opens with the focus in
	// it, Enter keeps the new title.
	click(t, tb, "#recent-1-rename")
	waitEq(t, tb, "the focus in the title field", focused, "recent-1-name")
	waitEq(t, tb, "the title field", valueOf("recent-1-name"), "Alpha")
	press(t, tb, "a", chromedp.ModifierCtrl)
	typeInto(t, tb, "#recent-1-name", "Alpha mail agent")
	press(t, tb, kb.Enter)
	waitEq(t, tb, "the list after the rename", recentTitles, "Beta | Alpha mail agent")
	waitEq(t, tb, "what the rename says", textOf("recent-status"), "Renamed “Alpha” to “Alpha mail agent”.")
	waitEq(t, tb, "the focus after the rename", focused, "recent-1-rename")
	waitEq(t, tb, "the stored title", storedRecent, "Beta | Alpha mail agent")
	// Esc leaves a title as it was, and the panel open.
	click(t, tb, "#recent-0-rename")
	waitEq(t, tb, "the focus in the title field", focused, "recent-0-name")
	typeInto(t, tb, "#recent-0-name", " changed")
	press(t, tb, kb.Escape)
	waitEq(t, tb, "the list after Esc", recentTitles, "Beta | Alpha mail agent")
	waitEq(t, tb, "the focus after Esc", focused, "recent-0-rename")

	// Delete Beta, then Undo.
	click(t, tb, "#recent-0-delete")
	waitEq(t, tb, "the list after the delete", recentTitles, "Alpha mail agent")
	waitEq(t, tb, "what the delete says", textOf("recent-status"), "Deleted “Beta”. Undo")
	waitEq(t, tb, "the focus on Undo", focused, "recent-undo")
	waitEq(t, tb, "the stored list after the delete", storedRecent, "Alpha mail agent")
	press(t, tb, kb.Enter)
	waitEq(t, tb, "the list after Undo", recentTitles, "Beta | Alpha mail agent")
	waitEq(t, tb, "what Undo says", textOf("recent-status"), "“Beta” is back.")
	waitEq(t, tb, "the focus on the card put back", focused, "recent-0")
	waitEq(t, tb, "the stored list after Undo", storedRecent, "Beta | Alpha mail agent")

	// The undo offer lasts until the next action.
	click(t, tb, "#recent-1-delete")
	waitEq(t, tb, "what the delete says", textOf("recent-status"), "Deleted “Alpha mail agent”. Undo")
	click(t, tb, "#recent-0-pin")
	waitEq(t, tb, "the status after the next action", textOf("recent-status"),
		"Pinned “Beta”: listed first, and kept until you unpin it.")
	waitEq(t, tb, "the stored list", storedRecent, "Beta (pinned)")
}

func TestRecentCardsPinnedFirstAndOpenedAtTheTop(t *testing.T) {
	misuse, misuseCard := golden(t, "v08-tool-misuse-scores-only")
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+misuse)
	waitForEditor(t, tb)
	newCard(t, tb)
	titled(t, tb, "Gamma")
	newCard(t, tb)
	titled(t, tb, "Delta")
	newCard(t, tb)
	misuseTitle := misuseCard.Title
	if misuseTitle == "" {
		misuseTitle = "Untitled card"
	}
	openRecent(t, tb)
	waitEq(t, tb, "the list", recentTitles, "Delta | Gamma | "+misuseTitle)

	// Pin the oldest: it comes first, its button pressed, and the focus
	// follows it.
	click(t, tb, "#recent-2-pin")
	waitEq(t, tb, "the list after pinning", recentTitles, misuseTitle+" | Delta | Gamma")
	waitEq(t, tb, "the pin pressed", `document.getElementById("recent-0-pin").getAttribute("aria-pressed")`, "true")
	waitEq(t, tb, "the focus on the pin", focused, "recent-0-pin")
	if got := eval[string](t, tb, textOf("recent-0-about")); !strings.HasPrefix(got, "Pinned, "+misuseCard.scoreWant(t)+", saved ") {
		t.Errorf("the pinned card's line %q", got)
	}

	// Open it from far down the page: the page shows the card's top and
	// says what was opened.
	eval[bool](t, tb, `window.scrollTo(0, document.body.scrollHeight), true`)
	waitUntil(t, tb, "the page scrolled down", `window.scrollY > 1000`)
	click(t, tb, "#recent-0") // the toolbar and its panel stay at the top of the window
	waitEq(t, tb, "the card's score", scoreText, misuseCard.scoreWant(t))
	waitEq(t, tb, "what opening says", textOf("card-status"), "Opened "+quote(misuseCard.Title)+": "+openedWant(t, &misuseCard)+".")
	waitEq(t, tb, "the page at its top", `window.scrollY`, 0)
	waitEq(t, tb, "the panel closed", `String(!document.getElementById("recent-cards"))`, "true")
	waitEq(t, tb, "the focus back on Recent cards", focused, "tool-recent")
	// Opened, it keeps its pin, and is listed pinned again once another
	// card is opened.
	newCard(t, tb)
	waitUntil(t, tb, "the card listed pinned again", `JSON.parse(localStorage.getItem("threatcard.recent"))[0].pinned === true`)
}

// openedWant is what the page says of a reference card it opened:
// "AIVSS 7.2 High, complete", or "incomplete, missing CVSS, ThM".
func openedWant(t *testing.T, c *goldenCard) string {
	t.Helper()
	if c.AIVSS.Score != nil {
		return c.scoreWant(t) + ", complete"
	}
	return strings.Replace(c.scoreWant(t), "incomplete:", "incomplete,", 1)
}

// quote names a card as the page does.
func quote(title string) string {
	if title == "" {
		return "an untitled card"
	}
	return "“" + title + "”"
}

func TestToolbarByKeyboardAlone(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	titled(t, tb, "Keyboard")
	eval[bool](t, tb, `document.getElementById("tool-new").focus(), true`)
	steps := []struct {
		key  string
		mods []chromedp.Modifier
		want string
	}{
		{kb.ArrowRight, nil, "tool-duplicate"},
		{kb.ArrowRight, nil, "tool-import"},
		{kb.End, nil, "redo"},            // Undo and Redo are tools too
		{kb.ArrowRight, nil, "tool-new"}, // around
		{kb.ArrowLeft, nil, "redo"},
		{kb.ArrowLeft, nil, "undo"},
		{kb.ArrowLeft, nil, "tool-recent"},
		{kb.Home, nil, "tool-new"},
		{kb.Tab, nil, "tool-duplicate"}, // Tab reaches each tool too
	}
	for _, st := range steps {
		press(t, tb, st.key, st.mods...)
		waitEq(t, tb, "the focus after "+keyName(st.key, st.mods...), focused, st.want)
	}
	// New card by Enter on its button.
	press(t, tb, kb.ArrowLeft)
	press(t, tb, kb.Enter)
	waitEq(t, tb, "the new card's title", valueOf("card-title"), "")
	waitEq(t, tb, "the focus stays on New card", focused, "tool-new")

	// Import opens with the focus in the box; Esc closes it.
	press(t, tb, kb.ArrowRight)
	press(t, tb, kb.ArrowRight)
	press(t, tb, kb.Enter)
	waitEq(t, tb, "the focus in the import box", focused, "import-text")
	waitEq(t, tb, "Import expanded", `document.getElementById("tool-import").getAttribute("aria-expanded")`, "true")
	press(t, tb, kb.Escape)
	waitEq(t, tb, "the focus back on Import", focused, "tool-import")
	waitEq(t, tb, "the import box hidden", `String(document.getElementById("import-panel").hidden)`, "true")

	// Recent cards: open, reach the card and its actions by Tab, open it.
	press(t, tb, kb.ArrowRight)
	press(t, tb, kb.Enter)
	waitEq(t, tb, "the focus on the first card", focused, "recent-0")
	press(t, tb, kb.Tab)
	waitEq(t, tb, "Tab to Rename", focused, "recent-0-rename")
	press(t, tb, kb.Tab)
	waitEq(t, tb, "Tab to Pin", focused, "recent-0-pin")
	press(t, tb, kb.Tab)
	waitEq(t, tb, "Tab to Delete", focused, "recent-0-delete")
	press(t, tb, kb.Tab, chromedp.ModifierShift)
	press(t, tb, kb.Tab, chromedp.ModifierShift)
	press(t, tb, kb.Tab, chromedp.ModifierShift)
	waitEq(t, tb, "back on the card", focused, "recent-0")
	press(t, tb, kb.Enter)
	waitEq(t, tb, "the card opened", valueOf("card-title"), "Keyboard")
	waitEq(t, tb, "what opening says", textOf("card-status"),
		"Opened “Keyboard”: incomplete, missing CVSS, 9 of 10 factors.")
	waitEq(t, tb, "the focus back on Recent cards", focused, "tool-recent")
}

func TestToolbarImportOpensTheCardAtItsTop(t *testing.T) {
	text, err := os.ReadFile("../testdata/card-gpt-image-2.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, example := golden(t, "gpt-image-2")
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	openImport(t, tb)
	waitEq(t, tb, "the focus in the import box", focused, "import-text")
	paste(t, tb, "import-text", string(text))
	click(t, tb, "#import-submit")
	checkCardShown(t, tb, &example)
	waitEq(t, tb, "what the import says", textOf("card-status"), "Opened “"+example.Title+"” from the card text: "+
		openedWant(t, &example)+".")
	waitEq(t, tb, "the import box closed", `String(document.getElementById("import-panel").hidden)`, "true")
	waitEq(t, tb, "the focus back on Import", focused, "tool-import")
	waitEq(t, tb, "the page at its top", `window.scrollY`, 0)
}

func TestToolbarAndRecentCardsAxe(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newAxeTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	titled(t, tb, "Axe card")
	newCard(t, tb)
	titled(t, tb, "Second axe card")
	newCard(t, tb)
	check := func(t *testing.T) {
		for _, v := range runAxe(t, tb) {
			t.Errorf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
		}
	}
	t.Run("recent cards with a title being renamed and a pinned card", func(t *testing.T) {
		openRecent(t, tb)
		click(t, tb, "#recent-1-pin")
		waitEq(t, tb, "pinned", storedRecent, "Axe card (pinned) | Second axe card")
		// The list is drawn anew a frame after the store is written: the
		// rename is clicked on the list as it then stands.
		waitEq(t, tb, "the list after pinning", recentTitles, "Axe card | Second axe card")
		waitEq(t, tb, "the focus on the pin", focused, "recent-0-pin")
		click(t, tb, "#recent-1-rename")
		waitEq(t, tb, "the title field", focused, "recent-1-name")
		check(t)
	})
	t.Run("a delete with its undo", func(t *testing.T) {
		click(t, tb, "#recent-1-delete")
		waitEq(t, tb, "the undo offer", focused, "recent-undo")
		check(t)
	})
	t.Run("the import box, in the dark theme", func(t *testing.T) {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
		}); err != nil {
			t.Fatal(err)
		}
		press(t, tb, kb.Escape)
		openImport(t, tb)
		check(t)
	})
	t.Run("the score bar of a narrow screen", func(t *testing.T) {
		press(t, tb, kb.Escape)
		if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(390, 844)); err != nil {
			t.Fatal(err)
		}
		waitUntil(t, tb, "the score bar shown", `getComputedStyle(document.getElementById("score-bar")).display !== "none"`)
		check(t)
	})
}

// A panel lies over the page as a menu does, and closes as one does when
// the person presses anywhere outside the toolbar, or the focus leaves it;
// a press inside it does not. The focus stays where they pressed (not
// back on the panel's button), and the import box keeps what was pasted
// into it.
func TestToolbarPanelsCloseOnAPressOutside(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	openImport(t, tb)
	paste(t, tb, "import-text", "half a link")
	click(t, tb, "#import-text")
	waitEq(t, tb, "the import box after a press inside it", `String(document.getElementById("import-panel").hidden)`, "false")

	click(t, tb, ".tc-header h1")
	waitEq(t, tb, "the import box after a press outside", `String(document.getElementById("import-panel").hidden)`, "true")
	waitEq(t, tb, "Import expanded", `document.getElementById("tool-import").getAttribute("aria-expanded")`, "false")
	if got := eval[string](t, tb, focused); got == "tool-import" {
		t.Error("the focus went back to Import; it should stay where the person pressed")
	}
	openImport(t, tb)
	waitEq(t, tb, "the import box's text, reopened", valueOf("import-text"), "half a link")

	// The focus leaving the toolbar closes it too (Tab past the panel's
	// end): the field it went to is not left under the panel.
	eval[bool](t, tb, `document.getElementById("card-title").focus(), true`)
	waitEq(t, tb, "the import box once the focus left", `String(document.getElementById("import-panel").hidden)`, "true")
	waitEq(t, tb, "the focus where it went", focused, "card-title")

	openRecent(t, tb) // Recent cards takes the Import panel's place
	waitEq(t, tb, "the import box once Recent cards opened", `String(document.getElementById("import-panel").hidden)`, "true")
	click(t, tb, ".tc-header h1")
	waitUntil(t, tb, "the recent cards closed", `!document.getElementById("recent-cards")`)
	waitEq(t, tb, "Recent cards expanded", `document.getElementById("tool-recent").getAttribute("aria-expanded")`, "false")
}

// What a person moves to is scrolled clear of the sticky toolbar by its
// height (--tc-toolbar-h, scroll-padding-top), which the page measures as
// it changes: with the width, the status line and the score bar.
func TestToolbarHeightIsMeasured(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(360, 800)); err != nil {
		t.Fatal(err)
	}
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	const height = `document.querySelector(".tc-toolbar-wrap").getBoundingClientRect().height`
	const matches = `document.documentElement.style.getPropertyValue("--tc-toolbar-h") === Math.ceil(` + height + `) + "px"`
	waitUntil(t, tb, "--tc-toolbar-h is the toolbar's height at 360 px", matches)
	titled(t, tb, "Tall")
	click(t, tb, "#tool-duplicate") // says what it did in the status line
	waitUntil(t, tb, "the status line", `document.getElementById("card-status").textContent !== ""`)
	waitUntil(t, tb, "--tc-toolbar-h is the toolbar's height with its status line", matches)
	narrow := eval[float64](t, tb, height)
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(1200, 800)); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, tb, "a lower toolbar at 1,200 px", height+` < `+strconv.FormatFloat(narrow, 'f', -1, 64))
	waitUntil(t, tb, "--tc-toolbar-h is the toolbar's height at 1,200 px", matches)
}
