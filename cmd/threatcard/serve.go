//go:build !wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/threatcard/threatcard/internal/site"
	"github.com/threatcard/threatcard/internal/statichost"
)

// runServe serves a built site like a static host until interrupted.
func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "serve [-addr host:port] [-dir dir] [-prefix /path/]", stderr,
		"Serves a built site the way GitHub Pages does, until interrupted.")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := fs.String("dir", "dist", "the built site (threatcard build)")
	prefix := fs.String("prefix", "/", "URL path to serve the site under; must match the -prefix it was built with")
	if status, ok := parseFlagsOnly(fs, args); !ok {
		return status
	}
	p, err := site.NormalizePrefix(*prefix)
	if err != nil {
		fmt.Fprintf(stderr, "threatcard serve: %v\n", err)
		return 2
	}
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		fmt.Fprintf(stderr, "threatcard serve: %s has no built site (run make dist or threatcard build): %v\n", *dir, err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "threatcard serve: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serveSite(ctx, ln, *dir, p, stdout); err != nil {
		fmt.Fprintf(stderr, "threatcard serve: %v\n", err)
		return 1
	}
	return 0
}

// serveSite serves dir under prefix on ln until ctx ends.
func serveSite(ctx context.Context, ln net.Listener, dir, prefix string, stdout io.Writer) error {
	h, err := statichost.New(dir, statichost.Options{Prefix: prefix})
	if err != nil {
		ln.Close()
		return err
	}
	defer h.Close()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %s at http://%s%s (Ctrl-C stops)\n", dir, ln.Addr(), prefix)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			return err
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}
