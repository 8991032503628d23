//go:build perf

package main

import (
	"fmt"
	"io"
	"net/http"

	"github.com/threatcard/threatcard/internal/statichost"
)

// servedWasm returns the body bytes threatcard serve sends for app.wasm to
// a client whose Accept-Encoding is "gzip, br", and the Content-Encoding
// it says they have. The site is threatcard's as threatcard build writes
// it, served by internal/statichost with threatcard serve's options; the
// client is Go's, with its own decompression off, so the bytes counted are
// the bytes on the wire (less the headers).
func (m *measurer) servedWasm() (n int64, encoding string, err error) {
	s, err := m.site(appThreatcard)
	if err != nil {
		return 0, "", err
	}
	sv, err := serveDir(s, statichost.Options{Prefix: "/"})
	if err != nil {
		return 0, "", err
	}
	defer sv.close()
	req, err := http.NewRequest("GET", sv.url+"web/app.wasm", nil)
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Accept-Encoding", "gzip, br")
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, "", fmt.Errorf("GET /web/app.wasm: %s", resp.Status)
	}
	n, err = io.Copy(io.Discard, resp.Body)
	return n, resp.Header.Get("Content-Encoding"), err
}
