package site

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
)

// writeGzipTwin writes Out/web/app.wasm.gz, app.wasm at gzip's best
// compression, which threatcard serve (internal/statichost) sends to a
// browser that accepts gzip: some 2.7 MB instead of 9. Static hosts that
// compress on their own (GitHub Pages does) ignore it. The bytes depend
// only on app.wasm (no name or time in the header), so the same binary
// gives the same file.
func writeGzipTwin(out string) error {
	src := filepath.Join(out, "web", "app.wasm")
	data, err := os.ReadFile(src)
	if err != nil {
		return &BuildError{Step: "compressing the WebAssembly binary", Path: src, Err: err}
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return &BuildError{Step: "compressing the WebAssembly binary", Path: src, Err: err}
	}
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return &BuildError{Step: "compressing the WebAssembly binary", Path: src, Err: err}
	}
	dst := src + ".gz"
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		return &BuildError{Step: "writing the compressed WebAssembly binary", Path: dst, Err: err}
	}
	return nil
}
