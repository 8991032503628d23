//go:build perf

package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// throttled is the network Chromium emulates for the throttled first
// render, for every request of the tab: 20 Mbit/s down, 5 Mbit/s up (the
// protocol takes bytes per second) and 40 ms from a request to its
// response's headers.
var throttled = network.Conditions{
	Latency:            40,
	DownloadThroughput: 20e6 / 8,
	UploadThroughput:   5e6 / 8,
}

// fetchTiming is the Resource Timing of one response, in page
// milliseconds and bytes.
type fetchTiming struct {
	RequestStart    float64 `json:"requestStart"`
	ResponseStart   float64 `json:"responseStart"`
	ResponseEnd     float64 `json:"responseEnd"`
	EncodedBodySize float64 `json:"encodedBodySize"`
	DecodedBodySize float64 `json:"decodedBodySize"`
	ContentEncoding string  `json:"contentEncoding"` // as the browser got it
}

// least is the shortest time the throttled network allows from the
// request to the response's last byte: the latency, then the encoded body
// at the bandwidth.
func (f fetchTiming) least() float64 {
	return throttled.Latency + f.EncodedBodySize/throttled.DownloadThroughput*1000
}

// took is the time from the request to the response's last byte.
func (f fetchTiming) took() float64 { return f.ResponseEnd - f.RequestStart }

// throttledLoad is a cold first render on the throttled network, with the
// timings of the two responses it waits for: the page and app.wasm.
type throttledLoad struct {
	render
	Document fetchTiming `json:"document"`
	Wasm     fetchTiming `json:"wasm"`
}

// measureThrottledLoad opens url cold in a new browser with an empty
// profile whose tab emulates the throttled network from before the
// navigation. It fails when the page's timings show the emulation did not
// apply: the page or app.wasm came sooner than the latency and the
// bandwidth allow. (Chromium holds back the end of a response, not its
// headers: a small response's headers come at once, its last byte after
// the latency.)
func measureThrottledLoad(chromium, url string, t target) (throttledLoad, error) {
	var l throttledLoad
	b, err := startBrowser(chromium, initScript(t), 2*time.Minute)
	if err != nil {
		return l, err
	}
	defer b.close()
	if _, err := chromedp.Call(b.tab, network.Enable, network.EnableParams{}); err != nil {
		return l, err
	}
	conditions := throttled
	if _, err := chromedp.Call(b.tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{&conditions},
	}); err != nil {
		return l, fmt.Errorf("emulating the network: %w", err)
	}
	if _, err := rendered(b, url); err != nil {
		return l, err
	}
	l, err = eval[throttledLoad](b, `window.__perfRendered.then((r) => {
  const pick = (e) => e && {requestStart: e.requestStart, responseStart: e.responseStart, responseEnd: e.responseEnd,
    encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize, contentEncoding: e.contentEncoding || ""};
  const wasm = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname.endsWith("/web/app.wasm"));
  return {...r, document: pick(performance.getEntriesByType("navigation")[0]), wasm: pick(wasm)};
})`)
	if err != nil {
		return l, err
	}
	if l.Wasm.ResponseEnd == 0 || l.Wasm.EncodedBodySize == 0 {
		return l, fmt.Errorf("the page has no Resource Timing of app.wasm")
	}
	for _, f := range []struct {
		what string
		t    fetchTiming
	}{{"the page", l.Document}, {"app.wasm", l.Wasm}} {
		if f.t.took() < 0.9*f.t.least() {
			return l, fmt.Errorf("%s (%.0f bytes) came in %.1f ms, where %.0f ms latency and %.0f bytes/s allow no less than %.1f: the emulation did not apply",
				f.what, f.t.EncodedBodySize, f.t.took(), throttled.Latency, throttled.DownloadThroughput, f.t.least())
		}
	}
	return l, nil
}

// throttledFigure is first_render_throttled_ratio: the three apps' cold
// first renders on the throttled network, m.runs fresh profiles each,
// alternating as the other first renders; threatcard's median over the
// stock hello world's, and on stderr over the same build's.
func (m *measurer) throttledFigure(add adder) error {
	apps, closeAll, err := m.firstRenderApps()
	if err != nil {
		return err
	}
	defer closeAll()
	m.note("throttled: Chromium emulates %.0f Mbit/s down, %.0f Mbit/s up and %.0f ms latency (Network.emulateNetworkConditionsByRule, every request of the tab)",
		throttled.DownloadThroughput*8/1e6, throttled.UploadThroughput*8/1e6, throttled.Latency)
	encodings := map[string][]string{}
	offersBr := false
	err = m.timed(fmt.Sprintf("throttled first render, %d fresh profiles per app", m.runs), func() error {
		for i := range m.runs {
			for _, a := range rotated(apps, i) {
				a.server.wasmResponses() // forget earlier ones
				l, err := measureThrottledLoad(m.chromium, a.url, a.target)
				if err != nil {
					return fmt.Errorf("%s run %d: %w", a.name, i+1, err)
				}
				a.cold = append(a.cold, l.Frame)
				w := l.Wasm
				d := l.Document
				m.note("throttled: run %d %-11s cold %s; page %.0f bytes %s in %.0f ms (no less than %.0f), app.wasm %.0f bytes %s (%.0f decoded) from %.0f to %.0f ms (%.0f; no less than %.0f)",
					i+1, a.name, phases(l.render), d.EncodedBodySize, d.ContentEncoding, d.took(), d.least(),
					w.EncodedBodySize, w.ContentEncoding, w.DecodedBodySize, w.RequestStart, w.ResponseEnd, w.took(), w.least())
				responses := a.server.wasmResponses()
				for _, r := range responses {
					offersBr = offersBr || strings.Contains(r.acceptEncoding, "br")
					e := fmt.Sprintf("%d requests for app.wasm in a load (the page's, and the service worker's precache), Accept-Encoding %q → Content-Encoding %q, %d bytes",
						len(responses), r.acceptEncoding, r.contentEncoding, r.bytes)
					if !slices.Contains(encodings[a.name], e) {
						encodings[a.name] = append(encodings[a.name], e)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, a := range apps {
		m.note("throttled: %-11s median cold %.1f ms; %s",
			a.name, median(a.cold), strings.Join(encodings[a.name], "; "))
	}
	if !offersBr {
		m.note("throttled: Chromium offered no br for app.wasm over http://127.0.0.1 (Accept-Encoding without br), so no brotli twin could be sent to it here")
	}
	ours, hello, stock := apps[0], apps[1], apps[2]
	m.note("throttled: threatcard over the same build's hello world: %.3f", median(ours.cold)/median(hello.cold))
	add("first_render_throttled_ratio", median(ours.cold)/median(stock.cold), "ratio")
	return nil
}
