//go:build !wasm

package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeCommandExitCodes(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"stray argument", []string{"x"}, 2, `unexpected argument "x"`},
		{"bad prefix", []string{"-prefix", "/../"}, 2, "site prefix"},
		{"no site", []string{"-dir", empty}, 1, "has no built site"},
		{"help", []string{"-h"}, 0, "usage: threatcard serve"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"serve"}, tt.args...), strings.NewReader(""), &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d with %q", tt.name, code, stderr.String(), tt.code, tt.stderr)
		}
	}
}

func TestServeSiteAnswersUntilCancelled(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>hi</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var stdout bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- serveSite(ctx, ln, dir, "/repo/", &stdout) }()

	res, err := http.Get("http://" + ln.Addr().String() + "/repo/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != "<p>hi</p>" {
		t.Errorf("GET /repo/: %d %q", res.StatusCode, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serveSite after cancel: %v", err)
	}
	if want := "serving " + dir + " at http://" + ln.Addr().String() + "/repo/"; !strings.Contains(stdout.String(), want) {
		t.Errorf("stdout %q lacks %q", stdout.String(), want)
	}
}
