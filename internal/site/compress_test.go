package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Build writes app.wasm.gz beside app.wasm: gzip of exactly its bytes,
// and the same bytes for the same binary.
func TestBuildWritesTheCompressedTwinOfAppWasm(t *testing.T) {
	dir, _ := buildSite(t, "/")
	twin, err := os.ReadFile(filepath.Join(dir, "web", "app.wasm.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(twin))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(got, fakeWasm) {
		t.Errorf("app.wasm.gz holds %q (%v), want app.wasm's %q", got, err, fakeWasm)
	}
	dir2, _ := buildSite(t, "/")
	twin2, err := os.ReadFile(filepath.Join(dir2, "web", "app.wasm.gz"))
	if err != nil || !bytes.Equal(twin, twin2) {
		t.Errorf("two builds of one binary wrote different app.wasm.gz (%v)", err)
	}
}
