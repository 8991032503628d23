package ui

import (
	"fmt"
	"os"
	"runtime/debug"
)

// recovered runs fn and returns the panic it raised, if any, as a *PanicError.
// In WebAssembly an unrecovered panic ends the Go runtime and leaves a dead
// page, so every entry point from the browser into our code goes through here.
func recovered(during string, fn func()) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{During: during, Value: v}
			logPanic(err, debug.Stack())
		}
	}()
	fn()
	return nil
}

// logPanic reports a caught panic with its stack. In the browser, stderr is
// the console, where a bug report can copy it from; the page shows only the
// short message.
var logPanic = func(err error, stack []byte) {
	fmt.Fprintf(os.Stderr, "threatcard: %v\n%s", err, stack)
}
