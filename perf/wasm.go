//go:build perf

package perf

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
)

// Builder compiles the module's packages with one set of flags, so that
// threatcard and the hello-world baseline are built alike.
type Builder struct {
	Go    string   // the go command
	Dir   string   // the module root
	Flags []string // build flags given to every build, e.g. -trimpath
}

// Wasm compiles pkg (a path relative to the module root, "./cmd/threatcard")
// for the browser into out.
func (b Builder) Wasm(pkg, out string) error {
	return b.build(pkg, out, "GOOS=js", "GOARCH=wasm")
}

// Native compiles pkg for this machine into out.
func (b Builder) Native(pkg, out string) error {
	return b.build(pkg, out)
}

func (b Builder) build(pkg, out string, env ...string) error {
	args := append([]string{"build"}, b.Flags...)
	args = append(args, "-o", out, pkg)
	cmd := exec.Command(b.Go, args...)
	cmd.Dir = b.Dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %v: %v\n%s", b.Go, args, err, stderr.Bytes())
	}
	return nil
}

// GzipSize returns the size of file after gzip -9, the compression a
// static host is most likely to apply to app.wasm.
func GzipSize(file string) (int64, error) {
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
