//go:build perf

package perf

import (
	"sort"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// FuncTime is the time a function was seen running in a profile: Self on
// top of the stack, Total anywhere on it.
type FuncTime struct {
	Name        string
	Self, Total time.Duration
}

// ProfileLoad opens url cold in a fresh profile with Chromium's sampling
// profiler running (every 100 µs) until target is drawn, and returns the
// functions by total time. WebAssembly functions carry their Go names, so
// this shows what runs before the first render.
func ProfileLoad(chromium, url string, target Target) ([]FuncTime, error) {
	b, err := StartBrowser(chromium, initScript(target), 2*time.Minute)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return profile(b, func() error {
		_, err := rendered(b, url)
		return err
	})
}

// ProfileInput profiles n changes of MeasureInput.
func ProfileInput(chromium, url string, target Target, precached int, c Change, n int) ([]FuncTime, error) {
	b, err := StartBrowser(chromium, initScript(target), 5*time.Minute)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	if _, err := rendered(b, url); err != nil {
		return nil, err
	}
	if err := waitForWorker(b, precached); err != nil {
		return nil, err
	}
	return profile(b, func() error {
		_, err := changeFactor(b, c, n)
		return err
	})
}

// profile runs fn with the sampling profiler on.
func profile(b *Browser, fn func() error) ([]FuncTime, error) {
	if _, err := chromedp.Call(b.Tab, profiler.Enable, cdp.Empty{}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(b.Tab, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(b.Tab, profiler.Start, cdp.Empty{}); err != nil {
		return nil, err
	}
	if err := fn(); err != nil {
		return nil, err
	}
	res, err := chromedp.Call(b.Tab, profiler.Stop, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	return funcTimes(res.Profile), nil
}

// funcTimes adds up a profile's samples by function name.
func funcTimes(p *profiler.Profile) []FuncTime {
	parent := map[int64]int64{}
	nodes := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		nodes[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	times := map[string]*FuncTime{}
	get := func(name string) *FuncTime {
		if name == "" {
			name = "(anonymous)"
		}
		t := times[name]
		if t == nil {
			t = &FuncTime{Name: name}
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
				get(name).Self += d
			}
			if !seen[name] {
				seen[name] = true
				get(name).Total += d
			}
			if _, has := parent[n.ID]; !has {
				break
			}
		}
	}
	out := make([]FuncTime, 0, len(times))
	for _, t := range times {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Total > out[j].Total })
	return out
}
