//go:build perf

package main

import (
	"errors"
	"fmt"
)

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

// uint reads an unsigned LEB128 number of at most 32 bits, the size of
// every count, index and length in the binary format.
func (r *wasmReader) uint() uint64 {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > 1<<32-1 {
				break
			}
			return v
		}
	}
	r.failWith(errors.New("malformed number"))
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

func (r *wasmReader) fail() { r.failWith(errShort) }

func (r *wasmReader) failWith(err error) {
	if r.err == nil {
		r.err = err
	}
	r.b = nil
}

// imports reads an import section and returns how many functions it
// imports: they come first in the function index space.
func (r *wasmReader) imports() int {
	imported := 0
	for n := r.uint(); n > 0 && r.err == nil; n-- {
		r.name() // module
		r.name() // field
		switch kind := r.byte(); kind {
		case 0: // function: its type index
			r.uint()
			imported++
		case 1: // table: element type and limits
			r.byte()
			r.limits()
		case 2: // memory
			r.limits()
		case 3: // global: value type and mutability
			r.byte()
			r.byte()
		default:
			r.failWith(fmt.Errorf("import of unknown kind %d", kind))
		}
	}
	return imported
}

// functionNames reads the subsections of a "name" section into names:
// the function names (subsection 1) by function index; the others are
// skipped.
func (r *wasmReader) functionNames(names map[int]string) {
	for len(r.b) > 0 && r.err == nil {
		sub := r.byte()
		content := &wasmReader{b: r.bytes(int(r.uint()))}
		if r.err != nil || sub != 1 {
			continue
		}
		for n := content.uint(); n > 0 && content.err == nil; n-- {
			idx := int(content.uint())
			names[idx] = content.name()
		}
		if content.err != nil {
			r.failWith(fmt.Errorf("function names: %w", content.err))
		}
	}
}
