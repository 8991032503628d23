package statichost

import (
	"io/fs"
	"net/http"
	"strconv"
	"strings"
)

// A file may have compressed twins beside it: name + ".br" (brotli) and
// name + ".gz" (gzip), which the site builder writes for every file that
// compresses. A client whose Accept-Encoding takes a twin's coding gets
// the twin, with Content-Encoding, so that it downloads the compressed
// bytes; brotli's when it takes both at the same quality, since its twins
// are the smaller. Any other client gets the file itself.
//
// Each of the forms is a representation of its own (RFC 9110 §8.8.3): it
// has its own strong ETag, so If-None-Match and If-Range are answered per
// form, and a range is a range of the bytes sent, the compressed ones for
// a twin. Every response of a file that has twins says Vary:
// Accept-Encoding, the identity one too, for caches between. The
// Content-Type is always the file's.
//
// A twin older than its file is ignored: it was made from an earlier
// build (a binary rebuilt without rebuilding the site) and would serve
// stale bytes. (On a file system that keeps whole seconds only, a file
// rewritten within the second of its twin is not told apart.)

// A coding is a content coding the host can send from a twin file.
type coding struct {
	name string // in Content-Encoding and Accept-Encoding
	ext  string // of the twin file
}

// codings are the twins looked for, the preferred first.
var codings = []coding{{"br", ".br"}, {"gzip", ".gz"}}

// A twin is a usable compressed twin of a file.
type twin struct {
	coding
	file string
	info fs.FileInfo
}

// twins returns name's twins that can stand in for it: regular files no
// older than name (info is name's), in codings' order.
func (h *Handler) twins(name string, info fs.FileInfo) []twin {
	var found []twin
	for _, c := range codings {
		ti, err := fs.Stat(h.fsys, name+c.ext)
		if err != nil || !ti.Mode().IsRegular() || ti.ModTime().Before(info.ModTime()) {
			continue
		}
		found = append(found, twin{coding: c, file: name + c.ext, info: ti})
	}
	return found
}

// acceptEncoding is a request's Accept-Encoding, read.
type acceptEncoding struct {
	q    map[string]float64 // quality by coding, lower case; "*" for any
	sent bool               // the request has the header
}

// readAcceptEncoding reads every Accept-Encoding header of r. A quality
// that is not a number from 0 to 1 counts as 0: it is no consent.
func readAcceptEncoding(r *http.Request) acceptEncoding {
	values := r.Header.Values("Accept-Encoding")
	a := acceptEncoding{q: map[string]float64{}, sent: len(values) > 0}
	for _, h := range values {
		for _, item := range strings.Split(h, ",") {
			name, params, _ := strings.Cut(strings.TrimSpace(item), ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			if name == "x-gzip" {
				name = "gzip" // RFC 9110 §8.4.1.3
			}
			q := 1.0
			for _, p := range strings.Split(params, ";") {
				k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
					if err != nil || f < 0 || f > 1 {
						f = 0
					}
					q = f
				}
			}
			a.q[name] = q
		}
	}
	return a
}

// quality is how much the client takes coding c: its own entry, or "*"'s
// when it has none. ok is false when neither is given.
func (a acceptEncoding) quality(c string) (q float64, ok bool) {
	if q, ok := a.q[c]; ok {
		return q, true
	}
	q, ok = a.q["*"]
	return q, ok
}

// choose picks the form to send: one of twins, or none for the file
// itself (identity). A coding is chosen when the client's quality for it
// is above 0 and not below identity's; of two at one quality, the first
// in twins (brotli). Without an Accept-Encoding header, or when the client
// refuses identity and every twin, the file itself is sent: it is never
// refused (RFC 9110 §12.5.3 allows either, and a browser always takes
// identity).
func choose(r *http.Request, twins []twin) (twin, bool) {
	a := readAcceptEncoding(r)
	if !a.sent {
		return twin{}, false
	}
	// identity is acceptable unless refused; it competes with the codings
	// only when the client gives it a quality (itself or through "*").
	identity, ranked := a.quality("identity")
	best, bestQ := -1, 0.0
	for i, t := range twins {
		q, ok := a.quality(t.name)
		if ok && q > bestQ && (!ranked || q >= identity) {
			best, bestQ = i, q
		}
	}
	if best < 0 {
		return twin{}, false
	}
	return twins[best], true
}

// etag is the strong validator of a file's bytes: its size and its
// modification time in nanoseconds (Last-Modified has whole seconds only,
// and a stale 304 for app-worker.js would hide an update), and for a
// twin its coding, so that no two forms share one.
func etag(info fs.FileInfo, coding string) string {
	tag := strconv.FormatInt(info.Size(), 36) + "-" + strconv.FormatInt(info.ModTime().UnixNano(), 36)
	if coding != "" {
		tag += "-" + coding
	}
	return `"` + tag + `"`
}

// lengthWriter sets Content-Length on a 200 of a twin: http.ServeContent
// leaves it out whenever Content-Encoding is set (it allows for a writer
// that compresses on the fly), but a twin is sent as it is stored. Ranges
// (206) get theirs from ServeContent, and 304 and errors must have none.
type lengthWriter struct {
	http.ResponseWriter
	length int64
}

func (w *lengthWriter) WriteHeader(code int) {
	if code == http.StatusOK && w.Header().Get("Content-Length") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(w.length, 10))
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *lengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
