//go:build perf

package perf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

// PackageSizes adds up FunctionSizes by Go package. Data segments
// (strings, tables, type information) are not attributed to packages.
func PackageSizes(funcs map[string]int) map[string]int {
	sizes := map[string]int{}
	for name, size := range funcs {
		sizes[packageOf(name)] += size
	}
	return sizes
}

// FunctionSizes returns the bytes of code of each function in a Go
// WebAssembly binary, read from the code section and the function names in
// the "name" section. (go tool nm does not read wasm binaries.)
func FunctionSizes(file string) (map[string]int, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte("\x00asm\x01\x00\x00\x00")) {
		return nil, fmt.Errorf("%s: not a WebAssembly binary", file)
	}
	r := &wasmReader{b: data[8:]}
	imported := 0
	var bodies []int
	names := map[int]string{}
	for len(r.b) > 0 && r.err == nil {
		id := r.byte()
		sec := &wasmReader{b: r.bytes(int(r.uint()))}
		switch id {
		case 2: // imports
			for n := sec.uint(); n > 0 && sec.err == nil; n-- {
				sec.name()
				sec.name()
				switch sec.byte() {
				case 0: // function
					sec.uint()
					imported++
				case 1: // table
					sec.byte()
					sec.limits()
				case 2: // memory
					sec.limits()
				case 3: // global
					sec.byte()
					sec.byte()
				}
			}
		case 10: // code
			for n := sec.uint(); n > 0 && sec.err == nil; n-- {
				size := int(sec.uint())
				sec.bytes(size)
				bodies = append(bodies, size)
			}
		case 0: // custom
			if sec.name() != "name" {
				continue
			}
			for len(sec.b) > 0 && sec.err == nil {
				sub := sec.byte()
				content := &wasmReader{b: sec.bytes(int(sec.uint()))}
				if sub != 1 {
					continue
				}
				for n := content.uint(); n > 0 && content.err == nil; n-- {
					idx := int(content.uint())
					names[idx] = content.name()
				}
			}
		}
		if sec.err != nil {
			return nil, fmt.Errorf("%s: section %d: %w", file, id, sec.err)
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("%s: %w", file, r.err)
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

// SizeDiff is one package's (or function's) code in two binaries.
type SizeDiff struct {
	Package string
	A, B    int
}

// DiffSizes lists the packages (or functions) by how much more code a has
// than b, largest first.
func DiffSizes(a, b map[string]int) []SizeDiff {
	var out []SizeDiff
	for p := range a {
		out = append(out, SizeDiff{p, a[p], b[p]})
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, SizeDiff{p, 0, b[p]})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		di, dj := out[i].A-out[i].B, out[j].A-out[j].B
		if di != dj {
			return di > dj
		}
		return out[i].Package < out[j].Package
	})
	return out
}

// wasmReader reads the WebAssembly binary encoding; the first error sticks.
type wasmReader struct {
	b   []byte
	err error
}

var errShort = errors.New("unexpected end of data")

func (r *wasmReader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *wasmReader) uint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.fail()
	return 0
}

func (r *wasmReader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *wasmReader) name() string { return string(r.bytes(int(r.uint()))) }

func (r *wasmReader) limits() {
	if r.byte()&1 != 0 {
		r.uint()
	}
	r.uint()
}

func (r *wasmReader) fail() {
	if r.err == nil {
		r.err = errShort
	}
	r.b = nil
}
