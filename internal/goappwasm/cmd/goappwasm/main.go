// Command goappwasm prepares the workspace that app.wasm is built in (see
// package internal/goappwasm) and prints its go.work's path. The Makefile
// runs it before every wasm build:
//
//	go run ./internal/goappwasm/cmd/goappwasm -dir .cache/goapp-wasm
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/threatcard/threatcard/internal/goappwasm"
)

func main() {
	dir := flag.String("dir", ".cache/goapp-wasm", "directory for the changed go-app and the go.work")
	root := flag.String("root", ".", "threatcard's module root")
	goCmd := flag.String("go", "go", "the go command")
	flag.Parse()
	work, err := goappwasm.Workspace(*goCmd, *root, *dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(work)
}
