//go:build js && wasm

package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// In-browser tests of the share bar (Chromium, through wasmbrowsertest). The
// browser features the bar uses (clipboard, Blob URLs, print) are replaced
// by recording stand-ins in JavaScript, so that the bar's real code runs.

func shareEl(id string) app.Value {
	return app.Window().Get("document").Call("getElementById", id)
}

func shareTextOf(t *testing.T, id string) string {
	t.Helper()
	el := shareEl(id)
	if !el.Truthy() {
		t.Fatalf("no element #%s in the page", id)
	}
	return el.Get("textContent").String()
}

func shareClick(t *testing.T, e app.TestEngine, id string) {
	t.Helper()
	el := shareEl(id)
	if !el.Truthy() {
		t.Fatalf("no element #%s to click", id)
	}
	el.Call("click")
	e.ConsumeAll()
}

// shareWaitFor lets the browser's event loop run (promises resolve there)
// until done reports true, for at most five seconds.
func shareWaitFor(t *testing.T, e app.TestEngine, what string, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		e.ConsumeAll()
		if done() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("still waiting for %s", what)
}

// pageBase is the test page's address without query and fragment, as a
// shared link starts.
func pageBase() string {
	loc := app.Window().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String()
}

// stubClipboard puts a navigator.clipboard in place whose writeText records
// what it is given, then resolves, or rejects with reason when reason is not
// "". Without clipboard (present false), the page has no clipboard at all.
func stubClipboard(t *testing.T, present bool, reason string) *[]string {
	t.Helper()
	win := app.Window()
	var written []string
	desc := win.Get("Object").New()
	desc.Set("configurable", true)
	if present {
		write := app.FuncOf(func(_ app.Value, args []app.Value) any {
			written = append(written, args[0].String())
			if reason != "" {
				return win.Get("Promise").Call("reject", win.Get("Error").New(reason))
			}
			return win.Get("Promise").Call("resolve")
		})
		t.Cleanup(write.Release)
		clipboard := win.Get("Object").New()
		clipboard.Set("writeText", write)
		desc.Set("value", clipboard)
	} else {
		desc.Set("value", app.Undefined())
	}
	win.Get("Object").Call("defineProperty", win.Get("navigator"), "clipboard", desc)
	t.Cleanup(func() { win.Get("Reflect").Call("deleteProperty", win.Get("navigator"), "clipboard") })
	return &written
}

func TestCopyLinkWritesTheCardsLinkToTheClipboard(t *testing.T) {
	written := stubClipboard(t, true, "")
	e := mountShare(t, &ShareBar{Card: shareCard(t, gptImage2Link)})

	shareClick(t, e, "share-copy-link")
	shareWaitFor(t, e, "the copy to be confirmed", func() bool {
		return shareTextOf(t, "share-status") != ""
	})

	if want := pageBase() + "#" + gptImage2Link; len(*written) != 1 || (*written)[0] != want {
		t.Errorf("clipboard got %q, want [%q]", *written, want)
	}
	if got := shareTextOf(t, "share-status"); got != "Link copied to the clipboard." {
		t.Errorf("status %q", got)
	}
	if shareEl("share-fallback-text").Truthy() {
		t.Error("the copy-by-hand field is shown although the copy worked")
	}
}

func TestCopyMarkdownWritesTheTicketSummaryWithTheLink(t *testing.T) {
	written := stubClipboard(t, true, "")
	e := mountShare(t, &ShareBar{Card: shareCard(t, gptImage2Link)})

	shareClick(t, e, "share-copy-markdown")
	shareWaitFor(t, e, "the copy to be confirmed", func() bool {
		return shareTextOf(t, "share-status") != ""
	})

	if len(*written) != 1 {
		t.Fatalf("clipboard got %d writes, want 1", len(*written))
	}
	first, _, _ := strings.Cut((*written)[0], "\n")
	want := "**GPT Image 2** — AIVSS incomplete, missing CVSS, ThM, MF (AgentReady threat-model cards) · [Open the threatcard](" +
		pageBase() + "#" + gptImage2Link + ")"
	if first != want {
		t.Errorf("first line of the Markdown\n%q\nwant\n%q", first, want)
	}
	if got := shareTextOf(t, "share-status"); got != "Markdown copied to the clipboard." {
		t.Errorf("status %q", got)
	}
}

func TestWithoutAClipboardTheLinkIsSelectedInAReadOnlyField(t *testing.T) {
	tests := []struct {
		name    string
		present bool
		reason  string
		status  string
	}{
		{"no clipboard API", false, "",
			"Not copied: this browser does not let the page write to the clipboard. The link is selected in the field below; press Ctrl+C (⌘C on a Mac) to copy it."},
		{"the browser refuses", true, "Document is not focused.",
			"Not copied: the browser refused to write to the clipboard: Document is not focused. The link is selected in the field below; press Ctrl+C (⌘C on a Mac) to copy it."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stubClipboard(t, tt.present, tt.reason)
			e := mountShare(t, &ShareBar{Card: shareCard(t, halfFilledLink)})

			shareClick(t, e, "share-copy-link")
			shareWaitFor(t, e, "the copy-by-hand field", func() bool {
				return shareEl("share-fallback-text").Truthy()
			})

			want := pageBase() + "#" + halfFilledLink
			field := shareEl("share-fallback-text")
			if got := field.Get("value").String(); got != want {
				t.Errorf("field holds %q, want %q", got, want)
			}
			if !field.Get("readOnly").Bool() {
				t.Error("the field is not read-only")
			}
			active := app.Window().Get("document").Get("activeElement")
			if active.Get("id").String() != "share-fallback-text" ||
				field.Get("selectionStart").Int() != 0 || field.Get("selectionEnd").Int() != len(want) {
				t.Errorf("focus on #%s, selection %d–%d; want the whole field (0–%d) selected and focused",
					active.Get("id").String(), field.Get("selectionStart").Int(), field.Get("selectionEnd").Int(), len(want))
			}
			if got := shareTextOf(t, "share-status"); got != tt.status {
				t.Errorf("status %q\nwant   %q", got, tt.status)
			}

			shareClick(t, e, "share-fallback-close")
			if shareEl("share-fallback-text").Truthy() {
				t.Error("Hide left the field")
			}
		})
	}
}

type download struct {
	name, href string
	blob       app.Value
}

// stubDownloads records the Blob URLs made and the <a download> links
// clicked instead of letting the browser save files.
func stubDownloads(t *testing.T) *[]download {
	t.Helper()
	win := app.Window()
	urls := win.Get("URL")
	blobs := map[string]app.Value{}
	var got []download
	create := app.FuncOf(func(_ app.Value, args []app.Value) any {
		href := "blob:threatcard-test/" + strconv.Itoa(len(blobs)+1)
		blobs[href] = args[0]
		return href
	})
	click := app.FuncOf(func(this app.Value, _ []app.Value) any {
		href := this.Get("href").String()
		got = append(got, download{name: this.Call("getAttribute", "download").String(), href: href, blob: blobs[href]})
		return nil
	})
	anchor := win.Get("HTMLAnchorElement").Get("prototype")
	origCreate, origClick := urls.Get("createObjectURL"), anchor.Get("click")
	urls.Set("createObjectURL", create)
	anchor.Set("click", click)
	t.Cleanup(func() {
		urls.Set("createObjectURL", origCreate)
		anchor.Set("click", origClick)
		create.Release()
		click.Release()
	})
	return &got
}

// blobText reads a Blob's text, which the browser hands over in a promise.
func blobText(t *testing.T, blob app.Value) string {
	t.Helper()
	text := make(chan string, 1)
	blob.Call("text").Then(func(v app.Value) { text <- v.String() })
	select {
	case s := <-text:
		return s
	case <-time.After(5 * time.Second):
		t.Fatal("the Blob's text never came")
		return ""
	}
}

func TestDownloadsSaveTheExportsUnderTheTitlesName(t *testing.T) {
	// The expected files are scoring/export's hand-written JSON and badge of
	// the ticket triage bot.
	const wantBadge = `<svg xmlns="http://www.w3.org/2000/svg" width="119" height="20" viewBox="0 0 119 20" role="img">
<title>AIVSS 9.6 Critical (OWASP AIVSS v0.8) — Ticket triage bot</title>
<rect width="47" height="20" fill="#555555"/>
<rect x="47" width="72" height="20" fill="#a8071a"/>
<g fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="6" y="14" textLength="35" lengthAdjust="spacing">AIVSS</text>
<text x="53" y="14" textLength="60" lengthAdjust="spacing">9.6 Critical</text>
</g>
</svg>
`
	tests := []struct {
		button, name, mime, content, status string
	}{
		{"share-json", "ticket-triage-bot.json", "application/json", triageBot2JSON, "Download started: ticket-triage-bot.json."},
		{"share-svg", "ticket-triage-bot-aivss-badge.svg", "image/svg+xml", wantBadge, "Download started: ticket-triage-bot-aivss-badge.svg."},
	}
	for _, tt := range tests {
		t.Run(tt.button, func(t *testing.T) {
			saved := stubDownloads(t)
			e := mountShare(t, &ShareBar{Card: shareCardFromJSON(t, triageBotJSON)})

			shareClick(t, e, tt.button)

			if len(*saved) != 1 {
				t.Fatalf("%d downloads, want 1", len(*saved))
			}
			d := (*saved)[0]
			if d.name != tt.name || !strings.HasPrefix(d.href, "blob:threatcard-test/") {
				t.Errorf("download %q from %q, want %q from a Blob URL", d.name, d.href, tt.name)
			}
			if got := d.blob.Get("type").String(); got != tt.mime {
				t.Errorf("type %q, want %q", got, tt.mime)
			}
			if got := blobText(t, d.blob); got != tt.content {
				t.Errorf("file content\n%s\nwant\n%s", got, tt.content)
			}
			if got := shareTextOf(t, "share-status"); got != tt.status {
				t.Errorf("status %q", got)
			}
			if n := app.Window().Get("document").Call("querySelectorAll", "a[download]").Length(); n != 0 {
				t.Errorf("%d download links left in the page", n)
			}
		})
	}
}

func TestPrintOpensThePrintDialog(t *testing.T) {
	win := app.Window()
	prints := 0
	stub := app.FuncOf(func(app.Value, []app.Value) any { prints++; return nil })
	orig := win.Get("print")
	win.Set("print", stub)
	t.Cleanup(func() { win.Set("print", orig); stub.Release() })

	e := mountShare(t, &ShareBar{Card: shareCard(t, gptImage2Link)})
	shareClick(t, e, "share-print")
	if prints != 1 {
		t.Errorf("window.print called %d times, want 1", prints)
	}
}

func TestPrintReportCarriesTheLinkAtThePageAddress(t *testing.T) {
	mountShare(t, &PrintReport{Card: shareCard(t, gptImage2Link)})
	report := shareEl("print-report")
	if !report.Truthy() {
		t.Fatal("no #print-report")
	}
	link := report.Call("querySelector", ".tc-print-link span").Get("textContent").String()
	if want := pageBase() + "#" + gptImage2Link; link != want {
		t.Errorf("report link %q, want %q", link, want)
	}
}
