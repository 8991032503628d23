//go:build perf

package perf

import (
	"net"
	"net/http"

	"github.com/threatcard/threatcard/internal/site"
	"github.com/threatcard/threatcard/internal/statichost"
)

// Site is a built site served on loopback.
type Site struct {
	URL       string // http://127.0.0.1:port/
	Precached int    // files the service worker stores at install
	server    *http.Server
	host      *statichost.Handler
}

// ServeSite builds the threatcard site into dir around the given wasm and
// serves it on loopback. The hello-world baseline goes through the very
// same builder (pages, worker, styles, policy); only the wasm differs, and
// so does what it renders once started.
//
// Files are sent with Cache-Control: no-store, as in the end-to-end tests,
// so a second load can be answered only by the service worker.
func ServeSite(dir, wasm string) (*Site, error) {
	res, err := site.Build(site.Options{Out: dir, Prefix: "/", Wasm: wasm})
	if err != nil {
		return nil, err
	}
	host, err := statichost.New(dir, statichost.Options{Prefix: "/", CacheControl: "no-store"})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		host.Close()
		return nil, err
	}
	s := &Site{
		URL:       "http://" + ln.Addr().String() + "/",
		Precached: len(res.Precached),
		server:    &http.Server{Handler: host},
		host:      host,
	}
	go s.server.Serve(ln)
	return s, nil
}

// Close stops the server.
func (s *Site) Close() {
	s.server.Close()
	s.host.Close()
}
