//go:build perf

package main

// goals are the figures' goals (issues 5 and 13); a figure not named here
// is reported only.
var goals = map[string]goal{
	"wasm_gzip_ratio":                  {max: 1.0, inclusive: true},
	"wasm_gzip_ratio_same_build":       {max: 1.3, inclusive: true},
	"serve_wasm_bytes":                 {max: 1.0, inclusive: true},
	"first_render_cold_ratio":          {max: 1.3, inclusive: true},
	"first_render_warm_ratio":          {max: 1.3, inclusive: true},
	"first_render_cold_vs_stock_ratio": {max: 1.05, inclusive: true},
	"first_render_throttled_ratio":     {max: 1.25, inclusive: true},
	"input_latency_ratio":              {max: 1.25, inclusive: true},
	"seed_link_chars":                  {max: 1024, inclusive: true},
	"score_only_link_chars":            {max: 160, inclusive: true},
	"score_ns_ratio":                   {max: 1.5, inclusive: true},
	"batch_10k_s":                      {max: 1},
}

// adder records a figure.
type adder func(name string, value float64, unit string)

// all measures every group asked for and returns the figures in the
// order make bench prints them.
func (m *measurer) all() ([]figure, error) {
	var figs []figure
	add := func(name string, value float64, unit string) {
		figs = append(figs, figure{name: name, value: value, unit: unit, goal: goals[name]})
	}
	for _, g := range []struct {
		group   string
		measure func(adder) error
	}{
		{"size", m.sizeFigures},
		{"render", m.renderFigures},
		{"throttled", m.throttledFigure},
		{"input", m.inputFigures},
		{"links", m.linkFigures},
		{"score", m.scoreFigure},
		{"batch", m.batchFigure},
	} {
		if !m.want(g.group) {
			continue
		}
		if err := g.measure(add); err != nil {
			return nil, err
		}
	}
	return figs, nil
}
