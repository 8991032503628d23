//go:build e2e

package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/threatcard/threatcard/scoring/cardjson"
)

// checkSameOrigin fails the test for every request the tab made outside
// the server's origin. Downloads are Blob URLs the page made itself, which
// carry its origin too.
func checkSameOrigin(t *testing.T, tb *tab, s *server) {
	t.Helper()
	urls := tb.rec.urls()
	if len(urls) < 5 {
		t.Fatalf("only %d requests recorded: %q", len(urls), urls)
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, s.URL+"/") && !strings.HasPrefix(u, "blob:"+s.URL+"/") {
			t.Errorf("request to %s, outside %s", u, s.URL)
		}
	}
}

// allowDownloads saves the tab's downloads into a new directory, which it
// returns.
func allowDownloads(t *testing.T, tb *tab) string {
	t.Helper()
	dir := t.TempDir()
	_, err := chromedp.CallBrowser(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllow,
		BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID,
		DownloadPath:     dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// allowClipboard lets the pages of origin read and write the clipboard
// without asking.
func allowClipboard(t *testing.T, tb *tab, origin string) {
	t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission:       &browser.PermissionDescriptor{Name: name},
			Setting:          browser.PermissionSettingGranted,
			Origin:           origin,
			BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID,
		})
		if err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
}

// downloaded waits for the file name in dir to be complete and returns it.
func downloaded(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(data) > 0 {
			return data
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Fatalf("no download %s; the directory holds %q", name, names)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// clipboardText reads the clipboard as the page sees it.
const clipboardText = `navigator.clipboard.readText()`

func TestEveryRequestStaysOnItsOrigin(t *testing.T) {
	full, fullCard := golden(t, "card-edition-full-model")
	fullJSON, err := os.ReadFile(filepath.Join(goldenDir, "card-edition-full-model.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := cardjson.Unmarshal(fullJSON)
	if err != nil {
		t.Fatal(err)
	}
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	dir := allowDownloads(t, tb)
	allowClipboard(t, tb, s.URL)
	open(t, tb, s, "/#"+full)
	checkCardShown(t, tb, &fullCard)
	// The golden link is format 1; the page shares the card's format 2 link.
	shared := s.URL + "/#" + written(t, full)

	t.Run("copy link", func(t *testing.T) {
		click(t, tb, "#share-copy-link")
		waitEq(t, tb, "#share-status", textOf("share-status"), "Link copied to the clipboard.")
		if got := eval[string](t, tb, clipboardText); got != shared {
			t.Errorf("clipboard %q, want %q", got, shared)
		}
	})
	t.Run("copy Markdown", func(t *testing.T) {
		click(t, tb, "#share-copy-markdown")
		waitEq(t, tb, "#share-status", textOf("share-status"), "Markdown copied to the clipboard.")
		md := eval[string](t, tb, clipboardText)
		for _, want := range []string{shared, "7.2", "High"} {
			if !strings.Contains(md, want) {
				t.Errorf("the Markdown lacks %q:\n%s", want, md)
			}
		}
	})
	t.Run("download JSON", func(t *testing.T) {
		click(t, tb, "#share-json")
		// The name is the title's letters and digits in lower case.
		const name = "ticket-triage-bot-img-src-x-onerror-alert-1.json"
		waitEq(t, tb, "#share-status", textOf("share-status"), "Download started: "+name+".")
		// The golden file is threatcard/1; the page writes threatcard/2,
		// which must read back to the card the golden file holds.
		got := downloaded(t, dir, name)
		if !bytes.Contains(got, []byte(`"format": "threatcard/2"`)) {
			t.Errorf("the JSON download is not format threatcard/2:\n%s", got)
		}
		if c, err := cardjson.Unmarshal(got); err != nil || !reflect.DeepEqual(c, want) {
			t.Errorf("the JSON download does not read back to the golden card (%v):\n%s", err, got)
		}
	})
	t.Run("download SVG badge", func(t *testing.T) {
		click(t, tb, "#share-svg")
		const name = "ticket-triage-bot-img-src-x-onerror-alert-1-aivss-badge.svg"
		waitEq(t, tb, "#share-status", textOf("share-status"), "Download started: "+name+".")
		svg := string(downloaded(t, dir, name))
		if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, "7.2") {
			t.Errorf("the badge is not an SVG with the score:\n%s", svg)
		}
	})
	t.Run("print", func(t *testing.T) {
		click(t, tb, "#share-print")
		waitEq(t, tb, "#score after printing", scoreText, "AIVSS 7.2 High")
	})
	t.Run("import", func(t *testing.T) {
		text, err := os.ReadFile("../testdata/card-gpt-image-2.txt")
		if err != nil {
			t.Fatal(err)
		}
		_, example := golden(t, "gpt-image-2")
		openImport(t, tb) // the import box is in the toolbar's Import panel
		paste(t, tb, "import-text", string(text))
		click(t, tb, "#import-submit")
		checkCardShown(t, tb, &example)
	})
	t.Run("recent card", func(t *testing.T) {
		openRecent(t, tb) // the list is in the toolbar's Recent cards panel
		waitEq(t, tb, "the first recent card", textOf("recent-0"), fullCard.Title)
		click(t, tb, "#recent-0")
		checkCardShown(t, tb, &fullCard)
	})
	t.Run("theme", func(t *testing.T) {
		click(t, tb, "#theme-toggle")
		waitEq(t, tb, "data-theme", `document.documentElement.dataset.theme ?? "none"`, "light")
	})
	checkSameOrigin(t, tb, s)
	if v := cspViolations(t, tb); len(v) != 0 {
		t.Errorf("violations: %q", v)
	}
	checkConsole(t, tb)
}
