//go:build perf

package main

import "fmt"

// helloTarget is the hello world's one element.
var helloTarget = target{selector: "#hello", texts: []string{"Hello"}}

// loadedApp is one app whose first renders are measured: its site, the
// address it is opened at, and what shows it has rendered.
type loadedApp struct {
	name   string
	url    string
	target target
	server *server
	cold   []float64
	warm   []float64
}

// firstRenderApps serves threatcard (on the example card with findings),
// the same build's hello world and the stock hello world, in that order;
// closeAll closes the servers.
func (m *measurer) firstRenderApps() (apps []*loadedApp, closeAll func(), err error) {
	example, fragment, err := exampleCardWithFindings(m.root)
	if err != nil {
		return nil, nil, err
	}
	closeAll = func() {
		for _, a := range apps {
			a.server.close()
		}
	}
	for _, a := range []struct {
		name, fragment string
		target         target
	}{
		{appThreatcard, "#" + fragment, scoreTarget(example)},
		{appHello, "", helloTarget},
		{appStockHello, "", helloTarget},
	} {
		s, err := m.serve(a.name)
		if err != nil {
			closeAll()
			return nil, nil, err
		}
		apps = append(apps, &loadedApp{name: a.name, url: s.url + a.fragment, target: a.target, server: s})
	}
	m.note("render: threatcard is drawn when #score shows %q; the hello worlds when #hello shows \"Hello\"", apps[0].target.texts)
	return apps, closeAll, nil
}

// rotated is apps in the order of run i: each run starts with the next app.
func rotated[T any](apps []T, i int) []T {
	k := i % len(apps)
	return append(append([]T{}, apps[k:]...), apps[:k]...)
}

// renderFigures measures the three apps' first renders m.runs times, each
// run in a fresh profile, the apps alternating (the first of a run is the
// second of the one before), and gives the ratios of the medians:
// threatcard against the same build's hello world, cold and warm, and
// cold against the stock hello world.
func (m *measurer) renderFigures(add adder) error {
	apps, closeAll, err := m.firstRenderApps()
	if err != nil {
		return err
	}
	defer closeAll()
	if m.profile > 0 {
		for _, a := range apps[:2] {
			funcs, err := profileLoad(m.chromium, a.url, a.target)
			if err != nil {
				return fmt.Errorf("profiling %s: %w", a.name, err)
			}
			m.noteProfile(a.name+", cold load until drawn", funcs)
		}
	}
	err = m.timed(fmt.Sprintf("first render, %d fresh profiles per app", m.runs), func() error {
		for i := range m.runs {
			for _, a := range rotated(apps, i) {
				l, err := measureLoads(m.chromium, a.url, a.target, a.server.precached)
				if err != nil {
					return fmt.Errorf("%s run %d: %w", a.name, i+1, err)
				}
				a.cold = append(a.cold, l.cold.Frame)
				a.warm = append(a.warm, l.warm.Frame)
				m.note("render: run %d %-11s cold %s  warm %s", i+1, a.name, phases(l.cold), phases(l.warm))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, a := range apps {
		m.note("render: %-11s median cold %.1f ms, warm %.1f ms", a.name, median(a.cold), median(a.warm))
	}
	ours, hello, stock := apps[0], apps[1], apps[2]
	add("first_render_cold_ratio", median(ours.cold)/median(hello.cold), "ratio")
	add("first_render_warm_ratio", median(ours.warm)/median(hello.warm), "ratio")
	add("first_render_cold_vs_stock_ratio", median(ours.cold)/median(stock.cold), "ratio")
	return nil
}

// phases shows a render with the times of its phases, in ms.
func phases(r render) string {
	return fmt.Sprintf("%6.1f ms (compiled %6.1f, main waits %6.1f, DOM %6.1f)", r.Frame, r.Compiled, r.Started, r.DOM)
}
