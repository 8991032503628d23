package goappwasm

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

const (
	// Module is go-app's module path.
	Module = "github.com/maxence-charriere/go-app/v10"
	// Version is the go-app release the change was made for; go.mod must
	// require exactly this one.
	Version = "v10.1.11"
)

// Constrained lists the files of go-app's module that the change limits to
// !wasm, with the SHA-256 of each as go-app ships it at Version.
var Constrained = map[string]string{
	"pkg/app/http.go":     "0601189a9f611378e9b24ab4bdf42780a03cbf95c1bbebd4171b523ddbe9a32d",
	"pkg/app/resource.go": "6b52ab4ec2f4171d403384bffe159e9ec22699933e768ef5868f2851a1b84baa",
}

// ShimFile is where the shim goes in the copy.
const ShimFile = "pkg/app/threatcard_shim_wasm.go"

//go:embed shim_wasm.go.txt
var shim []byte

// constraint is prepended to each constrained file.
const constraint = "//go:build !wasm\n\n"

// Workspace makes sure dir holds the changed copy of go-app and a go.work
// using the module at root, and returns the go.work's path. goCmd is the go
// command, used to find (and if need be download) go-app in the module
// cache. A copy already in dir is kept when it was made from the same
// change.
func Workspace(goCmd, root, dir string) (string, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return "", err
	}
	required, err := requiredVersion(goCmd, root)
	if err != nil {
		return "", err
	}
	if required != Version {
		return "", &Error{Op: "check go.mod", Err: fmt.Errorf("go.mod requires %s %s, but the change to it was made for %s: remake it for the new version (internal/goappwasm)", Module, required, Version)}
	}
	source, err := moduleDir(goCmd, root)
	if err != nil {
		return "", err
	}
	if err := Check(os.DirFS(source)); err != nil {
		return "", err
	}
	copyDir := filepath.Join(dir, "go-app@"+Version)
	stamp := filepath.Join(copyDir, ".threatcard-stamp")
	want := stampOf()
	if got, err := os.ReadFile(stamp); err != nil || !bytes.Equal(got, want) {
		if err := makeCopy(source, copyDir); err != nil {
			return "", &Error{Op: "copy " + Module, Err: err}
		}
		if err := os.WriteFile(stamp, want, 0o644); err != nil {
			return "", &Error{Op: "copy " + Module, Err: err}
		}
	}
	work := filepath.Join(dir, "go.work")
	text, err := workFile(goCmd, root, dir)
	if err != nil {
		return "", err
	}
	if old, err := os.ReadFile(work); err != nil || !bytes.Equal(old, text) {
		if err := os.WriteFile(work, text, 0o644); err != nil {
			return "", &Error{Op: "write go.work", Err: err}
		}
	}
	return work, nil
}

// Check reports whether the files the change touches in module (go-app's
// module tree) are exactly those it was made for.
func Check(module fs.FS) error {
	for _, name := range slices.Sorted(maps.Keys(Constrained)) {
		sum := Constrained[name]
		data, err := fs.ReadFile(module, name)
		if err != nil {
			return &Error{Op: "check " + Module, Err: err}
		}
		if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != sum {
			return &Error{Op: "check " + Module, Err: fmt.Errorf("%s is not the file the change was made for (SHA-256 %x, want %s)", name, got, sum)}
		}
	}
	if _, err := fs.Stat(module, ShimFile); err == nil {
		return &Error{Op: "check " + Module, Err: fmt.Errorf("%s already exists", ShimFile)}
	}
	return nil
}

// Apply changes the copy of go-app's module at dir: the constraint on
// each constrained file and the shim beside them.
func Apply(dir string) error {
	for name := range Constrained {
		path := filepath.Join(dir, filepath.FromSlash(name))
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, append([]byte(constraint), data...), 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, filepath.FromSlash(ShimFile)), shim, 0o644)
}

// stampOf identifies the change, so a copy made by another one is remade.
func stampOf() []byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s@%s\n%s", Module, Version, constraint)
	for _, name := range slices.Sorted(maps.Keys(Constrained)) {
		fmt.Fprintf(h, "%s %s\n", name, Constrained[name])
	}
	h.Write(shim)
	return []byte(hex.EncodeToString(h.Sum(nil)) + "\n")
}

// makeCopy copies go-app's go.mod, go.sum, LICENSE and pkg tree (its docs
// are not needed to build) into a fresh dir and applies the change.
func makeCopy(source, dir string) error {
	tmp := dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	for _, name := range []string{"go.mod", "go.sum", "LICENSE", "pkg"} {
		if err := copyTree(filepath.Join(source, name), filepath.Join(tmp, name)); err != nil {
			return err
		}
	}
	if err := Apply(tmp); err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

// copyTree copies a file or a directory tree; the module cache's files are
// read-only, the copies are not.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// workFile is the go.work: the toolchain's own Go version (never older
// than go.mod's), this module, and go-app replaced by the copy. Paths are
// relative to dir, so the tree can move.
func workFile(goCmd, root, dir string) ([]byte, error) {
	version, err := goOutput(goCmd, root, "env", "GOVERSION")
	if err != nil {
		return nil, err
	}
	use, err := filepath.Rel(dir, root)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("// Made by internal/goappwasm: app.wasm's workspace. Do not edit.\n\n")
	fmt.Fprintf(&b, "go %s\n\n", strings.TrimPrefix(strings.TrimSpace(version), "go"))
	fmt.Fprintf(&b, "use %s\n\n", filepath.ToSlash(use))
	fmt.Fprintf(&b, "replace %s %s => ./go-app@%s\n", Module, Version, Version)
	return b.Bytes(), nil
}

// requiredVersion is the go-app version go.mod requires.
func requiredVersion(goCmd, root string) (string, error) {
	out, err := goOutput(goCmd, root, "list", "-m", "-f", "{{.Version}}", Module)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// moduleDir is where go-app at Version is in the module cache, downloading
// it if need be.
func moduleDir(goCmd, root string) (string, error) {
	out, err := goOutput(goCmd, root, "mod", "download", "-json", Module+"@"+Version)
	if err != nil {
		return "", err
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		return "", &Error{Op: "find " + Module, Err: err}
	}
	if m.Error != "" || m.Dir == "" {
		return "", &Error{Op: "find " + Module, Err: fmt.Errorf("go mod download: %s", m.Error)}
	}
	return m.Dir, nil
}

// goOutput runs the go command in root outside any workspace.
func goOutput(goCmd, root string, args ...string) (string, error) {
	cmd := exec.Command(goCmd, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", &Error{Op: goCmd + " " + strings.Join(args, " "), Err: fmt.Errorf("%v: %s", err, bytes.TrimSpace(stderr.Bytes()))}
	}
	return string(out), nil
}
