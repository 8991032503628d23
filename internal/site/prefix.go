package site

import (
	"fmt"
	"strings"
)

// NormalizePrefix checks the URL path the site is served under and returns it
// with a leading and a trailing slash: "" and "/" give "/", "repo" and "/repo"
// give "/repo/". Only unreserved URL characters are allowed in a segment.
func NormalizePrefix(prefix string) (string, error) {
	trimmed := strings.Trim(prefix, "/")
	if trimmed == "" {
		return "/", nil
	}
	for _, seg := range strings.Split(trimmed, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", &PrefixError{Prefix: prefix, Reason: "empty, . or .. path segment"}
		}
		for _, r := range seg {
			if !unreserved(r) {
				return "", &PrefixError{Prefix: prefix, Reason: fmt.Sprintf("character %q in segment %q is not allowed", r, seg)}
			}
		}
	}
	return "/" + trimmed + "/", nil
}

func unreserved(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r == '-' || r == '.' || r == '_' || r == '~'
}

// prefixResolver is go-app's ResourceResolver for a site under a path
// prefix. Unlike app.GitHubPages, it maps the root to the prefix WITH its
// trailing slash: GitHub Pages redirects "/repo" to "/repo/", and a service
// worker cannot answer a page load with a cached redirect, so precaching
// "/repo" leaves the app unusable offline.
type prefixResolver struct {
	prefix string // normalized: "/" or "/repo/"
}

func (r prefixResolver) Resolve(location string) string {
	if strings.HasPrefix(location, "https://") || strings.HasPrefix(location, "http://") {
		return location
	}
	return r.prefix + strings.TrimPrefix(location, "/")
}
