//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildCommandExitCodes(t *testing.T) {
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	if err := os.WriteFile(wasm, []byte("\x00asm"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"unknown flag", []string{"-nope"}, 2, "", "flag provided but not defined"},
		{"stray argument", []string{"-out", out, "extra"}, 2, "", `unexpected argument "extra"`},
		{"bad prefix", []string{"-out", out, "-wasm", wasm, "-prefix", "/a b/"}, 1, "", `site prefix "/a b/"`},
		{"missing wasm", []string{"-out", out, "-wasm", filepath.Join(out, "none.wasm")}, 1, "", "reading the WebAssembly binary"},
		{"help", []string{"-h"}, 0, "", "usage: threatcard build"},
		{"ok", []string{"-out", out, "-wasm", wasm, "-prefix", "/threatcard"}, 0, "for /threatcard/: version 0.1.0+", ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"build"}, tt.args...), strings.NewReader(""), &stdout, &stderr)
		if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
				tt.name, code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatalf("the successful build wrote no index.html: %v", err)
	}
	if !bytes.Contains(page, []byte(`id="calculator"`)) {
		t.Error("index.html does not prerender the app's page (no #calculator)")
	}
}
