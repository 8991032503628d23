// Package site builds threatcard's static web site: go-app's generated pages
// and PWA files, the WebAssembly binary, styles and icons, made safe to host
// anywhere (including under a GitHub Pages repository path) and to use
// offline.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/internal/release"
	"github.com/threatcard/threatcard/web"
)

// Options say where and how to build the site.
type Options struct {
	Out    string  // directory to write; created if missing
	Prefix string  // URL path the site is served under, e.g. "/" or "/threatcard/"
	Wasm   string  // the app's WebAssembly binary; "" means Out/web/app.wasm
	Routes []Route // the app's pages, at least one; each is prerendered and precached
}

// Route is one page of the app: its path and the component that draws it,
// as the app's browser entry gives them to go-app (app.Route). The builder
// prerenders the component into the page's HTML file.
type Route struct {
	Path string // e.g. "/"
	New  func() app.Composer
}

// routing serializes builds: go-app's router, which the page generator
// renders from, is one per process.
var routing sync.Mutex

// Result describes a built site.
type Result struct {
	Prefix    string   // normalized prefix
	Version   string   // the service worker's version: release and content hash
	WasmSize  int64    // bytes of app.wasm
	Precached []string // URLs the service worker stores at install
}

// Build writes the site into o.Out and checks it with Verify.
//
// The site is generated twice: first with the bare release as version, to
// hash every file a browser would store, then with the release plus that
// hash. The same inputs so give the same version, and any change in what
// users get gives a new one, which makes returning browsers update.
//
// Build routes o.Routes in go-app's router, which belongs to the process:
// builds in one process may route a path to another component each time,
// but go-app never forgets a path, and generates a page for every path it
// was ever given, so they must all route the same paths.
func Build(o Options) (Result, error) {
	prefix, err := NormalizePrefix(o.Prefix)
	if err != nil {
		return Result{}, err
	}
	if o.Out == "" {
		o.Out = "."
	}
	pages, err := routePages(o.Routes)
	if err != nil {
		return Result{}, err
	}
	routing.Lock()
	defer routing.Unlock()
	for _, r := range o.Routes {
		app.Route(r.Path, r.New)
	}

	wasmSize, err := placeWasm(o)
	if err != nil {
		return Result{}, err
	}
	if err := writeAssets(o.Out); err != nil {
		return Result{}, err
	}

	if err := generate(o.Out, prefix, release.Version, wasmSize, pages); err != nil {
		return Result{}, err
	}
	hash, err := contentHash(o.Out, prefix)
	if err != nil {
		return Result{}, err
	}
	version := release.Version + "+" + hash
	if err := generate(o.Out, prefix, version, wasmSize, pages); err != nil {
		return Result{}, err
	}

	precached, err := Verify(o.Out, prefix)
	if err != nil {
		return Result{}, err
	}
	if err := writeTwins(twinFiles(o.Out, prefix, precached)); err != nil {
		return Result{}, err
	}
	return Result{Prefix: prefix, Version: version, WasmSize: wasmSize, Precached: precached}, nil
}

// routePages checks the routes and returns their paths.
func routePages(routes []Route) ([]string, error) {
	if len(routes) == 0 {
		return nil, &BuildError{Step: "routing pages", Err: errors.New("no routes: Options.Routes must give the app's pages")}
	}
	pages := make([]string, len(routes))
	for i, r := range routes {
		if !strings.HasPrefix(r.Path, "/") || r.New == nil {
			return nil, &BuildError{Step: "routing pages", Path: r.Path, Err: errors.New("a route needs a path starting with / and a component")}
		}
		pages[i] = r.Path
	}
	return pages, nil
}

// generate runs go-app's generator and then replaces or amends the files it
// cannot be configured to write correctly.
func generate(out, prefix, version string, wasmSize int64, pages []string) error {
	h := newHandler(prefix, version, wasmSize, pages)
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return &BuildError{Step: "generating pages", Err: err}
	}
	for _, p := range pages {
		if err := securePage(filepath.Join(out, pageFile(p))); err != nil {
			return err
		}
	}
	manifest, err := manifestJSON(prefix)
	if err != nil {
		return &BuildError{Step: "encoding manifest", Err: err}
	}
	return writeFile(out, "manifest.webmanifest", manifest)
}

// pageFile is the file go-app writes for a page path.
func pageFile(p string) string {
	if p == "/" {
		return "index.html"
	}
	return strings.TrimPrefix(p, "/") + ".html"
}

// placeWasm copies o.Wasm to Out/web/app.wasm unless it is already there,
// and returns its size.
func placeWasm(o Options) (int64, error) {
	dst := filepath.Join(o.Out, filepath.FromSlash(pathWasm))
	src := o.Wasm
	if src == "" {
		src = dst
	}
	info, err := os.Stat(src)
	if err != nil {
		return 0, &BuildError{Step: "reading the WebAssembly binary (build it with GOOS=js GOARCH=wasm)", Err: err}
	}
	if same, err := sameFile(src, dst); err != nil || same {
		return info.Size(), err
	}
	in, err := os.Open(src)
	if err != nil {
		return 0, &BuildError{Step: "reading", Path: src, Err: err}
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return 0, &BuildError{Step: "creating", Path: filepath.Dir(dst), Err: err}
	}
	f, err := os.Create(dst)
	if err != nil {
		return 0, &BuildError{Step: "creating", Path: dst, Err: err}
	}
	if _, err := io.Copy(f, in); err != nil {
		f.Close()
		return 0, &BuildError{Step: "copying to", Path: dst, Err: err}
	}
	if err := f.Close(); err != nil {
		return 0, &BuildError{Step: "writing", Path: dst, Err: err}
	}
	return info.Size(), nil
}

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, &BuildError{Step: "reading", Path: a, Err: err}
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, nil // b does not exist yet
	}
	return os.SameFile(ia, ib), nil
}

// writeAssets writes the styles and the icons into Out/web.
func writeAssets(out string) error {
	err := fs.WalkDir(web.Assets, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(web.Assets, name)
		if err != nil {
			return err
		}
		return writeFile(out, path.Join("web", name), data)
	})
	if err != nil {
		return &BuildError{Step: "copying web assets", Err: err}
	}
	if err := writeFile(out, pathIconSVG[1:], IconSVG()); err != nil {
		return err
	}
	icons, err := drawIcons()
	if err != nil {
		return err
	}
	for name, data := range icons {
		if err := writeFile(out, name[1:], data); err != nil {
			return err
		}
	}
	return nil
}

// drawIcons draws the PNG icons once per process, keyed by site path.
var drawIcons = sync.OnceValues(func() (map[string][]byte, error) {
	icons := map[string][]byte{}
	for _, icon := range []struct {
		path     string
		size     int
		maskable bool
	}{
		{pathIcon192, 192, false},
		{pathIcon512, 512, false},
		{pathIconMaskable, 512, true},
	} {
		data, err := IconPNG(icon.size, icon.maskable)
		if err != nil {
			return nil, &BuildError{Step: "drawing", Path: icon.path, Err: err}
		}
		icons[icon.path] = data
	}
	return icons, nil
})

// writeFile writes data to the slash-separated path name under out.
func writeFile(out, name string, data []byte) error {
	p := filepath.Join(out, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return &BuildError{Step: "creating", Path: filepath.Dir(p), Err: err}
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return &BuildError{Step: "writing", Path: p, Err: err}
	}
	return nil
}

// contentHash hashes the service worker and every file it precaches, in the
// worker's order, and returns the first 12 hex digits.
func contentHash(out, prefix string) (string, error) {
	worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		return "", &BuildError{Step: "reading", Path: "app-worker.js", Err: err}
	}
	urls, err := precacheList(worker)
	if err != nil {
		return "", &BuildError{Step: "reading", Path: "app-worker.js", Err: err}
	}
	h := sha256.New()
	h.Write(worker)
	for _, u := range urls {
		file, ok := fileForURL(out, prefix, u)
		if !ok {
			return "", &BuildError{Step: "hashing", Path: u, Err: fs.ErrNotExist}
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return "", &BuildError{Step: "hashing", Path: file, Err: err}
		}
		io.WriteString(h, u+"\x00")
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}
