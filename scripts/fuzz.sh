#!/bin/sh
# Runs every Go fuzz target in the module for $FUZZTIME (default 5s) each.
set -eu
FUZZTIME=${FUZZTIME:-5s}
grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do
	dir=$(dirname "$f")
	grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //' | while read -r name; do
		echo "== $dir $name"
		go test -run='^$' -fuzz="^${name}\$" -fuzztime="$FUZZTIME" "$dir"
	done
done
