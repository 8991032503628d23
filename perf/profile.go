//go:build perf

package main

import (
	"sort"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// funcTime is the time a function was seen running in a profile: self on
// top of the stack, total anywhere on it.
type funcTime struct {
	name        string
	self, total time.Duration
}

// profileLoad opens url cold in a fresh profile with Chromium's sampling
// profiler running (every 100 µs) until target is drawn, and returns the
// functions by total time. WebAssembly functions carry their Go names, so
// this shows what runs before the first render.
func profileLoad(chromium, url string, t target) ([]funcTime, error) {
	b, err := startBrowser(chromium, initScript(t), 2*time.Minute)
	if err != nil {
		return nil, err
	}
	defer b.close()
	return profile(b, func() error {
		_, err := rendered(b, url)
		return err
	})
}

// profileInput profiles n changes of measureInput.
func profileInput(chromium, url string, t target, precached int, c change, n int) ([]funcTime, error) {
	b, err := startBrowser(chromium, initScript(t), 5*time.Minute)
	if err != nil {
		return nil, err
	}
	defer b.close()
	if _, err := rendered(b, url); err != nil {
		return nil, err
	}
	if err := waitForWorker(b, precached); err != nil {
		return nil, err
	}
	return profile(b, func() error {
		_, err := makeChanges(b, c, n)
		return err
	})
}

// noteProfile notes the m.profile functions with the most time.
func (m *measurer) noteProfile(what string, funcs []funcTime) {
	m.note("profile: %s: total and self ms of the %d functions with most time", what, m.profile)
	for i, f := range funcs {
		if i == m.profile {
			break
		}
		m.note("profile: %7.1f %7.1f  %s", f.total.Seconds()*1000, f.self.Seconds()*1000, f.name)
	}
}

// profile runs fn with the sampling profiler on.
func profile(b *browser, fn func() error) ([]funcTime, error) {
	if _, err := chromedp.Call(b.tab, profiler.Enable, cdp.Empty{}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(b.tab, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(b.tab, profiler.Start, cdp.Empty{}); err != nil {
		return nil, err
	}
	if err := fn(); err != nil {
		return nil, err
	}
	res, err := chromedp.Call(b.tab, profiler.Stop, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	return funcTimes(res.Profile), nil
}

// funcTimes adds up a profile's samples by function name.
func funcTimes(p *profiler.Profile) []funcTime {
	parent := map[int64]int64{}
	nodes := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		nodes[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	times := map[string]*funcTime{}
	get := func(name string) *funcTime {
		if name == "" {
			name = "(anonymous)"
		}
		t := times[name]
		if t == nil {
			t = &funcTime{name: name}
			times[name] = t
		}
		return t
	}
	for i, id := range p.Samples {
		if i+1 >= len(p.TimeDeltas) {
			break
		}
		d := time.Duration(p.TimeDeltas[i+1]) * time.Microsecond // until the next sample
		seen := map[string]bool{}
		for n, ok := nodes[id], true; ok && n != nil; n, ok = nodes[parent[n.ID]] {
			name := n.CallFrame.FunctionName
			if n.ID == id {
				get(name).self += d
			}
			if !seen[name] {
				seen[name] = true
				get(name).total += d
			}
			if _, has := parent[n.ID]; !has {
				break
			}
		}
	}
	out := make([]funcTime, 0, len(times))
	for _, t := range times {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].total > out[j].total })
	return out
}
