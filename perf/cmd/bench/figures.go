//go:build perf

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/threatcard/threatcard/perf"
)

// Goals of issue 5.
var goals = map[string]perf.Goal{
	"wasm_gzip_ratio":         {Max: 1.15, Inclusive: true},
	"first_render_cold_ratio": {Max: 1.3, Inclusive: true},
	"first_render_warm_ratio": {Max: 1.3, Inclusive: true},
	"input_latency_p95_ms":    {Max: 16, Inclusive: true},
	"seed_link_chars":         {Max: 1024, Inclusive: true},
	"score_only_link_chars":   {Max: 160, Inclusive: true},
	"score_ns_ratio":          {Max: 1.5, Inclusive: true},
	"batch_10k_s":             {Max: 1},
}

// all measures every group asked for and returns the figures in the
// issue's order.
func (m *measurer) all() ([]perf.Figure, error) {
	var figs []perf.Figure
	add := func(name string, value float64, unit string) {
		figs = append(figs, perf.Figure{Name: name, Value: value, Unit: unit, Goal: goals[name]})
	}

	builds := buildSet{
		threatcardWasm: filepath.Join(m.work, "threatcard.wasm"),
		helloWasm:      filepath.Join(m.work, "hello.wasm"),
		native:         filepath.Join(m.work, "threatcard"),
	}
	needWasm := m.want("size") || m.want("render") || m.want("input")
	if needWasm {
		if err := m.buildWasm(builds); err != nil {
			return nil, err
		}
	}
	if m.want("size") {
		ours, err := perf.GzipSize(builds.threatcardWasm)
		if err != nil {
			return nil, err
		}
		hello, err := perf.GzipSize(builds.helloWasm)
		if err != nil {
			return nil, err
		}
		m.note("size: gzip -9 of app.wasm: threatcard %d bytes (raw %d), hello world %d bytes (raw %d)",
			ours, fileSize(builds.threatcardWasm), hello, fileSize(builds.helloWasm))
		if m.split {
			if err := m.splitSize(ours, hello); err != nil {
				return nil, err
			}
		}
		if m.top > 0 || m.topFuncs > 0 {
			if err := m.listSizes(builds); err != nil {
				return nil, err
			}
		}
		add("wasm_gzip_ratio", float64(ours)/float64(hello), "ratio")
		add("wasm_gzip_bytes", float64(ours), "count")
	}
	if m.want("render") {
		cold, warm, err := m.firstRenders(builds)
		if err != nil {
			return nil, err
		}
		add("first_render_cold_ratio", cold, "ratio")
		add("first_render_warm_ratio", warm, "ratio")
	}
	if m.want("input") {
		p95, memory, err := m.inputLatency(builds)
		if err != nil {
			return nil, err
		}
		add("input_latency_p95_ms", p95, "ms")
		add("wasm_memory_mib", memory, "MiB")
	}
	if m.want("links") {
		root := m.root
		_, seed, err := perf.ExampleCard(root)
		if err != nil {
			return nil, err
		}
		scores, err := perf.ScoreOnlyFragment()
		if err != nil {
			return nil, err
		}
		_, withFindings, err := perf.ExampleCardWithFindings(root)
		if err != nil {
			return nil, err
		}
		add("seed_link_chars", float64(len(seed)), "count")
		add("score_only_link_chars", float64(len(scores)), "count")
		add("findings_link_chars", float64(len(withFindings)), "count")
	}
	if m.want("score") {
		var ours, ref float64
		m.timed("benchmarking card.Evaluate against go-cvss ParseVector+Score", func() error {
			ours, ref = perf.ScoreTimes(m.rounds)
			return nil
		})
		m.note("score: card.Evaluate of a full CVSS-BTE card %.0f ns/op; go-cvss ParseVector+Score %.0f ns/op (best of %d rounds)", ours, ref, m.rounds)
		add("score_ns_ratio", ours/ref, "ratio")
	}
	if m.want("batch") {
		if err := m.timed("building the native binary", func() error {
			return m.builder().Native("./cmd/threatcard", builds.native)
		}); err != nil {
			return nil, err
		}
		lines := perf.BatchLines(10_000)
		d, err := perf.TimeBatch(builds.native, lines)
		if err != nil {
			return nil, err
		}
		m.note("batch: threatcard score --batch, 10,000 generated lines (%d bytes): %.3f s wall", len(lines), d.Seconds())
		add("batch_10k_s", d.Seconds(), "s")
	}
	return figs, nil
}

// buildSet names the binaries one run builds.
type buildSet struct {
	threatcardWasm, helloWasm, native string
}

func (m *measurer) builder() perf.Builder {
	return perf.Builder{Go: m.goCmd, Dir: m.root, Flags: m.flags}
}

func (m *measurer) buildWasm(b buildSet) error {
	flags := strings.Join(m.flags, " ")
	if err := m.timed("building threatcard's app.wasm ("+flags+")", func() error {
		return m.builder().Wasm("./cmd/threatcard", b.threatcardWasm)
	}); err != nil {
		return err
	}
	return m.timed("building the hello world's app.wasm ("+flags+")", func() error {
		return m.builder().Wasm("./perf/hello", b.helloWasm)
	})
}

// splitSize builds perf/scoringonly and notes how the bytes threatcard
// adds to the hello world divide between the scoring packages and the rest
// (app/ui, and go-app's code only the page uses), against the allowance
// of the wasm_gzip_ratio goal.
func (m *measurer) splitSize(ours, hello int64) error {
	wasm := filepath.Join(m.work, "scoringonly.wasm")
	if err := m.timed("building the hello world with the scoring packages", func() error {
		return m.builder().Wasm("./perf/scoringonly", wasm)
	}); err != nil {
		return err
	}
	scoring, err := perf.GzipSize(wasm)
	if err != nil {
		return err
	}
	allowed := int64(goals["wasm_gzip_ratio"].Max*float64(hello)) - hello
	added, byScoring := ours-hello, scoring-hello
	m.note("size: threatcard adds %d bytes gzip to the hello world; the goal allows %d", added, allowed)
	m.note("size:   the scoring packages alone (perf/scoringonly) add %d: %.0f %% of the allowance", byScoring, 100*float64(byScoring)/float64(allowed))
	m.note("size:   the page and the rest add %d: %.0f %% of the allowance", added-byScoring, 100*float64(added-byScoring)/float64(allowed))
	return nil
}

// listSizes notes the packages, and with -funcs the functions, that make
// threatcard's wasm bigger than the hello world's, by bytes of code.
func (m *measurer) listSizes(b buildSet) error {
	funcs := map[string]map[string]int{}
	for _, file := range []string{b.threatcardWasm, b.helloWasm} {
		f, err := perf.FunctionSizes(file)
		if err != nil {
			return err
		}
		funcs[file] = f
	}
	ours, hello := perf.PackageSizes(funcs[b.threatcardWasm]), perf.PackageSizes(funcs[b.helloWasm])
	sum := func(s map[string]int) (n int) {
		for _, v := range s {
			n += v
		}
		return n
	}
	m.note("size: function code: threatcard %d bytes, hello world %d bytes; most added:", sum(ours), sum(hello))
	for i, d := range perf.DiffSizes(ours, hello) {
		if i == m.top {
			break
		}
		m.note("size: %+9d  %9d  %s", d.A-d.B, d.A, d.Package)
	}
	if m.topFuncs > 0 {
		m.note("size: functions with the most added code:")
	}
	for i, d := range perf.DiffSizes(funcs[b.threatcardWasm], funcs[b.helloWasm]) {
		if i == m.topFuncs {
			break
		}
		m.note("size: %+9d  %s", d.A-d.B, d.Package)
	}
	return nil
}

func fileSize(name string) int64 {
	info, err := os.Stat(name)
	if err != nil {
		return -1
	}
	return info.Size()
}

// sites builds and serves the two sites.
func (m *measurer) sites(b buildSet) (ours, hello *perf.Site, err error) {
	ours, err = perf.ServeSite(filepath.Join(m.work, "site-threatcard"), b.threatcardWasm)
	if err != nil {
		return nil, nil, err
	}
	hello, err = perf.ServeSite(filepath.Join(m.work, "site-hello"), b.helloWasm)
	if err != nil {
		ours.Close()
		return nil, nil, err
	}
	return ours, hello, nil
}

// helloTarget is the hello world's one element.
var helloTarget = perf.Target{Selector: "#hello", Texts: []string{"Hello"}}

// firstRenders measures both apps m.runs times, each run in a fresh
// profile, alternating which app goes first, and returns the ratios of the
// medians.
func (m *measurer) firstRenders(b buildSet) (coldRatio, warmRatio float64, err error) {
	ours, hello, err := m.sites(b)
	if err != nil {
		return 0, 0, err
	}
	defer ours.Close()
	defer hello.Close()
	example, fragment, err := perf.ExampleCardWithFindings(m.root)
	if err != nil {
		return 0, 0, err
	}
	target := perf.ScoreTarget(example)
	m.note("render: threatcard is drawn when #score shows %q", target.Texts)
	type app struct {
		name   string
		url    string
		target perf.Target
		site   *perf.Site
		cold   []float64
		warm   []float64
	}
	apps := []*app{
		{name: "threatcard", url: ours.URL + "#" + fragment, target: target, site: ours},
		{name: "hello", url: hello.URL, target: helloTarget, site: hello},
	}
	if m.profile > 0 {
		for _, a := range apps {
			funcs, err := perf.ProfileLoad(m.chromium, a.url, a.target)
			if err != nil {
				return 0, 0, fmt.Errorf("profiling %s: %w", a.name, err)
			}
			m.note("profile: %s, cold load until drawn: total and self ms of the %d functions with most time", a.name, m.profile)
			for i, f := range funcs {
				if i == m.profile {
					break
				}
				m.note("profile: %7.1f %7.1f  %s", f.Total.Seconds()*1000, f.Self.Seconds()*1000, f.Name)
			}
		}
	}
	err = m.timed(fmt.Sprintf("first render, %d fresh profiles per app", m.runs), func() error {
		for i := range m.runs {
			order := apps
			if i%2 == 1 {
				order = []*app{apps[1], apps[0]}
			}
			for _, a := range order {
				l, err := perf.MeasureLoads(m.chromium, a.url, a.target, a.site.Precached)
				if err != nil {
					return fmt.Errorf("%s run %d: %w", a.name, i+1, err)
				}
				a.cold = append(a.cold, l.Cold.Frame)
				a.warm = append(a.warm, l.Warm.Frame)
				m.note("render: run %d %-10s cold %s  warm %s", i+1, a.name, phases(l.Cold), phases(l.Warm))
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	for _, a := range apps {
		m.note("render: %-10s median cold %.1f ms, warm %.1f ms", a.name, perf.Median(a.cold), perf.Median(a.warm))
	}
	return perf.Median(apps[0].cold) / perf.Median(apps[1].cold),
		perf.Median(apps[0].warm) / perf.Median(apps[1].warm), nil
}

// inputLatency changes a factor of a complete card m.changes times and
// returns the 95th percentile and the app's WebAssembly memory afterwards,
// in MiB.
func (m *measurer) inputLatency(b buildSet) (p95, mib float64, err error) {
	ours, err := perf.ServeSite(filepath.Join(m.work, "site-threatcard"), b.threatcardWasm)
	if err != nil {
		return 0, 0, err
	}
	defer ours.Close()
	complete, fragment, change, err := perf.CompleteCard(m.root)
	if err != nil {
		return 0, 0, err
	}
	if m.profile > 0 {
		funcs, err := perf.ProfileInput(m.chromium, ours.URL+"#"+fragment, perf.ScoreTarget(complete), ours.Precached, change, 50)
		if err != nil {
			return 0, 0, fmt.Errorf("profiling input: %w", err)
		}
		m.note("profile: 50 factor changes: total and self ms of the %d functions with most time", m.profile)
		for i, f := range funcs {
			if i == m.profile {
				break
			}
			m.note("profile: %7.1f %7.1f  %s", f.Total.Seconds()*1000, f.Self.Seconds()*1000, f.Name)
		}
	}
	var lat perf.Latencies
	err = m.timed(fmt.Sprintf("input latency, %d changes of factor %s (%s ↔ %s)", m.changes, change.Factor, change.From, change.To), func() error {
		lat, err = perf.MeasureInput(m.chromium, ours.URL+"#"+fragment, perf.ScoreTarget(complete), ours.Precached, change, m.changes)
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	for _, l := range []struct {
		what string
		ms   []float64
	}{{"score and fragment", lat.Both}, {"fragment", lat.URL}, {"score", lat.Score}} {
		m.note("input: %-18s p50 %5.1f ms, p90 %5.1f, p95 %5.1f, max %5.1f over %d changes", l.what,
			perf.Percentile(l.ms, 50), perf.Percentile(l.ms, 90), perf.Percentile(l.ms, 95), perf.Percentile(l.ms, 100), len(l.ms))
	}
	if n := len(lat.Both); n >= 100 {
		m.note("input: score and fragment, first 50 changes p50 %.1f ms, p95 %.1f; the rest p50 %.1f ms, p95 %.1f",
			perf.Percentile(lat.Both[:50], 50), perf.Percentile(lat.Both[:50], 95),
			perf.Percentile(lat.Both[50:], 50), perf.Percentile(lat.Both[50:], 95))
	}
	if os.Getenv("PERF_DUMP") != "" {
		m.note("input: all %v", lat.Both)
	}
	return perf.Percentile(lat.Both, 95), float64(lat.MemoryBytes) / (1 << 20), nil
}

// phases shows a render with the times of its phases, in ms.
func phases(r perf.Render) string {
	return fmt.Sprintf("%6.1f ms (compiled %6.1f, main waits %6.1f, DOM %6.1f)", r.Frame, r.Compiled, r.Started, r.DOM)
}
