package site

import (
	"errors"
	"testing"
)

func TestNormalizePrefix(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", "/"},
		{"/", "/"},
		{"repo", "/repo/"},
		{"/repo", "/repo/"},
		{"/repo/", "/repo/"},
		{"/org/threat-card_v1.2~x/", "/org/threat-card_v1.2~x/"},
	}
	for _, tt := range tests {
		got, err := NormalizePrefix(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalizePrefix(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNormalizePrefixRejects(t *testing.T) {
	for _, in := range []string{"/a//b/", "/a/../b", "/./", "/a b/", "/a?x/", "/a#b", "/ä/", `/a\b/`, "/a%2f/"} {
		_, err := NormalizePrefix(in)
		var pe *PrefixError
		if !errors.As(err, &pe) || pe.Prefix != in {
			t.Errorf("NormalizePrefix(%q) error = %v, want a *PrefixError naming the prefix", in, err)
		}
	}
}

func TestPrefixResolverKeepsTheTrailingSlashOfTheRoot(t *testing.T) {
	tests := []struct {
		prefix, in, want string
	}{
		{"/", "/", "/"},
		{"/", "/web/app.wasm", "/web/app.wasm"},
		{"/", "/app.js", "/app.js"},
		{"/repo/", "/", "/repo/"},
		{"/repo/", "", "/repo/"},
		{"/repo/", "/web", "/repo/web"},
		{"/repo/", "/web/app.wasm", "/repo/web/app.wasm"},
		{"/repo/", "/app-worker.js", "/repo/app-worker.js"},
		{"/repo/", "https://example.org/x.png", "https://example.org/x.png"},
	}
	for _, tt := range tests {
		if got := (prefixResolver{prefix: tt.prefix}).Resolve(tt.in); got != tt.want {
			t.Errorf("prefix %q: Resolve(%q) = %q, want %q", tt.prefix, tt.in, got, tt.want)
		}
	}
}
