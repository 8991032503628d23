package statichost

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The host never decodes a twin, so the tests' twins are marked bytes of
// their own lengths: what was sent shows which file it came from.
var (
	brTwin   = []byte("BROTLI(\x00asm)")
	gzipTwin = []byte("GZIP(\x00asm)--")
)

// writeTwin writes name's twin under dir with the given modification time.
func writeTwin(t *testing.T, dir, name string, data []byte, mtime time.Time) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// modTime is the modification time of name under dir.
func modTime(t *testing.T, dir, name string) time.Time {
	t.Helper()
	info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return info.ModTime()
}

// siteWithTwins is site() with fresh twins of web/app.wasm for the given
// codings ("br", "gzip").
func siteWithTwins(t *testing.T, codings ...string) (string, *Handler) {
	t.Helper()
	dir := site(t)
	later := modTime(t, dir, "web/app.wasm").Add(time.Second)
	for _, c := range codings {
		switch c {
		case "br":
			writeTwin(t, dir, "web/app.wasm.br", brTwin, later)
		case "gzip":
			writeTwin(t, dir, "web/app.wasm.gz", gzipTwin, later)
		}
	}
	h, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return dir, h
}

// do sends one request; accept is Accept-Encoding's values (none: no
// header), extra more headers as name, value pairs.
func do(h http.Handler, method, path string, accept []string, extra ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for _, a := range accept {
		req.Header.Add("Accept-Encoding", a)
	}
	for i := 0; i+1 < len(extra); i += 2 {
		req.Header.Set(extra[i], extra[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// bodyOf is what each form of web/app.wasm sends.
var bodyOf = map[string][]byte{"": []byte("\x00asm"), "br": brTwin, "gzip": gzipTwin}

func TestNegotiationChoosesTheBestTwin(t *testing.T) {
	tests := []struct {
		name   string
		twins  []string // which twins app.wasm has
		accept []string // Accept-Encoding header lines; nil: none
		want   string   // Content-Encoding sent, "" for the file itself
	}{
		{"no header", []string{"br", "gzip"}, nil, ""},
		{"an empty header", []string{"br", "gzip"}, []string{""}, ""},
		{"gzip", []string{"br", "gzip"}, []string{"gzip"}, "gzip"},
		{"br", []string{"br", "gzip"}, []string{"br"}, "br"},
		{"a browser's list", []string{"br", "gzip"}, []string{"gzip, deflate, br, zstd"}, "br"},
		{"a browser's list over plain http", []string{"br", "gzip"}, []string{"gzip, deflate"}, "gzip"},
		{"any coding", []string{"br", "gzip"}, []string{"*"}, "br"},
		{"br preferred by quality", []string{"br", "gzip"}, []string{"br;q=1.0, gzip;q=0.8"}, "br"},
		{"gzip preferred by quality", []string{"br", "gzip"}, []string{"br;q=0.5, gzip"}, "gzip"},
		{"a tie goes to br", []string{"br", "gzip"}, []string{"gzip;q=0.5, br;q=0.5"}, "br"},
		{"br refused", []string{"br", "gzip"}, []string{"br;q=0, gzip"}, "gzip"},
		{"br refused after any", []string{"br", "gzip"}, []string{"*, br;q=0"}, "gzip"},
		{"both refused after any", []string{"br", "gzip"}, []string{"*, br;q=0, gzip;q=0"}, ""},
		{"everything refused", []string{"br", "gzip"}, []string{"*;q=0"}, ""},
		{"identity only", []string{"br", "gzip"}, []string{"identity"}, ""},
		{"identity refused, nothing else taken", []string{"br", "gzip"}, []string{"identity;q=0"}, ""},
		{"identity refused, any taken", []string{"br", "gzip"}, []string{"identity;q=0, br;q=0, *"}, "gzip"},
		{"identity preferred", []string{"br", "gzip"}, []string{"gzip;q=0.5, identity"}, ""},
		{"identity ranked below", []string{"br", "gzip"}, []string{"br;q=0.9, identity;q=0.5"}, "br"},
		{"a coding with a low quality, identity unranked", []string{"br", "gzip"}, []string{"gzip;q=0.1"}, "gzip"},
		{"upper case", []string{"br", "gzip"}, []string{"BR, GZIP"}, "br"},
		{"x-gzip", []string{"br", "gzip"}, []string{"x-gzip"}, "gzip"},
		{"spaces", []string{"br", "gzip"}, []string{" br ; q=0.9 , gzip ;q=0.8 "}, "br"},
		{"a bad quality is no consent", []string{"br", "gzip"}, []string{"br;q=abc, gzip"}, "gzip"},
		{"a quality above 1 is no consent", []string{"br", "gzip"}, []string{"br;q=2, gzip"}, "gzip"},
		{"two header lines", []string{"br", "gzip"}, []string{"gzip", "br"}, "br"},
		{"an unknown coding only", []string{"br", "gzip"}, []string{"deflate, zstd"}, ""},
		{"gzip twin only, br asked", []string{"gzip"}, []string{"br"}, ""},
		{"gzip twin only, both asked", []string{"gzip"}, []string{"gzip, br"}, "gzip"},
		{"br twin only, gzip asked", []string{"br"}, []string{"gzip"}, ""},
		{"br twin only, both asked", []string{"br"}, []string{"gzip, br"}, "br"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, h := siteWithTwins(t, tt.twins...)
			rec := do(h, http.MethodGet, "/web/app.wasm", tt.accept)
			hdr := rec.Header()
			if rec.Code != http.StatusOK || hdr.Get("Content-Type") != "application/wasm" || hdr.Get("Vary") != "Accept-Encoding" {
				t.Fatalf("status %d, type %q, vary %q", rec.Code, hdr.Get("Content-Type"), hdr.Get("Vary"))
			}
			if enc := hdr.Get("Content-Encoding"); enc != tt.want || !bytes.Equal(rec.Body.Bytes(), bodyOf[tt.want]) {
				t.Errorf("Content-Encoding %q, body %q; want %q, %q", enc, rec.Body.Bytes(), tt.want, bodyOf[tt.want])
			}
			if got, want := hdr.Get("Content-Length"), strconv.Itoa(len(bodyOf[tt.want])); got != want {
				t.Errorf("Content-Length %q, want %s", got, want)
			}
		})
	}
}

// Each form has its own strong ETag; If-None-Match is answered per form,
// and HEAD says what GET would send.
func TestEachFormHasItsOwnValidator(t *testing.T) {
	_, h := siteWithTwins(t, "br", "gzip")
	forms := map[string][]string{"": nil, "br": {"br, gzip"}, "gzip": {"gzip"}}
	tags := map[string]string{}
	for form, accept := range forms {
		rec := do(h, http.MethodGet, "/web/app.wasm", accept)
		tag := rec.Header().Get("ETag")
		if !strings.HasPrefix(tag, `"`) || !strings.HasSuffix(tag, `"`) || len(tag) < 3 {
			t.Fatalf("form %q: ETag %q is not a strong validator", form, tag)
		}
		for other, otherTag := range tags {
			if otherTag == tag {
				t.Errorf("forms %q and %q share ETag %s", form, other, tag)
			}
		}
		tags[form] = tag
	}
	for form, accept := range forms {
		t.Run("form "+form, func(t *testing.T) {
			rec := do(h, http.MethodGet, "/web/app.wasm", accept, "If-None-Match", tags[form])
			if rec.Code != http.StatusNotModified || rec.Header().Get("ETag") != tags[form] || rec.Header().Get("Vary") != "Accept-Encoding" || rec.Body.Len() != 0 {
				t.Errorf("with its own ETag: status %d, ETag %q, Vary %q, %d bytes; want 304 with the ETag and Vary",
					rec.Code, rec.Header().Get("ETag"), rec.Header().Get("Vary"), rec.Body.Len())
			}
			rec = do(h, http.MethodGet, "/web/app.wasm", accept, "If-None-Match", `"other", `+tags[form])
			if rec.Code != http.StatusNotModified {
				t.Errorf("with its ETag in a list: status %d, want 304", rec.Code)
			}
			for other, otherTag := range tags {
				if other == form {
					continue
				}
				rec := do(h, http.MethodGet, "/web/app.wasm", accept, "If-None-Match", otherTag)
				if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != form || !bytes.Equal(rec.Body.Bytes(), bodyOf[form]) {
					t.Errorf("with form %q's ETag: status %d, Content-Encoding %q; want 200 with form %q",
						other, rec.Code, rec.Header().Get("Content-Encoding"), form)
				}
			}
			head := do(h, http.MethodHead, "/web/app.wasm", accept)
			get := do(h, http.MethodGet, "/web/app.wasm", accept)
			for _, k := range []string{"Content-Type", "Content-Encoding", "Content-Length", "ETag", "Vary", "Cache-Control", "Last-Modified"} {
				if head.Header().Get(k) != get.Header().Get(k) {
					t.Errorf("HEAD's %s %q, GET's %q", k, head.Header().Get(k), get.Header().Get(k))
				}
			}
			if head.Code != http.StatusOK || head.Body.Len() != 0 || head.Header().Get("Content-Length") != strconv.Itoa(len(bodyOf[form])) {
				t.Errorf("HEAD: status %d, %d bytes of body, Content-Length %q", head.Code, head.Body.Len(), head.Header().Get("Content-Length"))
			}
		})
	}
}

// A range of an encoded response is a range of the encoded bytes (RFC
// 9110 §14.1.2), and If-Range with another form's validator gets the
// whole form.
func TestRangesOfAnEncodedResponse(t *testing.T) {
	_, h := siteWithTwins(t, "br", "gzip")
	rec := do(h, http.MethodGet, "/web/app.wasm", []string{"br"}, "Range", "bytes=2-5")
	if rec.Code != http.StatusPartialContent || rec.Header().Get("Content-Encoding") != "br" ||
		rec.Header().Get("Content-Range") != "bytes 2-5/"+strconv.Itoa(len(brTwin)) ||
		rec.Header().Get("Content-Length") != "4" || !bytes.Equal(rec.Body.Bytes(), brTwin[2:6]) {
		t.Errorf("status %d, Content-Encoding %q, Content-Range %q, Content-Length %q, body %q",
			rec.Code, rec.Header().Get("Content-Encoding"), rec.Header().Get("Content-Range"), rec.Header().Get("Content-Length"), rec.Body.Bytes())
	}
	identityTag := do(h, http.MethodGet, "/web/app.wasm", nil).Header().Get("ETag")
	rec = do(h, http.MethodGet, "/web/app.wasm", []string{"br"}, "Range", "bytes=2-5", "If-Range", identityTag)
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), brTwin) {
		t.Errorf("If-Range with the identity ETag: status %d, body %q; want the whole brotli twin", rec.Code, rec.Body.Bytes())
	}
	rec = do(h, http.MethodGet, "/web/app.wasm", []string{"br"}, "Range", "bytes=100-200")
	if rec.Code != http.StatusRequestedRangeNotSatisfiable || rec.Header().Get("Content-Encoding") != "" {
		t.Errorf("a range past the twin: status %d, Content-Encoding %q; want 416 without", rec.Code, rec.Header().Get("Content-Encoding"))
	}
}

// A twin older than its file comes from an earlier build: it is ignored,
// for each coding on its own, and a file without a usable twin says
// nothing of encodings.
func TestAStaleTwinIsIgnored(t *testing.T) {
	tests := []struct {
		name       string
		brStale    bool
		gzipStale  bool
		accept     string
		want, vary string
	}{
		{"br stale", true, false, "br, gzip", "gzip", "Accept-Encoding"},
		{"gzip stale", false, true, "gzip", "", "Accept-Encoding"},
		{"both stale", true, true, "br, gzip", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t)
			mtime := modTime(t, dir, "web/app.wasm")
			at := func(stale bool) time.Time {
				if stale {
					return mtime.Add(-time.Nanosecond)
				}
				return mtime // the same time is not older
			}
			writeTwin(t, dir, "web/app.wasm.br", brTwin, at(tt.brStale))
			writeTwin(t, dir, "web/app.wasm.gz", gzipTwin, at(tt.gzipStale))
			h, err := New(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer h.Close()
			rec := do(h, http.MethodGet, "/web/app.wasm", []string{tt.accept})
			if enc := rec.Header().Get("Content-Encoding"); enc != tt.want || !bytes.Equal(rec.Body.Bytes(), bodyOf[tt.want]) {
				t.Errorf("Content-Encoding %q, body %q; want %q", enc, rec.Body.Bytes(), tt.want)
			}
			if vary := rec.Header().Get("Vary"); vary != tt.vary {
				t.Errorf("Vary %q, want %q", vary, tt.vary)
			}
		})
	}
	_, h := siteWithTwins(t)
	if rec := do(h, http.MethodGet, "/app.js", []string{"br, gzip"}); rec.Header().Get("Content-Encoding") != "" || rec.Header().Get("Vary") != "" {
		t.Errorf("a file without twins: Content-Encoding %q, Vary %q", rec.Header().Get("Content-Encoding"), rec.Header().Get("Vary"))
	}
}

// Pages, found as the host finds them ("/" is index.html, "/about" is
// about.html), are sent from their twins with their own Content-Type,
// never the twin's (application/gzip); the 404 page is sent as it is.
func TestTwinsOfPagesKeepTheirType(t *testing.T) {
	dir := site(t)
	for _, name := range []string{"index.html", "about.html", "404.html"} {
		if name == "404.html" {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("<p>gone</p>"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		later := modTime(t, dir, name).Add(time.Second)
		writeTwin(t, dir, name+".gz", []byte("gz of "+name), later)
		writeTwin(t, dir, name+".br", []byte("br of "+name), later)
	}
	h, err := New(dir, Options{Prefix: "/repo/"})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	for _, tt := range []struct{ path, accept, body string }{
		{"/repo/", "gzip", "gz of index.html"},
		{"/repo/index.html", "br", "br of index.html"},
		{"/repo/about", "br, gzip", "br of about.html"},
	} {
		rec := do(h, http.MethodGet, tt.path, []string{tt.accept})
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" || rec.Body.String() != tt.body {
			t.Errorf("%s (%s): status %d, type %q, body %q; want %q", tt.path, tt.accept, rec.Code, rec.Header().Get("Content-Type"), rec.Body.String(), tt.body)
		}
	}
	rec := do(h, http.MethodGet, "/repo/missing", []string{"br, gzip"})
	if rec.Code != http.StatusNotFound || rec.Body.String() != "<p>gone</p>" || rec.Header().Get("Content-Encoding") != "" {
		t.Errorf("404: status %d, body %q, Content-Encoding %q", rec.Code, rec.Body.String(), rec.Header().Get("Content-Encoding"))
	}
}

// Over a real connection, a twin larger than the server's buffer still
// goes with its Content-Length (http.ServeContent leaves it out when
// Content-Encoding is set), for GET and HEAD.
func TestALargeTwinIsSentWithItsLength(t *testing.T) {
	dir := site(t)
	big := bytes.Repeat([]byte("compressed "), 20000)
	writeTwin(t, dir, "web/app.wasm.br", big, modTime(t, dir, "web/app.wasm").Add(time.Second))
	h, err := New(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		req, _ := http.NewRequest(method, srv.URL+"/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", "br")
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.ContentLength != int64(len(big)) || res.Header.Get("Content-Encoding") != "br" || len(res.TransferEncoding) != 0 {
			t.Errorf("%s: Content-Length %d, Content-Encoding %q, Transfer-Encoding %q; want %d, br, none",
				method, res.ContentLength, res.Header.Get("Content-Encoding"), res.TransferEncoding, len(big))
		}
		if want := map[string]int{http.MethodGet: len(big), http.MethodHead: 0}[method]; len(body) != want {
			t.Errorf("%s: %d bytes of body, want %d", method, len(body), want)
		}
	}
}
