//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/link"
)

// newCardScore is what #score says of a new card: v0.8 with ThM 0.97 and
// MF 1 set by default (card.NewCard), no CVSS input and no factor.
const newCardScore = "incomplete: missing CVSS, 10 of 10 factors"

func TestFirstVisit(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	tb.navigate(t, s.url("/"))
	waitForApp(t, tb)
	waitForOffline(t, tb, len(rootSite.Precached))

	t.Run("starts a new card", func(t *testing.T) {
		waitEq(t, tb, "#score", scoreText, newCardScore)
		if got := eval[string](t, tb, valueOf("edition")); got != "v0.8" {
			t.Errorf("edition %q, want the default v0.8", got)
		}
		if got := eval[string](t, tb, "location.hash"); got != "" {
			t.Errorf("an untouched new card has the address fragment %q", got)
		}
		if got := eval[string](t, tb, `document.title`); got != "threatcard" {
			t.Errorf("title %q", got)
		}
	})
	t.Run("every request goes to its own origin", func(t *testing.T) {
		checkSameOrigin(t, tb, s)
	})
	t.Run("no Content-Security-Policy violation", func(t *testing.T) {
		if v := cspViolations(t, tb); len(v) != 0 {
			t.Errorf("violations: %q", v)
		}
	})
	t.Run("console has no errors", func(t *testing.T) {
		checkConsole(t, tb)
	})
	t.Run("an edited fragment is read again", func(t *testing.T) {
		l, c := golden(t, "v08-tool-misuse-scores-only")
		eval[string](t, tb, "location.hash = "+js("#"+l))
		waitEq(t, tb, "#score", scoreText, c.scoreWant(t))
	})
}

// checkConsole fails the test for each error or refusal in the console.
func checkConsole(t *testing.T, tb *tab) {
	t.Helper()
	for _, m := range tb.rec.console() {
		if strings.Contains(m, "error") || strings.HasPrefix(m, "exception") || strings.Contains(m, "Refused") {
			t.Errorf("console: %s", m)
		}
	}
}

func TestWorksOfflineAfterOneVisit(t *testing.T) {
	tests := []struct {
		name   string
		site   *builtSite
		prefix string
	}{
		{"at the root", &rootSite, "/"},
		{"under a GitHub Pages repository path", &pagesSite, ghPrefix},
	}
	misuse, misuseCard := golden(t, "v08-tool-misuse-scores-only")
	full, fullCard := golden(t, "card-edition-full-model")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := serve(t, tt.site.dir, tt.prefix)
			tb := newTab(t)
			tb.navigate(t, s.url("/"))
			waitForApp(t, tb)
			waitForOffline(t, tb, len(tt.site.Precached))
			s.stop()

			// A shared link, then one with a query string (which go-app's
			// own worker could not answer offline); each is a new load.
			for _, link := range []struct {
				path string
				want *goldenCard
			}{
				{"/#" + misuse, &misuseCard},
				{"/?utm_source=chat#" + full, &fullCard},
			} {
				open(t, tb, s, link.path)
				checkCardShown(t, tb, link.want)
			}
			if err := chromedpReload(tb); err != nil {
				t.Fatalf("reload offline: %v", err)
			}
			waitForApp(t, tb)
			checkCardShown(t, tb, &fullCard)
			if got := eval[string](t, tb, "location.pathname"); got != tt.prefix {
				t.Errorf("path %q, want %q", got, tt.prefix)
			}
			// The bare address opens the draft: the last card opened.
			open(t, tb, s, "/")
			checkCardShown(t, tb, &fullCard)
			if v := cspViolations(t, tb); len(v) != 0 {
				t.Errorf("violations: %q", v)
			}
		})
	}
}

func TestUpdatePromptAfterANewVersionIsPublished(t *testing.T) {
	keep, keepCard := golden(t, "v08-tool-misuse-scores-only")
	// The golden link is format 1; the address holds the card's format 2
	// link from the first load on.
	kept := written(t, keep)
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	tb.navigate(t, s.url("/#"+keep))
	waitForApp(t, tb)
	waitForOffline(t, tb, len(rootSite.Precached))
	// The second visit is the one the worker controls.
	if err := chromedpReload(tb); err != nil {
		t.Fatal(err)
	}
	waitForApp(t, tb)
	waitUntil(t, tb, "the worker controls the page", `!!navigator.serviceWorker.controller`)
	if n := eval[int](t, tb, `document.querySelectorAll("#update").length`); n != 0 {
		t.Fatalf("the update banner shows before any update")
	}

	newVersion := publishV2(t, s)
	eval[any](t, tb, `goappTryUpdate()`)
	waitUntil(t, tb, "the reload prompt appears", `!!document.getElementById("update-reload")`)
	if got := eval[string](t, tb, fragmentNow); got != kept {
		t.Errorf("the page changed under the user: fragment %q", got)
	}
	if got := eval[string](t, tb, scoreText); got != keepCard.scoreWant(t) {
		t.Errorf("the page changed under the user: #score %q", got)
	}

	if err := chromedpClick(tb, "update-reload"); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, tb, "the reloaded page runs the new version without a prompt", `(async () => {
  if (document.getElementById("app-wasm-loader") || !document.getElementById("main")) return false;
  if (document.getElementById("update")) return false;
  const names = await caches.keys();
  return names.length === 1 && names[0].endsWith(":`+newVersion+`");
})()`)
	waitEq(t, tb, "the reloaded page's address", fragmentNow, kept)
	waitEq(t, tb, "the reloaded page's #score", scoreText, keepCard.scoreWant(t))
}

// publishV2 serves "v2" of the site from s: the same files with a new
// worker version, which it returns.
func publishV2(t *testing.T, s *server) string {
	t.Helper()
	v2 := copyDir(t, rootSite.dir)
	worker := filepath.Join(v2, "app-worker.js")
	data, err := os.ReadFile(worker)
	if err != nil {
		t.Fatal(err)
	}
	newVersion := rootSite.Version + ".v2"
	data = []byte(strings.Replace(string(data), `"`+rootSite.Version+`"`, `"`+newVersion+`"`, 1))
	if err := os.WriteFile(worker, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s.swap(t, v2)
	return newVersion
}

// The page of a first visit is not controlled by the worker; a version
// published while it stays open is offered there too (web/update-watch.js).
func TestUpdatePromptOnTheFirstVisitsPage(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForOffline(t, tb, len(rootSite.Precached))
	if got := eval[bool](t, tb, `!!navigator.serviceWorker.controller`); got {
		t.Fatal("the first visit's page is controlled; this test is about one that is not")
	}
	if n := eval[int](t, tb, `document.querySelectorAll("#update").length`); n != 0 {
		t.Fatalf("the update banner shows on a first visit")
	}
	publishV2(t, s)
	eval[any](t, tb, `goappTryUpdate()`)
	waitUntil(t, tb, "the reload prompt appears", `!!document.getElementById("update-reload")`)
}

func TestBadLinkShowsTheErrorState(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+strings.Repeat("a", link.MaxFragment+1))
	// The length is checked before anything is decoded.
	waitEq(t, tb, "#link-error's message", textOf("error-text"),
		"This link is 434,177 characters long; threatcard opens links of up to 434,176 characters.")
	click(t, tb, "#start-over")
	waitEq(t, tb, "#score of the new card", scoreText, newCardScore)
	waitEq(t, tb, "the address of the new card", "location.hash", "")
}
