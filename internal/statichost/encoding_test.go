package statichost

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// withTwin gives the site's web/app.wasm a gzip twin, made at mtime.
func withTwin(t *testing.T, dir string, mtime time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("\x00asm"))
	zw.Close()
	p := filepath.Join(dir, "web", "app.wasm.gz")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAClientThatAcceptsGzipGetsTheCompressedTwin(t *testing.T) {
	dir := site(t)
	wasm := filepath.Join(dir, "web", "app.wasm")
	info, err := os.Stat(wasm)
	if err != nil {
		t.Fatal(err)
	}
	compressed := withTwin(t, dir, info.ModTime().Add(time.Second))
	h, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	tests := []struct {
		name, accept string
		gzipped      bool
	}{
		{"gzip", "gzip", true},
		{"a browser's list", "gzip, deflate, br, zstd", true},
		{"any coding", "*", true},
		{"gzip with a quality", "br;q=1.0, gzip;q=0.8", true},
		{"no header", "", false},
		{"identity only", "identity", false},
		{"gzip refused", "gzip;q=0", false},
		{"gzip refused after any", "*, gzip;q=0", false},
		{"br only", "br", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/web/app.wasm", nil)
			if tt.accept != "" {
				req.Header.Set("Accept-Encoding", tt.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body, _ := io.ReadAll(rec.Body)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/wasm" || rec.Header().Get("Vary") != "Accept-Encoding" {
				t.Fatalf("status %d, type %q, vary %q", rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Vary"))
			}
			enc := rec.Header().Get("Content-Encoding")
			switch {
			case tt.gzipped && (enc != "gzip" || !bytes.Equal(body, compressed)):
				t.Errorf("encoding %q, %d bytes; want the %d-byte twin, gzip", enc, len(body), len(compressed))
			case !tt.gzipped && (enc != "" || string(body) != "\x00asm"):
				t.Errorf("encoding %q, body %q; want the file itself", enc, body)
			}
		})
	}
}

// A twin older than its file comes from an earlier build: the file itself
// is served, and a file without a twin says nothing of encodings.
func TestAStaleTwinIsIgnored(t *testing.T) {
	dir := site(t)
	info, err := os.Stat(filepath.Join(dir, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	withTwin(t, dir, info.ModTime().Add(-time.Hour))
	h, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	for _, path := range []string{"/web/app.wasm", "/app.js"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if enc := rec.Header().Get("Content-Encoding"); enc != "" {
			t.Errorf("%s: Content-Encoding %q from a stale or missing twin", path, enc)
		}
	}
}
