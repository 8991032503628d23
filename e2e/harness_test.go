//go:build e2e

// Package e2e drives the built web app in headless Chromium. The tests need
// the WebAssembly binary (make dist builds it) and Debian's chromium; make
// test provides both and runs them with -tags e2e. A plain go test ./...
// skips this package, so the native suite needs no browser.
package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/threatcard/threatcard/app/ui"
	"github.com/threatcard/threatcard/internal/headless"
	"github.com/threatcard/threatcard/internal/site"
	"github.com/threatcard/threatcard/internal/statichost"
)

// ghPrefix is the repository path of the GitHub Pages build.
const ghPrefix = "/threatcard/"

// Built sites, shared by all tests; set up by TestMain.
var (
	rootSite   builtSite // served at /
	pagesSite  builtSite // served at ghPrefix
	browserCtx context.Context
)

type builtSite struct {
	dir string
	site.Result
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	wasm := env("THREATCARD_WASM", "../dist/web/app.wasm")
	chromium := env("CHROMIUM", "/usr/bin/chromium")
	for _, need := range []string{wasm, chromium} {
		if _, err := os.Stat(need); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: %v (make test builds the wasm and installs chromium)\n", err)
			return 1
		}
	}
	tmp, err := os.MkdirTemp("", "threatcard-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)

	for _, s := range []struct {
		into   *builtSite
		prefix string
	}{{&rootSite, "/"}, {&pagesSite, ghPrefix}} {
		dir := filepath.Join(tmp, "site"+strings.ReplaceAll(s.prefix, "/", "_"))
		// The app's pages, as threatcard build routes them.
		var routes []site.Route
		for _, r := range ui.Routes() {
			routes = append(routes, site.Route(r))
		}
		res, err := site.Build(site.Options{Out: dir, Prefix: s.prefix, Wasm: wasm, Routes: routes})
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
		*s.into = builtSite{dir: dir, Result: res}
	}

	// One browser with a fresh profile for the whole run; each test gets its
	// own browser context (like a separate incognito profile), so service
	// workers and caches never leak from one test into another.
	profile := filepath.Join(tmp, "profile")
	// Any host but the loopback test servers fails to resolve (see
	// headless.Options), so a stray remote request cannot succeed even if a
	// check below missed it.
	opts := headless.Options(chromium, profile)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting chromium:", err)
		return 1
	}
	browserCtx = ctx
	return m.Run()
}

func env(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// server serves a built site on loopback, like a static host, and can swap
// the site (to publish a new version) or stop (to go offline).
type server struct {
	*httptest.Server
	prefix  string
	current atomic.Pointer[statichost.Handler]
}

// serve starts a server for dir under prefix. Files are sent with
// Cache-Control: no-store, so that offline loads can only come from the
// service worker, never from the HTTP cache.
func serve(t *testing.T, dir, prefix string) *server {
	t.Helper()
	s := &server{prefix: prefix}
	s.swap(t, dir)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.current.Load().ServeHTTP(w, r)
	}))
	t.Cleanup(s.stop)
	return s
}

func (s *server) swap(t *testing.T, dir string) {
	t.Helper()
	h, err := statichost.New(dir, statichost.Options{Prefix: s.prefix, CacheControl: "no-store"})
	if err != nil {
		t.Fatal(err)
	}
	if old := s.current.Swap(h); old != nil {
		old.Close()
	}
}

// stop takes the server off the network; later requests fail to connect.
func (s *server) stop() {
	s.CloseClientConnections()
	s.Close()
}

// url returns the address of path under the site's prefix.
func (s *server) url(pathAndFragment string) string {
	return s.URL + s.prefix + strings.TrimPrefix(pathAndFragment, "/")
}

// tab is one browser tab in a fresh browser context, with a record of what
// the page did.
type tab struct {
	ctx context.Context
	rec *recorder
}

// newTab opens a tab. Every action on it must finish within two minutes.
func newTab(t *testing.T) *tab {
	t.Helper()
	rec := &recorder{}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext(), chromedp.WithListener(rec.listen))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	// Collect Content-Security-Policy violations from every document the
	// tab loads; DevTools-injected scripts are not subject to the policy.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
});`,
	}); err != nil {
		t.Fatal(err)
	}
	// Each tab is a window of its own and only one has the system's
	// focus; the page is told it has it, as the one a person looks at
	// (the clipboard, for one, answers only a focused document).
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	return &tab{ctx: ctx, rec: rec}
}

func (tb *tab) navigate(t *testing.T, url string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
}

// eval evaluates a JavaScript expression, awaiting a promise result.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitUntil polls a JavaScript predicate (which may return a promise) until
// it is true, and fails the test with what of the page when it times out.
func waitUntil(t *testing.T, tb *tab, what, predicate string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](predicate, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			body, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
			t.Fatalf("timed out waiting until %s (last error %v); page text:\n%s\nconsole:\n%s", what, err, body, strings.Join(tb.rec.console(), "\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitForApp waits until the WebAssembly app replaced go-app's loader.
func waitForApp(t *testing.T, tb *tab) {
	t.Helper()
	waitUntil(t, tb, "the app has started",
		`!document.getElementById("app-wasm-loader") && !!document.getElementById("main")`)
}

// waitForOffline waits until the site's service worker is active and its
// cache holds every precached file. (The first page is not controlled by
// the worker; the next load is.)
func waitForOffline(t *testing.T, tb *tab, precached int) {
	t.Helper()
	waitUntil(t, tb, fmt.Sprintf("the service worker is active and cached %d files", precached), fmt.Sprintf(`(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg || !reg.active || reg.active.state !== "activated") return false;
  let n = 0;
  for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
  return n === %d;
})()`, precached))
}

// cspViolations returns the violations the current document reported.
func cspViolations(t *testing.T, tb *tab) []string {
	t.Helper()
	return eval[[]string](t, tb, `window.__cspViolations || ["the violation listener is missing"]`)
}

// recorder keeps the requests and console output of a tab.
type recorder struct {
	mu       sync.Mutex
	requests []string
	messages []string
}

func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, ev.Request.URL)
	case *runtime.EventConsoleAPICalled:
		parts := []string{"console." + string(ev.Type) + ":"}
		for _, a := range ev.Args {
			if len(a.Value) > 0 {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		r.messages = append(r.messages, strings.Join(parts, " "))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		r.messages = append(r.messages, "exception: "+text)
	case *log.EventEntryAdded:
		r.messages = append(r.messages, "log."+string(ev.Entry.Level)+" ("+string(ev.Entry.Source)+"): "+ev.Entry.Text+" "+ev.Entry.URL)
	}
}

func (r *recorder) urls() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

func (r *recorder) console() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.messages...)
}

// copyDir copies a built site, for publishing a changed version of it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func chromedpReload(tb *tab) error {
	return chromedp.Do(tb.ctx, chromedp.Reload())
}

func chromedpClick(tb *tab, id string) error {
	return chromedp.Do(tb.ctx, chromedp.Click(chromedp.ID(id)))
}
