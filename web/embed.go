// Package web holds the app's static assets; threatcard build copies them
// into the site's web/ directory.
package web

import "embed"

// Assets are the files served under /web/ besides app.wasm and the icons,
// which the site builder makes itself.
//
//go:embed threatcard.css trusted-types.js update-watch.js
var Assets embed.FS
