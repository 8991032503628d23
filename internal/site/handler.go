package site

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Paths of the files the builder writes into the site's web/ directory.
const (
	pathWasm         = "/web/app.wasm"
	pathStyles       = "/web/threatcard.css"
	pathTrustedTypes = "/web/trusted-types.js" // loaded without defer: it must run before go-app's app.js
	pathUpdateWatch  = "/web/update-watch.js"
	pathIconSVG      = "/web/icon.svg"
	pathIcon192      = "/web/icon-192.png"
	pathIcon512      = "/web/icon-512.png"
	pathIconMaskable = "/web/icon-maskable-512.png"
)

const (
	appName        = "threatcard: AIVSS and MAESTRO threat card"
	appShortName   = "threatcard"
	appDescription = "Score an AI agent with OWASP AIVSS and map its threats on the seven MAESTRO layers, in your browser, offline. A card is shared as one link."
	themeColor     = iconBackground
	backgroundCol  = "#ffffff"
)

// newHandler configures go-app for the site. Every field that go-app would
// otherwise fill with a remote default (the icons) is set to a local file.
func newHandler(prefix, version string, wasmSize int64, pages []string) *app.Handler {
	cacheable := []string{pathIconSVG}
	for _, p := range pages {
		if p != "/" {
			cacheable = append(cacheable, p)
		}
	}
	return &app.Handler{
		Name:        appName,
		ShortName:   appShortName,
		Title:       appShortName,
		Description: appDescription,
		Lang:        "en",
		Icon: app.Icon{
			Default:  pathIcon192,
			Large:    pathIcon512,
			SVG:      pathIconSVG,
			Maskable: pathIconMaskable,
		},
		BackgroundColor:       backgroundCol,
		ThemeColor:            themeColor,
		LoadingLabel:          "Loading threatcard: {progress}%",
		Styles:                []string{pathStyles},
		Scripts:               []string{pathTrustedTypes, pathUpdateWatch},
		CacheableResources:    cacheable,
		Resources:             prefixResolver{prefix: prefix},
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasmSize, 10),
		RawHeaders:            []string{wasmPreload(prefix)},
		ServiceWorkerTemplate: workerTemplate,
	}
}

// wasmPreload starts app.wasm's download while the page's head is still
// being read, rather than once go-app's app.js has run after the styles
// and scripts before it: a round trip or two sooner on a slow link. It
// matches app.js's fetch (mode cors, same-origin credentials), so that
// fetch takes the preloaded response. prefix is normalized (NormalizePrefix
// allows no character that would need escaping in an attribute).
func wasmPreload(prefix string) string {
	href := prefixResolver{prefix: prefix}.Resolve(pathWasm)
	return `<link rel="preload" href="` + href + `" as="fetch" type="application/wasm" crossorigin="anonymous">`
}
