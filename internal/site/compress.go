package site

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// The builder writes two compressed twins beside every file of the site
// that compresses: name.br (brotli) and name.gz (gzip). threatcard serve
// (internal/statichost) sends a twin, with Content-Encoding, to a browser
// that accepts its coding, and nginx's gzip_static and brotli_static or
// Caddy's precompressed do the same. Hosts that compress on their own
// (GitHub Pages, Netlify, Cloudflare) ignore them.
//
// The twins are no part of the site as the service worker sees it: its
// precache list is made from the pages and resources the builder names,
// never from the directory, and the browser decodes a response before the
// worker stores it. So neither the worker's version nor Verify changes
// with them.
//
// The bytes of a twin depend only on its file (no name or time in the
// gzip header, fixed brotli parameters), so the same site gives the same
// twins.

// brotliQuality is the brotli level of the twins. Measured on the
// 9,007,451-byte app.wasm on this project's 2-core build machine:
// quality 9 gives 1,847,320 bytes in 1.3 s, 10 gives 1,674,196 in 11.2 s,
// 11 gives 1,604,974 in 20 s (GNU gzip -9: 2,240,738; Go's gzip at its
// best, which writes the .gz twin, 2,264,280 in 0.8 s). Every build pays
// this, the browser tests' several times, so 9: 18 % below gzip -9 for
// about a second, where 10 would save another 9 % for ten seconds more.
const brotliQuality = 9

// compressible lists the extensions of files worth compressing: text and
// WebAssembly. Images other than SVG are compressed already.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true,
	".webmanifest": true, ".wasm": true, ".svg": true, ".txt": true,
	".xml": true, ".map": true,
}

// twinCodings are the twins' extensions with their compressors.
var twinCodings = []struct {
	ext      string
	compress func([]byte) ([]byte, error)
}{
	{".br", compressBrotli},
	{".gz", compressGzip},
}

// isCompressible reports whether the builder writes twins for a file of
// this name (when they come out smaller than it).
func isCompressible(name string) bool {
	return compressible[strings.ToLower(filepath.Ext(name))]
}

// twinFiles lists the files of a built site that get twins: every file
// the service worker precaches, and the worker itself.
func twinFiles(out, prefix string, precached []string) []string {
	files := []string{filepath.Join(out, "app-worker.js")}
	for _, u := range precached {
		if file, ok := fileForURL(out, prefix, u); ok {
			files = append(files, file)
		}
	}
	files = slices.DeleteFunc(files, func(f string) bool { return !isCompressible(f) })
	slices.Sort(files)
	return slices.Compact(files)
}

// writeTwins writes the twins of files, compressing on every core (the
// largest file first). A twin that is not smaller than its file is not
// written, and one left from an earlier build is removed: a host must
// never find a twin that no longer matches its file.
func writeTwins(files []string) error {
	type job struct {
		file string
		size int
		data []byte
		ext  string
		fn   func([]byte) ([]byte, error)
		err  error
	}
	var jobs []*job
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return &BuildError{Step: "reading for compression", Path: f, Err: err}
		}
		for _, c := range twinCodings {
			jobs = append(jobs, &job{file: f, size: len(data), data: data, ext: c.ext, fn: c.compress})
		}
	}
	order := slices.Clone(jobs)
	slices.SortStableFunc(order, func(a, b *job) int { return b.size - a.size })

	next := make(chan *job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for j := range next {
				j.err = writeTwin(j.file, j.ext, j.data, j.fn)
			}
		})
	}
	for _, j := range order {
		next <- j
	}
	close(next)
	wg.Wait()
	for _, j := range jobs {
		if j.err != nil {
			return j.err
		}
	}
	return nil
}

// writeTwin writes file+ext, data compressed by fn, or removes it when
// the compressed bytes are not smaller than data.
func writeTwin(file, ext string, data []byte, fn func([]byte) ([]byte, error)) error {
	twin := file + ext
	packed, err := fn(data)
	if err != nil {
		return &BuildError{Step: "compressing", Path: file, Err: err}
	}
	if len(packed) >= len(data) {
		if err := os.Remove(twin); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return &BuildError{Step: "removing the old twin", Path: twin, Err: err}
		}
		return nil
	}
	if err := os.WriteFile(twin, packed, 0o644); err != nil {
		return &BuildError{Step: "writing", Path: twin, Err: err}
	}
	return nil
}

// compressGzip is data at gzip's best compression, with a header that
// holds no name and no time.
func compressGzip(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// compressBrotli is data at brotliQuality, with a window just large
// enough for data (from 1 KiB to brotli's 16 MiB), so a decoder need not
// reserve more memory than the file takes.
func compressBrotli(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	bw := brotli.NewWriterOptions(&buf, brotli.WriterOptions{
		Quality: brotliQuality,
		LGWin:   min(max(bits.Len(uint(len(data))), 10), 24),
	})
	bw.Write(data)
	if err := bw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
