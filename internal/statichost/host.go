// Package statichost serves a directory the way GitHub Pages does, so that a
// built site can be tried locally exactly as it will be hosted: under an
// optional path prefix, "x" answered by x.html, "dir" redirected to "dir/",
// content types a browser accepts for WebAssembly and manifests, and
// compressed bytes to a browser that accepts them (see encoding.go).
package statichost

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// Options adjust the handler.
type Options struct {
	// Prefix is the URL path the site lives under, normalized ("/" or
	// "/repo/"). Requests outside it get 404; the prefix without its
	// trailing slash is redirected to it, as GitHub Pages does.
	Prefix string

	// CacheControl is sent with every file. "" sends "no-cache" (revalidate
	// each time), which keeps a local preview fresh. Tests of offline use
	// want "no-store", so that only the service worker can answer.
	CacheControl string
}

// Handler serves the files under root.
type Handler struct {
	root   *os.Root
	fsys   fs.FS
	prefix string
	cache  string
}

// New returns a handler for the directory dir. The directory is opened as an
// os.Root, so no request can reach outside it, symbolic links included.
func New(dir string, o Options) (*Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	prefix := o.Prefix
	if prefix == "" {
		prefix = "/"
	}
	if !strings.HasPrefix(prefix, "/") || !strings.HasSuffix(prefix, "/") {
		root.Close()
		return nil, errors.New("statichost: prefix must begin and end with a slash: " + strconv.Quote(prefix))
	}
	cache := o.CacheControl
	if cache == "" {
		cache = "no-cache"
	}
	return &Handler{root: root, fsys: root.FS(), prefix: prefix, cache: cache}, nil
}

// Close releases the directory.
func (h *Handler) Close() error { return h.root.Close() }

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if p+"/" == h.prefix {
		redirect(w, r, h.prefix)
		return
	}
	if !strings.HasPrefix(p, h.prefix) {
		h.notFound(w, r)
		return
	}
	rel := strings.TrimPrefix(p, h.prefix)
	if rel != "" && (!fs.ValidPath(strings.TrimSuffix(rel, "/")) || strings.Contains(rel, "//")) {
		h.notFound(w, r)
		return
	}
	name, redirectTo, ok := h.resolve(rel)
	switch {
	case redirectTo != "":
		redirect(w, r, h.prefix+redirectTo)
	case !ok:
		h.notFound(w, r)
	default:
		h.serveFile(w, r, name, http.StatusOK)
	}
}

// resolve maps the path below the prefix to a file the way GitHub Pages
// does. It returns the file's name, or a path to redirect to.
func (h *Handler) resolve(rel string) (name, redirectTo string, ok bool) {
	clean := strings.TrimSuffix(rel, "/")
	if clean == "" {
		clean = "."
	}
	info, err := fs.Stat(h.fsys, clean)
	switch {
	case err == nil && info.IsDir():
		if rel != "" && !strings.HasSuffix(rel, "/") {
			return "", rel + "/", false
		}
		name = path.Join(clean, "index.html")
	case err == nil && !strings.HasSuffix(rel, "/"):
		return clean, "", true
	case err == nil:
		return "", "", false // a file asked for as a directory
	default:
		if strings.HasSuffix(rel, "/") {
			return "", "", false
		}
		name = clean + ".html"
	}
	if info, err := fs.Stat(h.fsys, name); err != nil || !info.Mode().IsRegular() {
		return "", "", false
	}
	return name, "", true
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	if info, err := fs.Stat(h.fsys, "404.html"); err == nil && info.Mode().IsRegular() {
		h.serveFile(w, r, "404.html", http.StatusNotFound)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// serveFile sends one file. A 200 goes through http.ServeContent, which
// handles ranges and conditional requests against the ETag set here (see
// etag); a file with compressed twins is sent in the form the client takes
// best (see encoding.go).
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, name string, status int) {
	f, err := h.fsys.Open(name)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", ContentType(name))
	hdr.Set("Cache-Control", h.cache)
	if status != http.StatusOK {
		hdr.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			copyFile(w, f)
		}
		return
	}
	tag := etag(info, "")
	if twins := h.twins(name, info); len(twins) > 0 {
		hdr.Add("Vary", "Accept-Encoding")
		if t, ok := choose(r, twins); ok {
			if g, err := h.fsys.Open(t.file); err == nil {
				defer g.Close()
				f, info, tag = g, t.info, etag(t.info, t.name)
				hdr.Set("Content-Encoding", t.name)
				w = &lengthWriter{ResponseWriter: w, length: t.info.Size()}
			}
		}
	}
	hdr.Set("ETag", tag)
	rs, ok := f.(interface {
		Read([]byte) (int, error)
		Seek(int64, int) (int64, error)
	})
	if !ok {
		http.Error(w, "file cannot be served", http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, name, info.ModTime(), rs)
}

func copyFile(w http.ResponseWriter, f fs.File) {
	buf := make([]byte, 32<<10)
	for {
		n, err := f.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusMovedPermanently)
}
