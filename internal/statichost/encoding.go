package statichost

import (
	"io/fs"
	"net/http"
	"strconv"
	"strings"
)

// A file may have a gzip-compressed twin beside it, name + ".gz" (the
// site builder writes one for app.wasm). A client that accepts gzip gets
// the twin, with Content-Encoding: gzip, so that it downloads the
// compressed bytes; any other client gets the file itself. Either way the
// response says Vary: Accept-Encoding, for caches between.
//
// A twin older than its file is ignored: it was made from an earlier
// build (a binary rebuilt without rebuilding the site) and would serve
// stale bytes.

// gzipTwin returns the name of name's compressed twin when it can stand
// in for name: a regular file no older than name. info is name's.
func (h *Handler) gzipTwin(name string, info fs.FileInfo) (string, fs.FileInfo, bool) {
	twin := name + ".gz"
	ti, err := fs.Stat(h.fsys, twin)
	if err != nil || !ti.Mode().IsRegular() || ti.ModTime().Before(info.ModTime()) {
		return "", nil, false
	}
	return twin, ti, true
}

// acceptsGzip reports whether the request's Accept-Encoding takes gzip:
// "gzip" or "*" with a quality other than 0 (RFC 9110 §12.5.3). An
// explicit "gzip;q=0" refuses it even after a "*".
func acceptsGzip(r *http.Request) bool {
	gzip, star := -1.0, -1.0
	for _, h := range r.Header.Values("Accept-Encoding") {
		for _, item := range strings.Split(h, ",") {
			coding, params, _ := strings.Cut(strings.TrimSpace(item), ";")
			q := 1.0
			for _, p := range strings.Split(params, ";") {
				k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
					if err != nil || f < 0 || f > 1 {
						f = 0 // a quality that is not one is no consent
					}
					q = f
				}
			}
			switch strings.ToLower(strings.TrimSpace(coding)) {
			case "gzip", "x-gzip":
				gzip = q
			case "*":
				star = q
			}
		}
	}
	if gzip >= 0 {
		return gzip > 0
	}
	return star > 0
}
