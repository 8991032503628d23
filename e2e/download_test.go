//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/threatcard/threatcard/internal/statichost"
)

// downloads records how each request for app.wasm was answered.
type downloads struct {
	mu       sync.Mutex
	statuses []int
	bytes    []int
}

type countingWriter struct {
	http.ResponseWriter
	status, n int
}

func (w *countingWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

// On a first visit the page downloads app.wasm and the service worker
// stores it for offline use. Served as threatcard serve sends files
// (Cache-Control: no-cache, with ETags), the worker's request is answered
// from what the page has just downloaded, after a check with the server:
// app.wasm crosses the network once, not twice.
func TestFirstVisitDownloadsAppWasmOnce(t *testing.T) {
	host, err := statichost.New(rootSite.dir, statichost.Options{Prefix: "/"}) // threatcard serve's defaults
	if err != nil {
		t.Fatal(err)
	}
	defer host.Close()
	var d downloads
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/app.wasm") {
			host.ServeHTTP(w, r)
			return
		}
		cw := &countingWriter{ResponseWriter: w}
		host.ServeHTTP(cw, r)
		d.mu.Lock()
		d.statuses, d.bytes = append(d.statuses, cw.status), append(d.bytes, cw.n)
		d.mu.Unlock()
	}))
	defer srv.Close()

	tb := newTab(t)
	tb.navigate(t, srv.URL+"/")
	waitForApp(t, tb)
	waitForOffline(t, tb, len(rootSite.Precached))

	d.mu.Lock()
	defer d.mu.Unlock()
	full := 0
	for _, s := range d.statuses {
		if s == http.StatusOK {
			full++
		}
	}
	if full != 1 || len(d.statuses) < 2 {
		t.Errorf("app.wasm was answered %v (%v bytes): want one full download, then the worker's check answered 304", d.statuses, d.bytes)
	}
}
