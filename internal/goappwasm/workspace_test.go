package goappwasm

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// moduleRoot is threatcard's module root, two levels up.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestGoModRequiresTheGoAppVersionTheChangeWasMadeFor(t *testing.T) {
	got, err := requiredVersion("go", moduleRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	if got != Version {
		t.Errorf("go.mod requires %s %s; the change in this package was made for %s", Module, got, Version)
	}
}

func TestPinnedGoAppFilesAreThoseTheChangeWasMadeFor(t *testing.T) {
	dir, err := moduleDir("go", moduleRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := Check(os.DirFS(dir)); err != nil {
		t.Error(err)
	}
}

func TestCheckRefusesAChangedFileOrAnExistingShim(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"http.go changed", fstest.MapFS{
			"pkg/app/http.go":     {Data: []byte("package app\n")},
			"pkg/app/resource.go": {Data: []byte("package app\n")},
		}, "pkg/app/http.go is not the file the change was made for"},
		{"resource.go missing", fstest.MapFS{
			"pkg/app/http.go": {Data: []byte("package app\n")},
		}, "pkg/app/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.files)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Check: %v, want an *Error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check: %q, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestApplyConstrainsTheTwoFilesAndAddsTheShim(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pkg", "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name := range Constrained {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("package app\n\nimport \"net/http\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Apply(dir); err != nil {
		t.Fatal(err)
	}
	for name := range Constrained {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if want := "//go:build !wasm\n\npackage app\n\nimport \"net/http\"\n"; string(data) != want {
			t.Errorf("%s after Apply:\n%s\nwant:\n%s", name, data, want)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, ShimFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "//go:build wasm\n") || !strings.Contains(string(data), "type Handler struct{}") {
		t.Errorf("%s is not the wasm-only shim:\n%s", ShimFile, data)
	}
}

// The workspace's browser build must not link net/http, and go-app's
// package must compile in it (the shim declares all the other files need).
// The unchanged build links net/http, so the test would see a regression.
func TestBrowserBuildInTheWorkspaceLeavesOutNetHTTP(t *testing.T) {
	root := moduleRoot(t)
	work, err := Workspace("go", root, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	deps := func(gowork string) map[string]bool {
		cmd := exec.Command("go", "list", "-deps", "./cmd/threatcard")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+gowork)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list -deps (GOWORK=%s): %v", gowork, err)
		}
		set := map[string]bool{}
		for _, p := range strings.Fields(string(out)) {
			set[p] = true
		}
		return set
	}
	stock, changed := deps("off"), deps(work)
	for _, pkg := range []string{"net/http", "crypto/tls"} {
		if !stock[pkg] {
			t.Errorf("the stock browser build no longer links %s: is the change still needed?", pkg)
		}
		if changed[pkg] {
			t.Errorf("the workspace's browser build links %s", pkg)
		}
	}
	cmd := exec.Command("go", "build", "-trimpath", "-o", os.DevNull, Module+"/pkg/app")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+work)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("building go-app's package app in the workspace: %v\n%s", err, out)
	}
}
