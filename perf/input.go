//go:build perf

package main

import (
	"fmt"
	"os"
)

// floorChange is the floor page's keystroke: a click of its one button.
var floorChange = change{button: "floor-change"}

// floorTarget is the floor page's number as first drawn.
var floorTarget = target{selector: "#score-value", texts: []string{"0"}}

// inputFigures measures m.changes changes in the floor page, then in
// threatcard on a complete card, each in a fresh profile, timed the same
// way (measureInput), and gives the ratio of their 95th percentiles,
// threatcard's own, and the app's WebAssembly memory afterwards in MiB.
func (m *measurer) inputFigures(add adder) error {
	complete, fragment, ch, err := completeCard(m.root)
	if err != nil {
		return err
	}
	floor, err := m.inputLatency(appFloor, "", floorTarget, floorChange)
	if err != nil {
		return err
	}
	ours, err := m.inputLatency(appThreatcard, "#"+fragment, scoreTarget(complete), ch)
	if err != nil {
		return err
	}
	p95, floorP95 := percentile(ours.both, 95), percentile(floor.both, 95)
	m.note("input: p95 threatcard %.1f ms, the floor page %.1f ms", p95, floorP95)
	add("input_latency_ratio", p95/floorP95, "ratio")
	add("input_latency_p95_ms", p95, "ms")
	add("wasm_memory_mib", float64(ours.memoryBytes)/(1<<20), "MiB")
	return nil
}

// inputLatency serves app, opens it at fragment and makes m.changes of c
// (with -profile, profiles 50 of them first, in another profile), noting
// the percentiles.
func (m *measurer) inputLatency(app, fragment string, t target, c change) (latencies, error) {
	s, err := m.serve(app)
	if err != nil {
		return latencies{}, err
	}
	defer s.close()
	url := s.url + fragment
	if m.profile > 0 {
		funcs, err := profileInput(m.chromium, url, t, s.precached, c, 50)
		if err != nil {
			return latencies{}, fmt.Errorf("profiling input of %s: %w", app, err)
		}
		m.noteProfile(app+", 50 "+c.String(), funcs)
	}
	var lat latencies
	err = m.timed(fmt.Sprintf("input latency of %s, %d %s", app, m.changes, c), func() error {
		lat, err = measureInput(m.chromium, url, t, s.precached, c, m.changes)
		return err
	})
	if err != nil {
		return latencies{}, err
	}
	for _, l := range []struct {
		what string
		ms   []float64
	}{{"score and fragment", lat.both}, {"fragment", lat.url}, {"score", lat.score}} {
		m.note("input: %-10s %-18s p50 %5.1f ms, p90 %5.1f, p95 %5.1f, max %5.1f over %d changes", app, l.what,
			percentile(l.ms, 50), percentile(l.ms, 90), percentile(l.ms, 95), percentile(l.ms, 100), len(l.ms))
	}
	if n := len(lat.both); n >= 100 {
		m.note("input: %-10s score and fragment, first 50 changes p50 %.1f ms, p95 %.1f; the rest p50 %.1f ms, p95 %.1f", app,
			percentile(lat.both[:50], 50), percentile(lat.both[:50], 95),
			percentile(lat.both[50:], 50), percentile(lat.both[50:], 95))
	}
	if os.Getenv("PERF_DUMP") != "" {
		m.note("input: %s all %v", app, lat.both)
	}
	return lat, nil
}
