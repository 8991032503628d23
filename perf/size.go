//go:build perf

package main

import (
	"path/filepath"
	"slices"
)

// sizeFigures weighs threatcard's app.wasm against the hello world's, the
// stock one (wasm_gzip_ratio) and the same build's
// (wasm_gzip_ratio_same_build), and what threatcard serve sends of it
// (serve_wasm_bytes).
func (m *measurer) sizeFigures(add adder) error {
	b, err := m.wasmBuilds()
	if err != nil {
		return err
	}
	sizes := map[string]int64{}
	for _, file := range []string{b.threatcard, b.hello, b.stockHello} {
		if sizes[file], err = gzipSize(file); err != nil {
			return err
		}
	}
	ours, hello, stock := sizes[b.threatcard], sizes[b.hello], sizes[b.stockHello]
	m.note("size: gzip -9 of app.wasm: threatcard %d bytes (raw %d), hello world same build %d (raw %d), hello world with go-app as released %d (raw %d)",
		ours, fileSize(b.threatcard), hello, fileSize(b.hello), stock, fileSize(b.stockHello))
	if m.split {
		if err := m.splitSize(ours, hello); err != nil {
			return err
		}
	}
	if m.top > 0 || m.topFuncs > 0 {
		if err := m.listSizes(b); err != nil {
			return err
		}
	}
	served, encoding, err := m.servedWasm()
	if err != nil {
		return err
	}
	m.note("size: threatcard serve sends app.wasm to Accept-Encoding \"gzip, br\" as %d bytes, Content-Encoding %q", served, encoding)
	add("wasm_gzip_ratio", float64(ours)/float64(stock), "ratio")
	add("wasm_gzip_ratio_same_build", float64(ours)/float64(hello), "ratio")
	add("wasm_gzip_bytes", float64(ours), "count")
	add("serve_wasm_bytes", float64(served)/float64(ours), "ratio")
	return nil
}

// splitSize builds perf/scoringonly in the same workspace, whole and
// with -tags coreonly, and notes how the bytes threatcard adds to the same
// build's hello world divide between the scoring packages the page needs
// to open, score, edit and share a card, the import, export and compare
// packages, and the rest (app/ui, and go-app's code only the page uses),
// against the allowance of wasm_gzip_ratio_same_build's goal.
func (m *measurer) splitSize(ours, hello int64) error {
	work, err := m.workspace()
	if err != nil {
		return err
	}
	weigh := func(name string, tags ...string) (int64, error) {
		wasm := filepath.Join(m.work, name+".wasm")
		b := m.builder()
		b.flags = append(slices.Clone(b.flags), tags...)
		if err := m.timed("building the hello world with "+name, func() error {
			return b.wasm("./perf/scoringonly", wasm, work)
		}); err != nil {
			return 0, err
		}
		return gzipSize(wasm)
	}
	all, err := weigh("scoringonly")
	if err != nil {
		return err
	}
	core, err := weigh("scoringonly-core", "-tags=coreonly")
	if err != nil {
		return err
	}
	allowed := int64(goals["wasm_gzip_ratio_same_build"].max*float64(hello)) - hello
	share := func(n int64) float64 { return 100 * float64(n) / float64(allowed) }
	added := ours - hello
	m.note("size: threatcard adds %d bytes gzip to the hello world (same build); its goal allows %d", added, allowed)
	m.note("size:   the scoring packages alone (perf/scoringonly) add %d: %.0f %% of the allowance", all-hello, share(all-hello))
	m.note("size:     to open, score, edit and share a card (-tags coreonly) %d: %.0f %%", core-hello, share(core-hello))
	m.note("size:     to import, export and compare %d: %.0f %%", all-core, share(all-core))
	m.note("size:   the page and the rest add %d: %.0f %% of the allowance", ours-all, share(ours-all))
	return nil
}

// listSizes notes the packages, and with -funcs the functions, that make
// threatcard's wasm bigger than the same build's hello world, by bytes of
// code.
func (m *measurer) listSizes(b buildSet) error {
	funcs := map[string]map[string]int{}
	for _, file := range []string{b.threatcard, b.hello} {
		f, err := functionSizesOf(file)
		if err != nil {
			return err
		}
		funcs[file] = f
	}
	ours, hello := packageSizes(funcs[b.threatcard]), packageSizes(funcs[b.hello])
	sum := func(s map[string]int) (n int) {
		for _, v := range s {
			n += v
		}
		return n
	}
	m.note("size: function code: threatcard %d bytes, hello world %d bytes; most added:", sum(ours), sum(hello))
	for i, d := range diffSizes(ours, hello) {
		if i == m.top {
			break
		}
		m.note("size: %+9d  %9d  %s", d.a-d.b, d.a, d.name)
	}
	if m.topFuncs > 0 {
		m.note("size: functions with the most added code:")
	}
	for i, d := range diffSizes(funcs[b.threatcard], funcs[b.hello]) {
		if i == m.topFuncs {
			break
		}
		m.note("size: %+9d  %s", d.a-d.b, d.name)
	}
	return nil
}
