# threatcard: `make run` builds and serves the app, `make test` checks everything.
GO      ?= go
FUZZTIME ?= 5s
BIN     := bin/threatcard

# The web app: the wasm build goes straight into the site (and Go's build
# cache keeps rebuilds fast); tools for the browser tests live in .cache.
WASM     := dist/web/app.wasm
# app.wasm's packages from GitHub (threatcard's own, go-app, go-cvss) are
# compiled without inlining: in Go's WebAssembly an inlined call is bigger
# than the call, and this makes app.wasm about 3.5 % smaller, gzipped and
# raw, with no measured cost to first render or keystroke latency (README,
# Performance). The standard library and runtime keep their inlining.
WASMFLAGS := -trimpath -gcflags=github.com/...=-l
CACHE    := .cache
WASMEXEC := $(CACHE)/bin/go_js_wasm_exec
AXE      := $(CACHE)/axe/node_modules/axe-core/axe.min.js
WASMBROWSERTEST := github.com/agnivade/wasmbrowsertest@v0.11.0
# app.wasm is built in a workspace whose go-app leaves net/http out of the
# browser build (internal/goappwasm; README, Performance): the goapp-wasm
# target makes it (and checks the pinned go-app is the one the change was
# made for), GOAPPWASM points the go command at it.
GOAPPWASM := GOWORK=$(CURDIR)/$(CACHE)/goapp-wasm/go.work

.PHONY: all build test vet unit fuzz bench run dist clean wasm browser browser-vet wasmtest e2e chromium goapp-wasm

all: build

build:
	$(GO) build -o $(BIN) ./cmd/threatcard

vet:
	@# .cache holds go-app's copy for the wasm build (internal/goappwasm), not ours.
	@unformatted=$$(find . -name .cache -prune -o -name '*.go' -print | xargs gofmt -l); \
		test -z "$$unformatted" || { echo "gofmt needed on:"; echo "$$unformatted"; exit 1; }
	$(GO) vet ./...
	$(GO) vet -tags perf ./perf/...

unit:
	$(GO) test ./...
	$(GO) test -tags perf ./perf/...
	@# The two link-size budgets, printed (the test fails when one is missed).
	@$(GO) test -run '^TestLinkLengths$$' -v ./scoring/link | grep '_link_chars:'

test: vet unit browser

# Browser tests: components in Chromium (wasmbrowsertest), then the built
# site end to end (chromedp: offline, GitHub Pages prefix, CSP, axe-core).
browser: browser-vet wasmtest e2e

browser-vet: goapp-wasm
	$(GOAPPWASM) GOOS=js GOARCH=wasm $(GO) vet -trimpath ./app/... ./cmd/threatcard
	$(GO) vet -tags e2e ./e2e

wasmtest: chromium goapp-wasm $(WASMEXEC)
	$(GOAPPWASM) PATH="$(CURDIR)/$(CACHE)/bin:$$PATH" GOOS=js GOARCH=wasm $(GO) test -trimpath -timeout 5m ./app/...

e2e: chromium wasm $(AXE)
	THREATCARD_WASM="$(CURDIR)/$(WASM)" AXE_JS="$(CURDIR)/$(AXE)" $(GO) test -tags e2e -count=1 -timeout 15m ./e2e

# Debian's chromium, installed when missing (needs root, as in CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" -ne 0 ]; then echo "chromium is missing: apt-get install chromium (as root)" >&2; exit 1; fi; \
		apt-get update && apt-get install -y chromium; }

# wasmbrowsertest runs GOOS=js tests in Chromium when named go_js_wasm_exec.
$(WASMEXEC):
	GOBIN="$(CURDIR)/$(CACHE)/bin" $(GO) install $(WASMBROWSERTEST)
	cp $(CACHE)/bin/wasmbrowsertest $@

# axe-core at the version pinned in e2e/package-lock.json (npm from Debian
# when missing, like chromium).
$(AXE): e2e/package.json e2e/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
		if [ "$$(id -u)" -ne 0 ]; then echo "npm is missing: apt-get install npm (as root)" >&2; exit 1; fi; \
		apt-get update && apt-get install -y npm; }
	mkdir -p $(CACHE)/axe
	cp e2e/package.json e2e/package-lock.json $(CACHE)/axe/
	cd $(CACHE)/axe && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# A short run of every fuzz target found in the tree.
fuzz:
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

# The scoring benchmarks, then the performance figures, one "name: value"
# line each on stdout (how they were measured goes to stderr). perf builds
# threatcard's app.wasm and its baselines itself, with the wasm target's
# flags, in goapp-wasm's workspace (and the stock hello world outside it);
# BENCHFLAGS passes more, e.g. BENCHFLAGS="-only size -sizes 30" lists
# what makes the wasm big.
BENCHFLAGS ?=
bench: chromium
	$(GO) test -run='^$$' -bench=. -benchmem ./scoring/...
	$(GO) run -tags perf ./perf -go "$(GO)" -buildflags "$(WASMFLAGS)" $(BENCHFLAGS)

goapp-wasm:
	$(GO) run ./internal/goappwasm/cmd/goappwasm -go $(GO) -dir $(CACHE)/goapp-wasm >/dev/null

wasm: goapp-wasm
	$(GOAPPWASM) GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(WASM) ./cmd/threatcard

# The static site, for any host; threatcard build -prefix /repo/ for a
# GitHub Pages project site.
dist: build wasm
	$(BIN) build -out dist

run: dist
	$(BIN) serve -dir dist

clean:
	rm -rf bin dist
