//go:build wasm

// In the browser, threatcard is the web app: the same routes that
// `threatcard build` prerendered, now live. None of the command line is
// compiled in (main.go and the subcommands are built only without wasm).
package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/app/ui"
)

func main() {
	ui.Register()
	ui.PollUpdates(time.Hour)
	app.RunWhenOnBrowser()
}
