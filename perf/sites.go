//go:build perf

package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/internal/site"
	"github.com/threatcard/threatcard/internal/statichost"
	"github.com/threatcard/threatcard/perf/baseline"
)

// The apps whose sites a run builds.
const (
	appThreatcard = "threatcard"
	appHello      = "hello"       // same build
	appStockHello = "hello-stock" // go-app as released
	appFloor      = "floor"
)

// siteDir is a built site.
type siteDir struct {
	dir       string
	precached int // files the service worker stores at install
}

// site builds the site of app once per run. threatcard's is built by the
// native command (threatcard build, as make dist does), so its pages are
// app/ui's as shipped; each baseline's by internal/site with its own one
// route, so its prerendered page is its own. All go through the same
// builder: pages, service worker, styles, policy and compressed twins.
func (m *measurer) site(name string) (siteDir, error) {
	if s, ok := m.sites[name]; ok {
		return s, nil
	}
	b, err := m.wasmBuilds()
	if err != nil {
		return siteDir{}, err
	}
	dir := filepath.Join(m.work, "site-"+name)
	var wasm string
	var page func() app.Composer
	switch name {
	case appThreatcard:
		wasm = b.threatcard
	case appHello:
		wasm, page = b.hello, func() app.Composer { return &baseline.Hello{} }
	case appStockHello:
		wasm, page = b.stockHello, func() app.Composer { return &baseline.Hello{} }
	case appFloor:
		wasm, page = b.floor, func() app.Composer { return &baseline.Floor{} }
	default:
		return siteDir{}, fmt.Errorf("no app %q", name)
	}
	if page == nil {
		bin, err := m.nativeBuild()
		if err != nil {
			return siteDir{}, err
		}
		cmd := exec.Command(bin, "build", "-out", dir, "-prefix", "/", "-wasm", wasm)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return siteDir{}, fmt.Errorf("threatcard build: %v\n%s", err, out.Bytes())
		}
	} else {
		routes := []site.Route{{Path: "/", New: page}}
		if _, err := site.Build(site.Options{Out: dir, Prefix: "/", Wasm: wasm, Routes: routes}); err != nil {
			return siteDir{}, err
		}
	}
	precached, err := site.Verify(dir, "/")
	if err != nil {
		return siteDir{}, err
	}
	s := siteDir{dir: dir, precached: len(precached)}
	if m.sites == nil {
		m.sites = map[string]siteDir{}
	}
	m.sites[name] = s
	return s, nil
}

// server is a built site served on loopback by internal/statichost, which
// threatcard serve uses, noting how it answered each request for app.wasm.
type server struct {
	url       string // http://127.0.0.1:port/
	precached int
	srv       *http.Server
	host      *statichost.Handler

	mu    sync.Mutex
	wasms []wasmResponse
}

// wasmResponse is how one request for app.wasm was answered.
type wasmResponse struct {
	acceptEncoding  string // the request's Accept-Encoding
	contentEncoding string // the response's Content-Encoding
	bytes           int64  // body bytes sent
}

// serve serves the site of app on loopback. Files go with Cache-Control:
// no-store, as in the end-to-end tests, so that a second load can be
// answered only by the service worker; compressed as threatcard serve
// sends them.
func (m *measurer) serve(app string) (*server, error) {
	s, err := m.site(app)
	if err != nil {
		return nil, err
	}
	return serveDir(s, statichost.Options{Prefix: "/", CacheControl: "no-store"})
}

func serveDir(s siteDir, o statichost.Options) (*server, error) {
	host, err := statichost.New(s.dir, o)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		host.Close()
		return nil, err
	}
	sv := &server{url: "http://" + ln.Addr().String() + "/", precached: s.precached, host: host}
	sv.srv = &http.Server{Handler: http.HandlerFunc(sv.handle)}
	go sv.srv.Serve(ln)
	return sv, nil
}

func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/web/app.wasm" {
		s.host.ServeHTTP(w, r)
		return
	}
	cw := &countingWriter{ResponseWriter: w}
	s.host.ServeHTTP(cw, r)
	s.mu.Lock()
	s.wasms = append(s.wasms, wasmResponse{r.Header.Get("Accept-Encoding"), w.Header().Get("Content-Encoding"), cw.n})
	s.mu.Unlock()
}

// wasmResponses returns the answers to app.wasm requests so far and
// forgets them.
func (s *server) wasmResponses() []wasmResponse {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.wasms
	s.wasms = nil
	return r
}

// close stops the server.
func (s *server) close() {
	s.srv.Close()
	s.host.Close()
}

// countingWriter counts the body bytes written.
type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(p []byte) (int, error) {
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	return n, err
}
