//go:build e2e

package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fragmentText reads what the page shows for the link's fragment.
const fragmentText = `(() => { const el = document.getElementById("fragment"); return el ? el.textContent : null; })()`

func TestFirstVisit(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	tb.navigate(t, s.url("/#v1.hello%20world"))
	waitForApp(t, tb)
	waitForOffline(t, tb, len(rootSite.Precached))

	t.Run("shows the fragment as text", func(t *testing.T) {
		waitUntil(t, tb, "the fragment is shown", fragmentText+` === "v1.hello world"`)
		if got := eval[string](t, tb, `document.title`); got != "threatcard" {
			t.Errorf("title %q", got)
		}
	})
	t.Run("every request goes to its own origin", func(t *testing.T) {
		urls := tb.rec.urls()
		if len(urls) < 5 {
			t.Fatalf("only %d requests recorded: %q", len(urls), urls)
		}
		for _, u := range urls {
			if !strings.HasPrefix(u, s.URL+"/") {
				t.Errorf("request to %s, outside %s", u, s.URL)
			}
		}
	})
	t.Run("no Content-Security-Policy violation", func(t *testing.T) {
		if v := cspViolations(t, tb); len(v) != 0 {
			t.Errorf("violations: %q", v)
		}
	})
	t.Run("console has no errors", func(t *testing.T) {
		for _, m := range tb.rec.console() {
			if strings.Contains(m, "error") || strings.HasPrefix(m, "exception") || strings.Contains(m, "Refused") {
				t.Errorf("console: %s", m)
			}
		}
	})
	t.Run("an edited fragment is read again", func(t *testing.T) {
		eval[any](t, tb, `location.hash = "#second"`)
		waitUntil(t, tb, "the new fragment is shown", fragmentText+` === "second"`)
	})
}

func TestHostileFragmentStaysInertText(t *testing.T) {
	const hostile = `<img src=x onerror="document.title='pwned'">`
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	tb.navigate(t, s.url("/#"+url.PathEscape(hostile)))
	waitForApp(t, tb)
	waitUntil(t, tb, "the fragment is shown", fragmentText+" !== null")

	if got := eval[string](t, tb, fragmentText); got != hostile {
		t.Errorf("fragment shown as %q, want the literal %q", got, hostile)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("main img").length`); n != 0 {
		t.Errorf("%d <img> elements in the page", n)
	}
	if got := eval[string](t, tb, `document.title`); got != "threatcard" {
		t.Errorf("title %q: the markup ran", got)
	}
	for _, u := range tb.rec.urls() {
		if strings.HasSuffix(u, "/x") {
			t.Errorf("the page requested %s", u)
		}
	}
	if v := cspViolations(t, tb); len(v) != 0 {
		t.Errorf("violations: %q", v)
	}
}

func TestWorksOfflineAfterOneVisit(t *testing.T) {
	tests := []struct {
		name      string
		site      *builtSite
		prefix    string
		firstPath string
	}{
		{"at the root", &rootSite, "/", "/"},
		{"under a GitHub Pages repository path", &pagesSite, ghPrefix, "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := serve(t, tt.site.dir, tt.prefix)
			tb := newTab(t)
			tb.navigate(t, s.url(tt.firstPath))
			waitForApp(t, tb)
			waitForOffline(t, tb, len(tt.site.Precached))
			s.stop()

			// A reload, a link with a fragment, and one with a query string
			// (which go-app's own worker could not answer offline).
			for _, link := range []struct{ path, want string }{
				{"/#offline-card", "offline-card"},
				{"/?utm_source=chat#with-query", "with-query"},
			} {
				tb.navigate(t, s.url(link.path))
				waitForApp(t, tb)
				waitUntil(t, tb, "the fragment "+link.want+" is shown offline", fragmentText+` === "`+link.want+`"`)
			}
			if err := chromedpReload(tb); err != nil {
				t.Fatalf("reload offline: %v", err)
			}
			waitForApp(t, tb)
			waitUntil(t, tb, "the page shows its fragment after an offline reload", fragmentText+` === "with-query"`)
			if v := cspViolations(t, tb); len(v) != 0 {
				t.Errorf("violations: %q", v)
			}
		})
	}
}

func TestUpdatePromptAfterANewVersionIsPublished(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	tb.navigate(t, s.url("/#keep-me"))
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

	// Publish "v2": the same files with a new worker version.
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

	eval[any](t, tb, `goappTryUpdate()`)
	waitUntil(t, tb, "the reload prompt appears", `!!document.getElementById("update-reload")`)
	if got := eval[*string](t, tb, fragmentText); got == nil || *got != "keep-me" {
		t.Errorf("the page changed under the user: fragment %v", got)
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
	waitUntil(t, tb, "the reloaded page shows the same card", fragmentText+` === "keep-me"`)
}

func TestBadLinkShowsTheErrorState(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	tb.navigate(t, s.url("/#"+strings.Repeat("a", 9000)))
	waitForApp(t, tb)
	waitUntil(t, tb, "the error panel is shown", `!!document.getElementById("error-text")`)
	if got := eval[string](t, tb, `document.getElementById("error-text").textContent`); !strings.Contains(got, "9000 bytes long") {
		t.Errorf("error text %q", got)
	}
	if err := chromedpClick(tb, "start-over"); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, tb, "the empty card after starting over", `!!document.getElementById("fragment-empty") && location.hash === ""`)
}
