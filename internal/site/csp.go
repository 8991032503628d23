package site

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"sort"
)

// Policy is the Content-Security-Policy of every page. It is delivered in a
// <meta> element, which works on hosts that allow no headers (GitHub Pages);
// frame-ancestors, report-uri and sandbox have no effect there, so they are
// left out. go-app's pages load only same-origin files, have no inline
// script or style, and compile WebAssembly, which needs 'wasm-unsafe-eval'
// (not 'unsafe-eval'). Trusted Types make every HTML-string and script-URL
// sink fail closed; the only policy allowed is web/trusted-types.js's
// "default", which lets go-app register the service worker and nothing else.
const Policy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self'; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"worker-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"require-trusted-types-for 'script'; " +
	"trusted-types default"

// charsetMeta is where the policy goes: first in <head> after the charset,
// so it covers every script and style the page loads.
var charsetMeta = []byte(`<meta charset="UTF-8">`)

// securityMeta is inserted after charsetMeta.
var securityMeta = []byte(`<meta http-equiv="Content-Security-Policy" content="` + Policy + `">` +
	`<meta name="referrer" content="no-referrer">`)

// placeholderMeta matches go-app's Open Graph lines for the page URL and
// image; without a domain (the site may be hosted anywhere) they hold a
// bare "https://", which helps no one.
var placeholderMeta = regexp.MustCompile(`(?m)^[ \t]*<meta content="[^"]*" property="og:(?:url|image)">\r?\n`)

// securePage makes a generated page deterministic and adds the security
// <meta> elements to it.
func securePage(file string) error {
	page, err := os.ReadFile(file)
	if err != nil {
		return &BuildError{Step: "reading page", Path: file, Err: err}
	}
	page, err = sortAttributes(page)
	if err != nil {
		return &BuildError{Step: "normalizing", Path: file, Err: err}
	}
	if n := bytes.Count(page, charsetMeta); n != 1 {
		return &BuildError{Step: "adding the security policy to", Path: file,
			Err: fmt.Errorf("expected one %s, found %d (did go-app's page layout change?)", charsetMeta, n)}
	}
	if bytes.Contains(page, []byte(`http-equiv="Content-Security-Policy"`)) {
		return &BuildError{Step: "adding the security policy to", Path: file, Err: fmt.Errorf("page already has a policy")}
	}
	page = bytes.Replace(page, charsetMeta, append(append([]byte{}, charsetMeta...), securityMeta...), 1)
	page = placeholderMeta.ReplaceAll(page, nil)
	if err := os.WriteFile(file, page, 0o644); err != nil {
		return &BuildError{Step: "writing page", Path: file, Err: err}
	}
	return nil
}

var (
	// openTag matches a start tag as go-app writes it: attribute values are
	// double-quoted and contain no '>'.
	openTag = regexp.MustCompile(`<([a-z][a-z0-9-]*)((?:\s[^>]*)?)>`)
	// attribute matches one attribute of a start tag, with or without a
	// quoted value (go-app quotes with strconv.Quote, so \" may occur).
	attribute = regexp.MustCompile(`\s+([^\s="]+)(="(?:[^"\\]|\\.)*")?`)
)

// sortAttributes rewrites every start tag with its attributes in name order.
// go-app writes them from a map, in random order, and a build must give the
// same bytes each time for the content hash to be stable.
func sortAttributes(page []byte) ([]byte, error) {
	var failure error
	out := openTag.ReplaceAllFunc(page, func(tag []byte) []byte {
		m := openTag.FindSubmatch(tag)
		attrs := attribute.FindAllSubmatch(m[2], -1)
		parsed := 0
		for _, a := range attrs {
			parsed += len(a[0])
		}
		if parsed != len(bytes.TrimRight(m[2], " \t\n")) && failure == nil {
			failure = fmt.Errorf("cannot read the attributes of %s", tag)
		}
		sort.SliceStable(attrs, func(i, j int) bool {
			return bytes.Compare(attrs[i][1], attrs[j][1]) < 0
		})
		var list []byte
		for _, a := range attrs {
			list = append(append(append(list, ' '), a[1]...), a[2]...)
		}
		return []byte("<" + string(m[1]) + string(list) + ">")
	})
	return out, failure
}
