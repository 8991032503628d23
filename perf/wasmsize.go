//go:build perf

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

// packageSizes adds up functionSizes by Go package. Data segments
// (strings, tables, type information) are not attributed to packages.
func packageSizes(funcs map[string]int) map[string]int {
	sizes := map[string]int{}
	for name, size := range funcs {
		sizes[packageOf(name)] += size
	}
	return sizes
}

// functionSizesOf is functionSizes of a file.
func functionSizesOf(file string) (map[string]int, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	sizes, err := functionSizes(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return sizes, nil
}

// wasmMagic starts a WebAssembly binary: "\0asm" and version 1.
const wasmMagic = "\x00asm\x01\x00\x00\x00"

// functionSizes returns the bytes of code of each function in a Go
// WebAssembly binary, by name: the size of its body in the code section,
// named by the function names of the "name" section (go tool nm does not
// read wasm binaries). Functions without a name are under "". Only the
// sections it needs are read; a binary cut short or malformed where it
// reads gives an error.
func functionSizes(data []byte) (map[string]int, error) {
	if !bytes.HasPrefix(data, []byte(wasmMagic)) {
		return nil, errors.New("not a WebAssembly binary")
	}
	r := &wasmReader{b: data[len(wasmMagic):]}
	imported := 0
	var bodies []int
	names := map[int]string{}
	for len(r.b) > 0 && r.err == nil {
		id := r.byte()
		sec := &wasmReader{b: r.bytes(int(r.uint()))}
		if r.err != nil {
			break
		}
		switch id {
		case 2: // imports
			imported = sec.imports()
		case 10: // code
			for n := sec.uint(); n > 0 && sec.err == nil; n-- {
				size := int(sec.uint())
				sec.bytes(size)
				bodies = append(bodies, size)
			}
		case 0: // custom
			if sec.name() == "name" {
				sec.functionNames(names)
			}
		}
		if sec.err != nil {
			return nil, fmt.Errorf("section %d: %w", id, sec.err)
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	sizes := map[string]int{}
	for i, size := range bodies {
		sizes[names[imported+i]] += size
	}
	return sizes, nil
}

// packageOf returns the package of a function name as the Go linker
// writes it into a wasm binary, with '/', '(', '*' and ')' as '_':
// "github.com_a_b.__T_.M" is in github.com_a_b, "runtime.__mspan_.init"
// in runtime.
func packageOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	dot := strings.IndexByte(sym, '.')
	if dot < 0 {
		return sym
	}
	// A path starting with a domain keeps the domain's dot: github.com_….
	for _, tld := range []string{"com_", "org_", "net_", "io_", "in_", "dev_"} {
		if strings.HasPrefix(sym[dot+1:], tld) {
			if next := strings.IndexByte(sym[dot+1:], '.'); next >= 0 {
				return sym[:dot+1+next]
			}
			return sym
		}
	}
	return sym[:dot]
}

// sizeDiff is one package's (or function's) code in two binaries.
type sizeDiff struct {
	name string
	a, b int
}

// diffSizes lists the packages (or functions) by how much more code a has
// than b, largest first.
func diffSizes(a, b map[string]int) []sizeDiff {
	var out []sizeDiff
	for p := range a {
		out = append(out, sizeDiff{p, a[p], b[p]})
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, sizeDiff{p, 0, b[p]})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		di, dj := out[i].a-out[i].b, out[j].a-out[j].b
		if di != dj {
			return di > dj
		}
		return out[i].name < out[j].name
	})
	return out
}
