package site

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fakeWasm stands in for app.wasm: the builder only copies, measures and
// hashes it.
var fakeWasm = []byte("\x00asm\x01\x00\x00\x00 not a real module")

// heading is a one-element page that stands in for the app's.
type heading struct {
	app.Compo
	id, text string
}

func (h *heading) Render() app.UI { return app.H1().ID(h.id).Text(h.text) }

// testRoutes route / to a heading.
func testRoutes(id, text string) []Route {
	return []Route{{Path: "/", New: func() app.Composer { return &heading{id: id, text: text} }}}
}

func buildSite(t *testing.T, prefix string) (string, Result) {
	t.Helper()
	return buildSiteWith(t, prefix, testRoutes("test-page", "Test page"))
}

func buildSiteWith(t *testing.T, prefix string, routes []Route) (string, Result) {
	t.Helper()
	dir := t.TempDir()
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	if err := os.WriteFile(wasm, fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(Options{Out: dir, Prefix: prefix, Wasm: wasm, Routes: routes})
	if err != nil {
		t.Fatalf("Build(prefix %q): %v", prefix, err)
	}
	return dir, res
}

// The page is the caller's: a site built with one route prerenders that
// route's component, and a second build in the same process with another
// component at the same path prerenders the second (the baselines of make
// bench are built beside threatcard's site). Nothing of threatcard's page
// is in the body.
func TestBuildPrerendersTheRoutesItIsGiven(t *testing.T) {
	first, _ := buildSiteWith(t, "/", testRoutes("first", "First page"))
	second, _ := buildSiteWith(t, "/", testRoutes("second", "Second page"))
	for _, tt := range []struct {
		dir, want, other string
	}{
		{first, `<h1 id="first">First page</h1>`, `id="second"`},
		{second, `<h1 id="second">Second page</h1>`, `id="first"`},
	} {
		page := readFile(t, tt.dir, "index.html")
		body := page[strings.Index(page, "<body"):]
		if !strings.Contains(body, tt.want) {
			t.Errorf("index.html does not prerender %s:\n%s", tt.want, body)
		}
		for _, unwanted := range []string{tt.other, "AIVSS", "MAESTRO", `id="score"`, "calculator"} {
			if strings.Contains(body, unwanted) {
				t.Errorf("index.html's body has %q, which is not the given route's", unwanted)
			}
		}
	}
}

func TestBuildNeedsRoutes(t *testing.T) {
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	if err := os.WriteFile(wasm, fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, routes := range map[string][]Route{
		"none":         nil,
		"no component": {{Path: "/"}},
		"no slash":     {{Path: "page", New: func() app.Composer { return &heading{} }}},
	} {
		_, err := Build(Options{Out: t.TempDir(), Wasm: wasm, Routes: routes})
		var be *BuildError
		if !errors.As(err, &be) || be.Step != "routing pages" {
			t.Errorf("%s: error %v, want a *BuildError of routing pages", name, err)
		}
	}
}

func TestBuildPrecachesEveryFileOfTheSite(t *testing.T) {
	for _, prefix := range []string{"/", "/threatcard/"} {
		dir, res := buildSite(t, prefix)
		want := []string{"", "app.css", "app.js", "manifest.webmanifest", "wasm_exec.js",
			"web/app.wasm", "web/icon-192.png", "web/icon-512.png", "web/icon-maskable-512.png",
			"web/icon.svg", "web/threatcard.css", "web/trusted-types.js", "web/update-watch.js"}
		for i := range want {
			want[i] = prefix + want[i]
		}
		got := slices.Sorted(slices.Values(res.Precached))
		if !slices.Equal(got, want) {
			t.Errorf("prefix %s: precached\n%q\nwant\n%q", prefix, got, want)
		}
		if res.WasmSize != int64(len(fakeWasm)) {
			t.Errorf("prefix %s: WasmSize %d, want %d", prefix, res.WasmSize, len(fakeWasm))
		}
		copied, err := os.ReadFile(filepath.Join(dir, "web", "app.wasm"))
		if err != nil || string(copied) != string(fakeWasm) {
			t.Errorf("prefix %s: web/app.wasm not copied: %v", prefix, err)
		}
	}
}

func TestBuildVersionIsReleasePlusStableContentHash(t *testing.T) {
	_, a := buildSite(t, "/")
	_, b := buildSite(t, "/")
	_, c := buildSite(t, "/other/")
	if !regexp.MustCompile(`^0\.1\.0\+[0-9a-f]{12}$`).MatchString(a.Version) {
		t.Errorf("version %q, want release 0.1.0 plus 12 hex digits", a.Version)
	}
	if a.Version != b.Version {
		t.Errorf("two builds of the same input: versions %q and %q differ", a.Version, b.Version)
	}
	if a.Version == c.Version {
		t.Errorf("builds for / and /other/ share version %q, but their files differ", a.Version)
	}
}

func TestBuildPageHasPolicyFirstAndOnlyLocalResources(t *testing.T) {
	dir, res := buildSite(t, "/threatcard/")
	page := readFile(t, dir, "index.html")
	head := page[strings.Index(page, "<head>")+len("<head>"):]
	wantFirst := `<meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="` +
		`default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; ` +
		`font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; ` +
		`base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types default">` +
		`<meta name="referrer" content="no-referrer">`
	if !strings.HasPrefix(strings.TrimSpace(head), wantFirst) {
		t.Errorf("<head> does not start with the policy:\n%s", head[:min(len(head), 400)])
	}
	for _, want := range []string{
		`<script defer src="/threatcard/wasm_exec.js"></script>`,
		`<script defer src="/threatcard/app.js"></script>`,
		`<script src="/threatcard/web/trusted-types.js"></script>`,
		`<script src="/threatcard/web/update-watch.js"></script>`,
		`<link href="/threatcard/manifest.webmanifest" rel="manifest">`,
		`<link href="/threatcard/web/icon.svg" rel="icon">`,
		`<link href="/threatcard/web/threatcard.css" rel="stylesheet" type="text/css">`,
		`<img alt="wasm loader icon" class="goapp-logo goapp-spin" id="app-wasm-loader-icon" src="/threatcard/web/icon-192.png">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	for _, unwanted := range []string{"https://", "http://", "og:url", "og:image", "<style"} {
		if strings.Contains(page, unwanted) {
			t.Errorf("index.html contains %q", unwanted)
		}
	}
	appJS := readFile(t, dir, "app.js")
	for _, want := range []string{
		`"GOAPP_ROOT_PREFIX":"/threatcard/"`,
		`"GOAPP_STATIC_RESOURCES_URL":"/threatcard/web"`,
		`"GOAPP_VERSION":"` + res.Version + `"`,
		`const goappWasmContentLength = "` + itoa(len(fakeWasm)) + `";`,
		`fetchWithProgress("/threatcard/web/app.wasm"`,
		`"/threatcard/app-worker.js"`,
	} {
		if !strings.Contains(appJS, want) {
			t.Errorf("app.js lacks %s", want)
		}
	}
	worker := readFile(t, dir, "app-worker.js")
	if !strings.Contains(worker, `const version = "`+res.Version+`";`) {
		t.Errorf("app-worker.js does not carry version %s", res.Version)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestBuildManifestIsScopedToThePrefix(t *testing.T) {
	dir, _ := buildSite(t, "/threatcard/")
	var m struct {
		ID, Scope, Display string
		StartURL           string `json:"start_url"`
		ThemeColor         string `json:"theme_color"`
		BackgroundColor    string `json:"background_color"`
		Icons              []struct{ Src, Sizes, Type, Purpose string }
	}
	if err := json.Unmarshal([]byte(readFile(t, dir, "manifest.webmanifest")), &m); err != nil {
		t.Fatal(err)
	}
	if m.ID != "/threatcard/" || m.Scope != "/threatcard/" || m.StartURL != "/threatcard/" || m.Display != "standalone" {
		t.Errorf("id %q scope %q start_url %q display %q; want /threatcard/ thrice and standalone", m.ID, m.Scope, m.StartURL, m.Display)
	}
	if m.ThemeColor != "#1d3557" || m.BackgroundColor != "#ffffff" {
		t.Errorf("colours %s/%s", m.ThemeColor, m.BackgroundColor)
	}
	var maskable, png512, png192, svg bool
	for _, icon := range m.Icons {
		switch {
		case icon.Src == "/threatcard/web/icon-maskable-512.png" && icon.Purpose == "maskable" && icon.Sizes == "512x512":
			maskable = true
		case icon.Src == "/threatcard/web/icon-512.png" && icon.Sizes == "512x512" && icon.Type == "image/png":
			png512 = true
		case icon.Src == "/threatcard/web/icon-192.png" && icon.Sizes == "192x192" && icon.Type == "image/png":
			png192 = true
		case icon.Src == "/threatcard/web/icon.svg" && icon.Type == "image/svg+xml":
			svg = true
		}
	}
	if !maskable || !png512 || !png192 || !svg {
		t.Errorf("icons %+v: want maskable 512, 512, 192 PNG and SVG", m.Icons)
	}
}

func TestBuildFailsWithoutWasm(t *testing.T) {
	_, err := Build(Options{Out: t.TempDir(), Wasm: filepath.Join(t.TempDir(), "missing.wasm"), Routes: testRoutes("x", "x")})
	var be *BuildError
	if !errors.As(err, &be) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Build without app.wasm: error %v, want a *BuildError wrapping ErrNotExist", err)
	}
}

func TestVerifyFindsBrokenSites(t *testing.T) {
	tests := []struct {
		name   string
		breaks func(dir string) error
		want   string // in a problem's text
	}{
		{"missing precached file", func(dir string) error {
			return os.Remove(filepath.Join(dir, "web", "icon-512.png"))
		}, "precaches /web/icon-512.png, which the site does not have"},
		{"inline script", func(dir string) error {
			return edit(dir, "index.html", "</head>", "<script>alert(1)</script></head>")
		}, "inline <script>"},
		{"remote script", func(dir string) error {
			return edit(dir, "index.html", "</head>", `<script src="https://cdn.example/x.js"></script></head>`)
		}, "loads https://cdn.example/x.js, outside the site"},
		{"remote stylesheet", func(dir string) error {
			return edit(dir, "index.html", "</head>", `<link href="https://fonts.example/f.css" rel="stylesheet"></head>`)
		}, "loads https://fonts.example/f.css, outside the site"},
		{"inline handler", func(dir string) error {
			return edit(dir, "index.html", "<body>", `<body onload="x()">`)
		}, "inline event handler onload"},
		{"inline style", func(dir string) error {
			return edit(dir, "index.html", "<body>", `<body style="color:red">`)
		}, "inline style"},
		{"no policy", func(dir string) error {
			return edit(dir, "index.html", `<meta http-equiv="Content-Security-Policy"`, `<meta http-equiv="X-Nothing"`)
		}, "Content-Security-Policy is not the first element"},
		{"wrong manifest scope", func(dir string) error {
			return edit(dir, "manifest.webmanifest", `"scope": "/"`, `"scope": "/x/"`)
		}, `scope "/x/"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, _ := buildSite(t, "/")
			if err := tt.breaks(dir); err != nil {
				t.Fatal(err)
			}
			_, err := Verify(dir, "/")
			var ve *VerifyError
			if !errors.As(err, &ve) {
				t.Fatalf("Verify: %v, want a *VerifyError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Verify error\n%v\ndoes not mention %q", err, tt.want)
			}
		})
	}
}

func edit(dir, name, old, new string) error {
	p := filepath.Join(dir, name)
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if !strings.Contains(string(data), old) {
		return errors.New(name + " lacks " + old)
	}
	return os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The page asks for app.wasm as soon as its head is read, at the URL and
// in the mode go-app's app.js fetches it with, under any prefix.
func TestBuildPagePreloadsTheWasmAppJSFetches(t *testing.T) {
	for _, prefix := range []string{"/", "/threatcard/"} {
		dir, _ := buildSite(t, prefix)
		page := readFile(t, dir, "index.html")
		want := `<link as="fetch" crossorigin="anonymous" href="` + prefix + `web/app.wasm" rel="preload" type="application/wasm">`
		if !strings.Contains(page, want) {
			t.Errorf("prefix %s: index.html lacks %s", prefix, want)
		}
		if appJS := readFile(t, dir, "app.js"); !strings.Contains(appJS, `fetchWithProgress("`+prefix+`web/app.wasm"`) {
			t.Errorf("prefix %s: app.js does not fetch %sweb/app.wasm, which the page preloads", prefix, prefix)
		}
	}
}
