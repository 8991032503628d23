package statichost

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// site writes a small tree like a built site.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":           "<p>index</p>",
		"about.html":           "<p>about</p>",
		"app.js":               "js",
		"manifest.webmanifest": "{}",
		"web/app.wasm":         "\x00asm",
		"web/threatcard.css":   "css",
		"web/icon.svg":         "<svg/>",
		"docs/index.html":      "<p>docs</p>",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestHandlerLikeGitHubPages(t *testing.T) {
	tests := []struct {
		prefix, method, path string
		status               int
		contentType          string
		body                 string // for 200
		location             string // for 301
	}{
		{"/", "GET", "/", 200, "text/html; charset=utf-8", "<p>index</p>", ""},
		{"/", "GET", "/index.html", 200, "text/html; charset=utf-8", "<p>index</p>", ""},
		{"/", "GET", "/about", 200, "text/html; charset=utf-8", "<p>about</p>", ""},
		{"/", "GET", "/app.js", 200, "text/javascript; charset=utf-8", "js", ""},
		{"/", "GET", "/manifest.webmanifest", 200, "application/manifest+json", "{}", ""},
		{"/", "GET", "/web/app.wasm", 200, "application/wasm", "\x00asm", ""},
		{"/", "GET", "/web/threatcard.css", 200, "text/css; charset=utf-8", "css", ""},
		{"/", "GET", "/web/icon.svg", 200, "image/svg+xml", "<svg/>", ""},
		{"/", "GET", "/docs", 301, "", "", "/docs/"},
		{"/", "GET", "/docs/", 200, "text/html; charset=utf-8", "<p>docs</p>", ""},
		{"/", "GET", "/missing", 404, "", "", ""},
		{"/", "GET", "/app.js/", 404, "", "", ""},
		{"/", "GET", "/web/", 404, "", "", ""}, // a directory without index.html
		{"/", "GET", "/../etc/passwd", 404, "", "", ""},
		{"/", "GET", "/web/../../etc/passwd", 404, "", "", ""},
		{"/", "POST", "/", 405, "", "", ""},
		{"/", "HEAD", "/app.js", 200, "text/javascript; charset=utf-8", "", ""},
		{"/repo/", "GET", "/repo", 301, "", "", "/repo/"},
		{"/repo/", "GET", "/repo/", 200, "text/html; charset=utf-8", "<p>index</p>", ""},
		{"/repo/", "GET", "/repo/web/app.wasm", 200, "application/wasm", "\x00asm", ""},
		{"/repo/", "GET", "/repo/about", 200, "text/html; charset=utf-8", "<p>about</p>", ""},
		{"/repo/", "GET", "/", 404, "", "", ""},
		{"/repo/", "GET", "/app.js", 404, "", "", ""},
		{"/repo/", "GET", "/repository/", 404, "", "", ""},
	}
	dir := site(t)
	for _, tt := range tests {
		h, err := New(dir, Options{Prefix: tt.prefix})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(tt.method, "http://site.test"+tt.path, nil)
		req.URL.Path = tt.path // keep dot segments as a raw client could send them
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		h.Close()
		res := rec.Result()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != tt.status {
			t.Errorf("prefix %s %s %s: status %d, want %d", tt.prefix, tt.method, tt.path, res.StatusCode, tt.status)
			continue
		}
		if tt.status == 200 {
			if got := res.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("%s %s: Content-Type %q, want %q", tt.method, tt.path, got, tt.contentType)
			}
			if string(body) != tt.body {
				t.Errorf("%s %s: body %q, want %q", tt.method, tt.path, body, tt.body)
			}
			if got := res.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("%s %s: Cache-Control %q, want no-cache", tt.method, tt.path, got)
			}
		}
		if tt.status == 301 {
			if got := res.Header.Get("Location"); got != tt.location {
				t.Errorf("%s %s: Location %q, want %q", tt.method, tt.path, got, tt.location)
			}
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s %s: X-Content-Type-Options %q", tt.method, tt.path, got)
		}
		if got := res.Header.Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("%s %s: Referrer-Policy %q", tt.method, tt.path, got)
		}
	}
}

func TestHandlerServes404Page(t *testing.T) {
	dir := site(t)
	if err := os.WriteFile(filepath.Join(dir, "404.html"), []byte("<p>gone</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/nothing-here", nil))
	if rec.Code != 404 || rec.Body.String() != "<p>gone</p>" || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("got %d %q %q, want 404 with 404.html", rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
	}
}

// A file rewritten within the same second must not be answered with 304:
// the service worker's update check depends on it.
func TestHandlerETagChangesWhenAFileIsRewritten(t *testing.T) {
	dir := site(t)
	h, err := New(dir, Options{CacheControl: "no-store"})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	get := func(etag string) *http.Response {
		req := httptest.NewRequest("GET", "/app.js", nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	first := get("")
	etag := first.Header.Get("ETag")
	if first.Header.Get("Cache-Control") != "no-store" || etag == "" {
		t.Fatalf("Cache-Control %q ETag %q", first.Header.Get("Cache-Control"), etag)
	}
	if got := get(etag).StatusCode; got != http.StatusNotModified {
		t.Errorf("unchanged file with its ETag: status %d, want 304", got)
	}
	info, _ := os.Stat(filepath.Join(dir, "app.js"))
	if err := os.WriteFile(filepath.Join(dir, "app.js"), []byte("JS") /* same size */, 0o644); err != nil {
		t.Fatal(err)
	}
	// Same second, new nanoseconds: keep the whole seconds of the old time.
	newTime := info.ModTime().Truncate(1e9).Add(999_999_999)
	if newTime.Equal(info.ModTime()) {
		newTime = newTime.Add(-1)
	}
	if err := os.Chtimes(filepath.Join(dir, "app.js"), newTime, newTime); err != nil {
		t.Fatal(err)
	}
	if got := get(etag).StatusCode; got != http.StatusOK {
		t.Errorf("rewritten file with the old ETag: status %d, want 200", got)
	}
}

func TestNewRejectsPrefixWithoutSlashes(t *testing.T) {
	for _, p := range []string{"repo", "/repo", "repo/"} {
		if h, err := New(t.TempDir(), Options{Prefix: p}); err == nil {
			h.Close()
			t.Errorf("New with prefix %q: no error", p)
		}
	}
}
