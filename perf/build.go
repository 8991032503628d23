//go:build perf

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/threatcard/threatcard/internal/goappwasm"
)

// buildSet names the wasm binaries one run builds. All but stockHello are
// built in app.wasm's workspace (internal/goappwasm), as make wasm builds
// threatcard's; stockHello with go-app as released.
type buildSet struct {
	threatcard string // threatcard's app.wasm, as shipped
	hello      string // perf/hello, same build
	stockHello string // perf/hello with go-app as released (GOWORK=off)
	floor      string // perf/floor, same build
}

// builder compiles the module's packages with one set of flags, so that
// threatcard and its baselines are built alike.
type builder struct {
	goCmd string   // the go command
	dir   string   // the module root
	flags []string // build flags given to every build, e.g. -trimpath
}

// wasm compiles pkg (a path relative to the module root, "./cmd/threatcard")
// for the browser into out, in the workspace goWork ("off": none).
func (b builder) wasm(pkg, out, goWork string) error {
	return b.build(pkg, out, "GOWORK="+goWork, "GOOS=js", "GOARCH=wasm")
}

// native compiles pkg for this machine into out, with go-app unchanged.
func (b builder) native(pkg, out string) error {
	return b.build(pkg, out, "GOWORK=off")
}

func (b builder) build(pkg, out string, env ...string) error {
	args := append([]string{"build"}, b.flags...)
	args = append(args, "-o", out, pkg)
	cmd := exec.Command(b.goCmd, args...)
	cmd.Dir = b.dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s %v: %v\n%s", strings.Join(env, " "), b.goCmd, args, err, stderr.Bytes())
	}
	return nil
}

func (m *measurer) builder() builder {
	return builder{goCmd: m.goCmd, dir: m.root, flags: m.flags}
}

// wasmBuilds builds the wasm binaries once per run: threatcard's app.wasm
// and its baselines.
func (m *measurer) wasmBuilds() (buildSet, error) {
	if m.wasms != nil {
		return *m.wasms, nil
	}
	b := buildSet{
		threatcard: filepath.Join(m.work, "threatcard.wasm"),
		hello:      filepath.Join(m.work, "hello.wasm"),
		stockHello: filepath.Join(m.work, "hello-stock.wasm"),
		floor:      filepath.Join(m.work, "floor.wasm"),
	}
	work, err := m.workspace()
	if err != nil {
		return b, err
	}
	flags := strings.Join(m.flags, " ")
	for _, w := range []struct{ what, pkg, out, goWork string }{
		{"threatcard's app.wasm, as shipped", "./cmd/threatcard", b.threatcard, work},
		{"the hello world in the same workspace", "./perf/hello", b.hello, work},
		{"the hello world with go-app as released (GOWORK=off)", "./perf/hello", b.stockHello, "off"},
		{"the floor page in the same workspace", "./perf/floor", b.floor, work},
	} {
		if err := m.timed("building "+w.what+" ("+flags+")", func() error {
			return m.builder().wasm(w.pkg, w.out, w.goWork)
		}); err != nil {
			return b, err
		}
	}
	m.wasms = &b
	return b, nil
}

// nativeBuild builds the threatcard command for this machine once per run,
// with go-app unchanged: it builds threatcard's site, as make dist does,
// and answers the batch.
func (m *measurer) nativeBuild() (string, error) {
	if m.native != "" {
		return m.native, nil
	}
	bin := filepath.Join(m.work, "threatcard")
	if err := m.timed("building the native binary", func() error {
		return m.builder().native("./cmd/threatcard", bin)
	}); err != nil {
		return "", err
	}
	m.native = bin
	return bin, nil
}

// workspace prepares app.wasm's workspace once per run, the one make wasm
// builds in (.cache/goapp-wasm), and returns its go.work.
func (m *measurer) workspace() (string, error) {
	if m.goWork != "" {
		return m.goWork, nil
	}
	work, err := goappwasm.Workspace(m.goCmd, m.root, filepath.Join(m.root, ".cache", "goapp-wasm"))
	if err != nil {
		return "", err
	}
	m.note("build: app.wasm's workspace is %s (go-app %s without net/http in the browser build)", work, goappwasm.Version)
	m.goWork = work
	return work, nil
}

// gzipSize returns the size of file after gzip -9, the compression a
// static host is most likely to apply to app.wasm.
func gzipSize(file string) (int64, error) {
	cmd := exec.Command("gzip", "-9", "-c", "-n", file)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("gzip: %w", err)
	}
	n, copyErr := io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return 0, fmt.Errorf("gzip -9 %s: %v %s", file, err, stderr.Bytes())
	}
	return n, copyErr
}

func fileSize(name string) int64 {
	info, err := os.Stat(name)
	if err != nil {
		return -1
	}
	return info.Size()
}
