//go:build perf

package main

import (
	"maps"
	"math/rand/v2"
	"testing"
)

// A module written out by hand: one imported function, three defined ones
// with bodies of 2, 5 and 3 bytes, and a name section that names the
// import and two of the three (with a module name before and local names
// after the function names, which the reader skips).
var (
	typeSection   = section(1, vec(1, []byte{0x60, 0x00, 0x00})) // one type: func() -> ()
	importSection = section(2, vec(1, str("go"), str("debug"), []byte{0x00, 0x00}))
	funcSection   = section(3, vec(3, []byte{0x00, 0x00, 0x00}))
	memorySection = section(5, vec(1, []byte{0x00, 0x01})) // one page
	codeSection   = section(10, vec(3,
		body(0x0b),                   // 2 bytes: no locals, end
		body(0x01, 0x01, 0x01, 0x0b), // 5 bytes: three nops, end
		body(0x01, 0x0b),             // 3 bytes
	))
	nameSection = section(0, str("name"),
		subsection(0, str("example")),
		subsection(1, vec(3,
			leb(0), str("go.debug"),
			leb(1), str("main.main"),
			leb(2), str("github.com_threatcard_threatcard_app_ui.__Page_.Render"),
		)),
		subsection(2, vec(0)),
	)
	module = cat([]byte(wasmMagic), typeSection, importSection, funcSection, memorySection, codeSection, nameSection)
)

func TestFunctionSizesReadsTheCodeAndNameSections(t *testing.T) {
	got, err := functionSizes(module)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"main.main": 2,
		"github.com_threatcard_threatcard_app_ui.__Page_.Render": 5,
		"": 3, // the third function has no name
	}
	if !maps.Equal(got, want) {
		t.Errorf("functionSizes = %v, want %v", got, want)
	}
	byPackage := packageSizes(got)
	wantPackages := map[string]int{"main": 2, "github.com_threatcard_threatcard_app_ui": 5, "(unnamed)": 3}
	if !maps.Equal(byPackage, wantPackages) {
		t.Errorf("packageSizes = %v, want %v", byPackage, wantPackages)
	}
}

func TestFunctionSizesWithoutANameSection(t *testing.T) {
	got, err := functionSizes(cat([]byte(wasmMagic), typeSection, importSection, funcSection, codeSection))
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"": 10}; !maps.Equal(got, want) {
		t.Errorf("functionSizes = %v, want %v", got, want)
	}
}

func TestPackageOf(t *testing.T) {
	for sym, want := range map[string]string{
		"runtime.__mspan_.init":                  "runtime",
		"main.main":                              "main",
		"github.com_a_b.__T_.M":                  "github.com_a_b",
		"github.com_a_b.f":                       "github.com_a_b",
		"golang.org_x_text_unicode_norm.nfcTrie": "golang.org_x_text_unicode_norm",
		"internal_reflectlite.Value.Kind":        "internal_reflectlite",
		"wasm_pc_f_loop":                         "wasm_pc_f_loop",
		"":                                       "(unnamed)",
		"github.com_maxence-charriere_go-app_v10": "github.com_maxence-charriere_go-app_v10",
	} {
		if got := packageOf(sym); got != want {
			t.Errorf("packageOf(%q) = %q, want %q", sym, got, want)
		}
	}
}

// A module cut anywhere inside a section is an error; cut between two
// sections it is a shorter valid module. Neither panics.
func TestFunctionSizesOfATruncatedModule(t *testing.T) {
	boundaries := map[int]bool{}
	at := len(wasmMagic)
	boundaries[at] = true
	for _, s := range [][]byte{typeSection, importSection, funcSection, memorySection, codeSection, nameSection} {
		at += len(s)
		boundaries[at] = true
	}
	for n := range len(module) {
		_, err := functionSizes(module[:n])
		if boundaries[n] && err != nil {
			t.Errorf("cut after a section, at %d bytes: %v", n, err)
		}
		if !boundaries[n] && err == nil {
			t.Errorf("cut inside a section, at %d bytes: no error", n)
		}
	}
}

func TestFunctionSizesOfAGarbledModule(t *testing.T) {
	for name, data := range map[string][]byte{
		"not wasm":                     []byte("\x7fELF\x02\x01\x01\x00"),
		"section longer than the file": cat([]byte(wasmMagic), []byte{10, 0x80, 0x80, 0x04}, codeSection),
		"number without end":           cat([]byte(wasmMagic), []byte{10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}),
		"number over 32 bits":          cat([]byte(wasmMagic), []byte{10, 0xff, 0xff, 0xff, 0xff, 0x7f}),
		"body longer than its section": cat([]byte(wasmMagic), section(10, vec(1, []byte{0x7f, 0x00, 0x0b}))),
		"unknown import kind":          cat([]byte(wasmMagic), section(2, vec(1, str("go"), str("x"), []byte{0x09, 0x00}))),
		"name past its subsection": cat([]byte(wasmMagic), codeSection,
			section(0, str("name"), subsection(1, vec(1, leb(0), []byte{0x40, 'm'})))),
		"custom section without a name": cat([]byte(wasmMagic), []byte{0, 1, 0x05}),
	} {
		if _, err := functionSizes(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// Bytes changed at random give an answer or an error, never a panic.
	r := rand.New(rand.NewPCG(13, 13))
	for range 2000 {
		data := append([]byte(nil), module...)
		for range 1 + r.IntN(4) {
			data[len(wasmMagic)+r.IntN(len(data)-len(wasmMagic))] = byte(r.IntN(256))
		}
		functionSizes(data)
	}
}

// The binary format's pieces.

func leb(n int) []byte {
	var b []byte
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func str(s string) []byte { return cat(leb(len(s)), []byte(s)) }

// vec is a vector of n elements, given already encoded.
func vec(n int, elems ...[]byte) []byte { return cat(leb(n), cat(elems...)) }

func section(id byte, content ...[]byte) []byte {
	c := cat(content...)
	return cat([]byte{id}, leb(len(c)), c)
}

func subsection(id byte, content []byte) []byte { return cat([]byte{id}, leb(len(content)), content) }

// body is a function body with no locals and the given instructions.
func body(code ...byte) []byte {
	b := cat([]byte{0x00}, code)
	return cat(leb(len(b)), b)
}
