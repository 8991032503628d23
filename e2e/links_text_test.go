//go:build e2e

package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// longNotes returns n characters that DEFLATE cannot shorten much: CJK
// ideographs picked by a fixed generator.
func longNotes(n int, seed uint32) string {
	var b strings.Builder
	x := seed
	for range n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteRune(rune(0x4e00 + x%0x5000))
	}
	return b.String()
}

// The draft every test here starts from: a new card given a title.
const linksDraftTitle = "My draft"

// startDraft opens the bare address in a new tab, gives the new card a
// title, and waits until the draft is saved.
func startDraft(t *testing.T, s *server) *tab {
	t.Helper()
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	typeInto(t, tb, "#card-title", linksDraftTitle)
	waitUntil(t, tb, "the draft is saved", `(() => {
  const d = JSON.parse(localStorage.getItem("threatcard.draft") || "{}");
  return d.title === `+js(linksDraftTitle)+` && d.fragment === location.hash.slice(1);
})()`)
	return tb
}

// A paste that takes the card's link past the length safe for tickets is
// kept: in the field, in the link and in the draft; the share bar's meter
// says how long the link is and warns that a ticket may cut it.
func TestALongPastePastTheTicketSafeLengthKeepsItsText(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := startDraft(t, s)
	waitUntil(t, tb, "the meter is drawn", `!!document.getElementById("share-link-meter")`)
	if got := eval[string](t, tb, textOf("share-link-warning")); got != "" {
		t.Errorf("a new card's link warns: %q", got)
	}

	notes := []string{longNotes(card.MaxNotes, 2463534242), longNotes(card.MaxNotes, 88675123), longNotes(card.MaxNotes, 521288629)}
	for i, n := range notes {
		id := "layer-" + string(rune('1'+i)) + "-notes"
		paste(t, tb, id, n)
		waitEq(t, tb, id+" keeps what was pasted", `document.getElementById(`+js(id)+`).value.length`, len([]rune(n))) // one UTF-16 unit each
	}
	waitUntil(t, tb, "the link is past the safe length", `location.hash.length - 1 > `+strconv.Itoa(link.TicketSafe))
	for i, n := range notes {
		id := "layer-" + string(rune('1'+i)) + "-notes"
		if got := eval[string](t, tb, valueOf(id)); got != n {
			t.Errorf("#%s lost text: %d characters of %d", id, len([]rune(got)), len([]rune(n)))
		}
	}
	if got := eval[string](t, tb, `document.querySelector(".tc-messages")?.textContent ?? ""`); got != "" {
		t.Errorf("a message at the top of the page: %q", got)
	}

	// The link and the draft carry the text.
	fragment := eval[string](t, tb, fragmentNow)
	c, err := link.Decode(fragment)
	if err != nil {
		t.Fatalf("the address does not decode: %v", err)
	}
	for i, n := range notes {
		if c.MAESTRO.Layers[i].Notes != n {
			t.Errorf("the link's L%d notes differ from the paste", i+1)
		}
	}
	waitEq(t, tb, "the draft's fragment", `JSON.parse(localStorage.getItem("threatcard.draft")).fragment`, fragment)

	// The meter.
	waitEq(t, tb, "the meter's words", textOf("share-link-size"),
		"Link: "+commas(len(fragment))+" characters, "+commas(len(fragment)-link.TicketSafe)+" more than the 8,192 safe for tickets")
	if got := eval[string](t, tb, textOf("share-link-warning")); !strings.Contains(got, "Some tickets and chat tools may cut a link this long short.") {
		t.Errorf("the warning reads %q", got)
	}
	if got := eval[float64](t, tb, `document.getElementById("share-link-meter").value`); got != float64(link.TicketSafe) {
		t.Errorf("the meter's value is %v", got)
	}
	if got := eval[bool](t, tb, `!document.getElementById("share-copy-link").disabled`); !got {
		t.Error("Copy link is disabled")
	}
}

// A link cut short inside its text opens its score under the banner,
// keeps the cut link in the address, and leaves the draft and the recent
// cards as they were; the banner offers the draft.
func TestACutLinkOpensItsScoreWithABannerAndKeepsTheDraft(t *testing.T) {
	example, _ := golden(t, "gpt-image-2")
	cut := example[:500]
	s := serve(t, rootSite.dir, "/")
	tb := startDraft(t, s)
	draft := eval[string](t, tb, draftJSON)
	recent := eval[string](t, tb, `(localStorage.getItem("threatcard.recent") ?? "none")`)
	fragment := eval[string](t, tb, fragmentNow)

	checkCut := func(t *testing.T) {
		waitUntil(t, tb, "the banner is shown", `!!document.getElementById("cut-link")`)
		waitEq(t, tb, "the banner's heading", textOf("cut-link-title"), "This link was cut short: its text is lost")
		if got := eval[string](t, tb, textOf("cut-link")); !strings.Contains(got, "what arrived whole: the link's edition and factors.") {
			t.Errorf("the banner reads %q", got)
		}
		waitEq(t, tb, "the score", scoreText, "incomplete: missing CVSS, ThM, MF")
		waitForEditor(t, tb)
		if got := eval[string](t, tb, valueOf("card-title")); got != "" {
			t.Errorf("the title field holds %q", got)
		}
		if got := eval[string](t, tb, fragmentNow); got != cut {
			t.Errorf("the address changed to #%s", got)
		}
		if got := eval[string](t, tb, draftJSON); got != draft {
			t.Errorf("the draft changed:\n got %s\nwant %s", got, draft)
		}
		if got := eval[string](t, tb, `(localStorage.getItem("threatcard.recent") ?? "none")`); got != recent {
			t.Errorf("the recent cards changed:\n got %s\nwant %s", got, recent)
		}
		if got := eval[string](t, tb, `document.title`); !strings.HasPrefix(got, "threatcard") {
			t.Errorf("the tab is named %q", got)
		}
	}
	t.Run("opened as a new page", func(t *testing.T) {
		open(t, tb, s, "/#"+cut)
		checkCut(t)
		// The page saves a card opened from the address after its first
		// paint; wait well past it.
		waitUntil(t, tb, "a second frame and task", `new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 300)))`)
		if got := eval[string](t, tb, draftJSON); got != draft {
			t.Errorf("the draft changed after the first paint:\n got %s\nwant %s", got, draft)
		}
		click(t, tb, "#cut-open-draft")
		waitEq(t, tb, "the title of the draft", valueOf("card-title"), linksDraftTitle)
		waitEq(t, tb, "the address of the draft", fragmentNow, fragment)
	})
	t.Run("opened in the same page", func(t *testing.T) {
		eval[string](t, tb, "location.hash = "+js("#"+cut))
		checkCut(t)
	})
	t.Run("edited, it becomes a new card", func(t *testing.T) {
		typeInto(t, tb, "#card-title", "Scores only")
		waitUntil(t, tb, "the edited card is the draft", `(() => {
  const d = JSON.parse(localStorage.getItem("threatcard.draft") || "{}");
  return d.title === "Scores only" && d.fragment === location.hash.slice(1);
})()`)
		if got := eval[string](t, tb, `JSON.parse(localStorage.getItem("threatcard.recent") || "[]")[0]?.title ?? "none"`); got != linksDraftTitle {
			t.Errorf("the first recent card is %q, want the draft before", got)
		}
		if got := eval[string](t, tb, textOf("cut-link")); !strings.Contains(got, "You changed it") {
			t.Errorf("the banner reads %q", got)
		}
	})
}

// A link written another way than threatcard writes it opens its card
// and the address becomes the one link of that card, at once, in a new
// page and in the same one; the draft has that link too. The golden link
// is format 1, as threatcard wrote it before findings: it too is another
// way, and the one link is its format 2 link.
func TestANonCanonicalLinkBecomesTheCanonicalOneInTheAddress(t *testing.T) {
	misuse, misuseCard := golden(t, "v08-tool-misuse-scores-only")
	canonical := written(t, misuse)
	// The same card in format 1: parts in another order, a number with
	// more digits, an escaped character.
	spelled := strings.NewReplacer("&thm=0.97", "&thm=0.970", "e=v0.8", "e=v0%2E8").Replace(misuse)
	i := strings.Index(spelled, "&c=")
	j := strings.Index(spelled, "&f=")
	spelled = "v1" + spelled[i:j] + spelled[2:i] + spelled[j:]
	if spelled == misuse {
		t.Fatal("the spelling is the golden link")
	}
	if c, err := link.Canonical(spelled); err != nil || c != canonical {
		t.Fatalf("link.Canonical(%s) = %s, %v; want %s", spelled, c, err, canonical)
	}
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	check := func(t *testing.T) {
		waitEq(t, tb, "the address", fragmentNow, canonical)
		checkCardShown(t, tb, &misuseCard)
		waitEq(t, tb, "the draft's link", `JSON.parse(localStorage.getItem("threatcard.draft") || "{}").fragment ?? "none"`, canonical)
		if got := eval[int](t, tb, `history.length`); got < 1 {
			t.Errorf("history.length %d", got)
		}
	}
	t.Run("opened as a new page", func(t *testing.T) {
		open(t, tb, s, "/#"+spelled)
		check(t)
	})
	t.Run("opened in the same page", func(t *testing.T) {
		open(t, tb, s, "/")
		eval[string](t, tb, "location.hash = "+js("#"+spelled))
		check(t)
	})
	// Opened from its golden link, then from the other spelling, then
	// another card opened: the card is listed once among the recent cards.
	t.Run("listed once among the recent cards", func(t *testing.T) {
		example, _ := golden(t, "gpt-image-2")
		id := ""
		for _, f := range []struct{ open, saved string }{{misuse, canonical}, {spelled, canonical}, {example, written(t, example)}} {
			open(t, tb, s, "/#"+f.open)
			waitUntil(t, tb, "the card opened is saved", `(() => {
  const d = JSON.parse(localStorage.getItem("threatcard.draft") || "{}");
  return d.id !== `+js(id)+` && d.fragment === `+js(f.saved)+`;
})()`)
			id = eval[string](t, tb, `JSON.parse(localStorage.getItem("threatcard.draft")).id`)
		}
		listed := eval[[]string](t, tb, `JSON.parse(localStorage.getItem("threatcard.recent") || "[]").map((c) => c.fragment)`)
		n := 0
		for _, f := range listed {
			if f == canonical || f == misuse || f == spelled {
				n++
			}
		}
		if n != 1 {
			t.Errorf("the card is listed %d times: %q", n, listed)
		}
	})
}

// The import box takes a link: a URL of the app opens its card as the
// address would, with the canonical link in the address (here a format 1
// link, whose canonical link is format 2).
func TestTheImportBoxOpensALink(t *testing.T) {
	misuse, misuseCard := golden(t, "v08-tool-misuse-scores-only")
	s := serve(t, rootSite.dir, "/")
	tb := startDraft(t, s)
	openImport(t, tb) // the import box is in the toolbar's Import panel
	paste(t, tb, "import-text", "https://owner.github.io/threatcard/#"+strings.Replace(misuse, "&mf=1", "&mf=1.00", 1))
	click(t, tb, "#import-submit")
	waitEq(t, tb, "the address", fragmentNow, written(t, misuse))
	checkCardShown(t, tb, &misuseCard)
	waitEq(t, tb, "the import status", textOf("import-status"), "Opened an untitled card from the link.")
}

// commas writes n with a comma between groups of three digits, as the
// page does.
func commas(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// What this issue added to the page passes axe-core: the cut link's banner
// with its button, the meter past the safe length with its warning, a
// title over its limit, and a link refused in the import box; in the
// light and the dark theme.
func TestTheLinkMessagesHaveNoSeriousAccessibilityViolations(t *testing.T) {
	example, _ := golden(t, "gpt-image-2")
	c := card.NewCard()
	for i := range 3 {
		c.MAESTRO.Layers[i].Notes = longNotes(card.MaxNotes, uint32(7+i))
	}
	long, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	s := serve(t, rootSite.dir, "/")
	tb := newAxeTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	typeInto(t, tb, "#card-title", linksDraftTitle) // a draft, for the banner's button
	waitEq(t, tb, "the draft's title", savedTitle, linksDraftTitle)
	states := []struct {
		name, path string
		do         func(t *testing.T)
		ready      string
	}{
		{"a cut link", "/#" + example[:500], nil, `!!document.getElementById("cut-open-draft") && !!document.getElementById("import-text")`},
		{"a link past the safe length", "/#" + long, nil, `!!document.getElementById("share-link-warning")?.textContent && !!document.getElementById("import-text")`},
		{"a title over its limit", "/", func(t *testing.T) { paste(t, tb, "card-title", strings.Repeat("x", card.MaxTitle+1)) },
			`!!document.getElementById("card-title-error")?.textContent`},
		{"a bad link in the import box", "/", func(t *testing.T) {
			openImport(t, tb) // the import box is in the toolbar's Import panel
			paste(t, tb, "import-text", "#v1&e=v9")
			click(t, tb, "#import-submit")
		}, `!!document.getElementById("import-error")`},
	}
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		for _, st := range states {
			t.Run(st.name+", "+scheme, func(t *testing.T) {
				open(t, tb, s, st.path)
				waitForEditor(t, tb)
				if st.do != nil {
					st.do(t)
				}
				waitUntil(t, tb, st.name+" is shown", st.ready)
				for _, v := range runAxe(t, tb) {
					t.Errorf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
				}
			})
		}
	}
}
