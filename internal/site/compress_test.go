package site

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// compressibleWasm stands in for a real app.wasm: 48 KiB that compress
// well, so that it gets twins (fakeWasm is too short to).
var compressibleWasm = append([]byte("\x00asm\x01\x00\x00\x00"),
	bytes.Repeat([]byte("(func $main (local i32) (i32.const 42) (call $runtime.alloc))\n"), 800)...)

// buildSiteOf builds the site for prefix "/" around the given binary.
func buildSiteOf(t *testing.T, out string, wasm []byte) Result {
	t.Helper()
	src := filepath.Join(t.TempDir(), "app.wasm")
	if err := os.WriteFile(src, wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(Options{Out: out, Prefix: "/", Wasm: src, Routes: testRoutes("test-page", "Test page")})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}

// twinsOf lists the twins in a built site, by slash-separated name.
func twinsOf(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	twins := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (!strings.HasSuffix(p, ".gz") && !strings.HasSuffix(p, ".br")) {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		twins[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return twins
}

func decode(name string, data []byte) ([]byte, error) {
	if strings.HasSuffix(name, ".br") {
		return io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// Every text file of the site and app.wasm get a brotli and a gzip twin
// that decode to exactly the file and are smaller; the PNG icons get none,
// nor does anything else.
func TestBuildWritesTwinsOfEveryCompressibleFile(t *testing.T) {
	dir := t.TempDir()
	buildSiteOf(t, dir, compressibleWasm)
	twins := twinsOf(t, dir)
	var want []string
	for _, f := range []string{"index.html", "app.js", "app.css", "app-worker.js", "wasm_exec.js",
		"manifest.webmanifest", "web/app.wasm", "web/threatcard.css", "web/icon.svg",
		"web/trusted-types.js", "web/update-watch.js"} {
		want = append(want, f+".br", f+".gz")
	}
	slices.Sort(want)
	got := slices.Sorted(func(yield func(string) bool) {
		for name := range twins {
			if !yield(name) {
				return
			}
		}
	})
	if !slices.Equal(got, want) {
		t.Errorf("twins\n%q\nwant\n%q", got, want)
	}
	for name, data := range twins {
		orig, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name[:len(name)-3])))
		if err != nil {
			t.Errorf("%s: no original: %v", name, err)
			continue
		}
		plain, err := decode(name, data)
		if err != nil || !bytes.Equal(plain, orig) {
			t.Errorf("%s does not decode to its file (%v)", name, err)
		}
		if len(data) >= len(orig) {
			t.Errorf("%s: %d bytes for a %d-byte file", name, len(data), len(orig))
		}
	}
	// brotli beats gzip where it matters.
	if br, gz := len(twins["web/app.wasm.br"]), len(twins["web/app.wasm.gz"]); br >= gz {
		t.Errorf("app.wasm: brotli %d bytes, gzip %d", br, gz)
	}
}

// The same input gives the same twins, byte for byte; building again over
// a site that has its twins gives the same version, the same precache list
// and the same twins.
func TestTwinsAreReproducible(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	resA := buildSiteOf(t, a, compressibleWasm)
	buildSiteOf(t, b, compressibleWasm)
	twinsA, twinsB := twinsOf(t, a), twinsOf(t, b)
	if len(twinsA) == 0 {
		t.Fatal("no twins written")
	}
	for name, data := range twinsA {
		if !bytes.Equal(data, twinsB[name]) {
			t.Errorf("%s differs between two builds of one input", name)
		}
	}
	again := buildSiteOf(t, a, compressibleWasm)
	if again.Version != resA.Version || !slices.Equal(again.Precached, resA.Precached) {
		t.Errorf("rebuilt over its twins: version %s, precache %q; first %s, %q", again.Version, again.Precached, resA.Version, resA.Precached)
	}
	for name, data := range twinsOf(t, a) {
		if !bytes.Equal(data, twinsA[name]) {
			t.Errorf("%s differs after a rebuild in place", name)
		}
	}
}

// The twins are not the worker's business: it precaches the site's files
// (the browser decodes what it downloads), and Verify passes with the
// twins in place. (TestTwinsAreReproducible checks that they leave the
// version as it was.)
func TestTwinsStayOutOfTheWorkersPrecache(t *testing.T) {
	dir := t.TempDir()
	res := buildSiteOf(t, dir, compressibleWasm)
	worker := readFile(t, dir, "app-worker.js")
	if strings.Contains(worker, ".gz\"") || strings.Contains(worker, ".br\"") {
		t.Errorf("app-worker.js names a twin:\n%s", precacheLine.FindString(worker))
	}
	for _, u := range res.Precached {
		if strings.HasSuffix(u, ".gz") || strings.HasSuffix(u, ".br") {
			t.Errorf("precached %s", u)
		}
	}
	precached, err := Verify(dir, "/")
	if err != nil {
		t.Fatalf("Verify with the twins in place: %v", err)
	}
	if !slices.Equal(precached, res.Precached) {
		t.Errorf("Verify lists %q, Build %q", precached, res.Precached)
	}
}

// go-app's loading screen counts the decoded bytes of app.wasm against
// goappWasmContentLength, so it must be app.wasm's own size: the
// Content-Length of a compressed response would run the percentage past
// 100.
func TestLoadingProgressCountsTheDecodedWasm(t *testing.T) {
	dir := t.TempDir()
	res := buildSiteOf(t, dir, compressibleWasm)
	m := regexp.MustCompile(`const goappWasmContentLength = "(\d+)";`).FindStringSubmatch(readFile(t, dir, "app.js"))
	if m == nil {
		t.Fatal("app.js has no goappWasmContentLength")
	}
	n, _ := strconv.Atoi(m[1])
	twins := twinsOf(t, dir)
	if n != len(compressibleWasm) || res.WasmSize != int64(n) {
		t.Errorf("goappWasmContentLength %d, WasmSize %d; want app.wasm's %d bytes (br %d, gz %d)",
			n, res.WasmSize, len(compressibleWasm), len(twins["web/app.wasm.br"]), len(twins["web/app.wasm.gz"]))
	}
}

// A file whose compressed form is not smaller gets no twin, and a twin
// left by an earlier build is removed: fakeWasm is too short to compress,
// random bytes do not compress, PNGs are not tried.
func TestNoTwinWhereCompressionDoesNotPay(t *testing.T) {
	dir := t.TempDir()
	buildSiteOf(t, dir, compressibleWasm)
	if _, ok := twinsOf(t, dir)["web/app.wasm.br"]; !ok {
		t.Fatal("a compressible app.wasm got no brotli twin")
	}
	buildSiteOf(t, dir, fakeWasm)
	twins := twinsOf(t, dir)
	for _, name := range []string{"web/app.wasm.br", "web/app.wasm.gz"} {
		if _, ok := twins[name]; ok {
			t.Errorf("%s is there for a %d-byte app.wasm", name, len(fakeWasm))
		}
	}
	for name := range twins {
		if strings.Contains(name, ".png") {
			t.Errorf("twin %s of a PNG", name)
		}
	}

	noise := make([]byte, 2048)
	rand.Read(noise)
	f := filepath.Join(t.TempDir(), "noise.json")
	if err := os.WriteFile(f, noise, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f+".gz", []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeTwins([]string{f}); err != nil {
		t.Fatal(err)
	}
	for _, twin := range []string{f + ".gz", f + ".br"} {
		if _, err := os.Stat(twin); err == nil {
			t.Errorf("%s exists for incompressible bytes", filepath.Base(twin))
		}
	}
}

func TestCompressibleNames(t *testing.T) {
	for name, want := range map[string]bool{
		"index.html": true, "app.js": true, "web/threatcard.css": true, "web/app.wasm": true,
		"manifest.webmanifest": true, "web/icon.svg": true, "data.JSON": true,
		"web/icon-192.png": false, "photo.jpg": false, "font.woff2": false, "app.wasm.gz": false, "app.wasm.br": false,
	} {
		if got := isCompressible(name); got != want {
			t.Errorf("isCompressible(%q) = %v, want %v", name, got, want)
		}
	}
}
