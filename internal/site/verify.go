package site

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Verify checks a built site and returns the URLs its service worker
// precaches. It finds:
//   - a precached URL with no file (one such file makes the worker's install
//     fail, and without the check go-app's worker activated with an empty
//     cache: offline silently broken) or outside the site's prefix;
//   - a page without the security policy first in <head>, with an inline
//     script, inline style or inline event handler, or loading a script,
//     style, icon or image from anywhere but the site itself;
//   - a manifest whose scope or icons do not match the site.
func Verify(out, prefix string) ([]string, error) {
	prefix, err := NormalizePrefix(prefix)
	if err != nil {
		return nil, err
	}
	var problems []Problem
	add := func(file, format string, args ...any) {
		problems = append(problems, Problem{File: file, Detail: fmt.Sprintf(format, args...)})
	}

	worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		return nil, &VerifyError{Dir: out, Problems: []Problem{{File: "app-worker.js", Detail: err.Error()}}}
	}
	urls, err := precacheList(worker)
	if err != nil {
		return nil, &VerifyError{Dir: out, Problems: []Problem{{File: "app-worker.js", Detail: err.Error()}}}
	}
	if len(urls) == 0 {
		add("app-worker.js", "precaches nothing")
	}
	for _, u := range urls {
		file, ok := fileForURL(out, prefix, u)
		if !ok {
			add("app-worker.js", "precaches %s, which the site does not have", u)
			continue
		}
		if strings.HasSuffix(file, ".html") {
			rel, _ := filepath.Rel(out, file)
			for _, d := range checkPage(file, prefix) {
				add(filepath.ToSlash(rel), "%s", d)
			}
		}
	}
	for _, d := range checkManifest(out, prefix) {
		add("manifest.webmanifest", "%s", d)
	}
	if len(problems) > 0 {
		return nil, &VerifyError{Dir: out, Problems: problems}
	}
	return urls, nil
}

// fileForURL maps a site URL path to its file, the way static hosts do: the
// prefix itself is index.html, and "x" may be x, x.html or x/index.html.
func fileForURL(out, prefix, u string) (string, bool) {
	if !strings.HasPrefix(u, prefix) {
		return "", false
	}
	rel := strings.TrimPrefix(u, prefix)
	candidates := []string{rel, rel + ".html", strings.TrimSuffix(rel, "/") + "/index.html"}
	if rel == "" {
		candidates = []string{"index.html"}
	}
	for _, c := range candidates {
		if !filepath.IsLocal(filepath.FromSlash(c)) {
			continue
		}
		p := filepath.Join(out, filepath.FromSlash(c))
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p, true
		}
	}
	return "", false
}

var (
	tagPattern    = regexp.MustCompile(`(?is)<([a-z][a-z0-9-]*)\b([^>]*)>`)
	attrPattern   = regexp.MustCompile(`(?is)([a-z_:][-a-z0-9_:.]*)(?:\s*=\s*"([^"]*)")?`)
	cspMetaPrefix = `<meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="`
)

// checkPage lists what is wrong with one generated page.
func checkPage(file, prefix string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return []string{err.Error()}
	}
	page := string(data)
	var found []string
	head := strings.Index(page, "<head>")
	if head < 0 || !strings.HasPrefix(strings.TrimSpace(page[head+len("<head>"):]), cspMetaPrefix+Policy+`">`) {
		found = append(found, "the Content-Security-Policy is not the first element of <head>")
	}
	if n := strings.Count(page, `http-equiv="Content-Security-Policy"`); n != 1 {
		found = append(found, fmt.Sprintf("%d Content-Security-Policy elements, want 1", n))
	}
	for _, tag := range tagPattern.FindAllStringSubmatch(page, -1) {
		name := strings.ToLower(tag[1])
		attrs := map[string]string{}
		for _, a := range attrPattern.FindAllStringSubmatch(tag[2], -1) {
			attr := strings.ToLower(a[1])
			attrs[attr] = a[2]
			if strings.HasPrefix(attr, "on") {
				found = append(found, fmt.Sprintf("<%s> has an inline event handler %s", name, attr))
			}
			if attr == "style" {
				found = append(found, fmt.Sprintf("<%s> has an inline style", name))
			}
		}
		switch name {
		case "style":
			found = append(found, "<style> element: styles must come from a file")
		case "script":
			if attrs["src"] == "" {
				found = append(found, "inline <script>: scripts must come from a file")
			} else if !strings.HasPrefix(attrs["src"], prefix) {
				found = append(found, fmt.Sprintf("<script> loads %s, outside the site", attrs["src"]))
			}
		case "link", "img":
			for _, attr := range []string{"href", "src", "srcset"} {
				if v, ok := attrs[attr]; ok && !strings.HasPrefix(v, prefix) {
					found = append(found, fmt.Sprintf("<%s %s> loads %s, outside the site", name, attr, v))
				}
			}
		}
	}
	return found
}

// checkManifest lists what is wrong with the manifest.
func checkManifest(out, prefix string) []string {
	data, err := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if err != nil {
		return []string{err.Error()}
	}
	var m struct {
		Scope    string `json:"scope"`
		StartURL string `json:"start_url"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return []string{err.Error()}
	}
	var found []string
	if m.Scope != prefix || m.StartURL != prefix {
		found = append(found, fmt.Sprintf("scope %q and start_url %q, want both %q", m.Scope, m.StartURL, prefix))
	}
	if len(m.Icons) == 0 {
		found = append(found, "no icons")
	}
	for _, icon := range m.Icons {
		if _, ok := fileForURL(out, prefix, icon.Src); !ok {
			found = append(found, fmt.Sprintf("icon %s does not exist", icon.Src))
		}
	}
	return found
}
