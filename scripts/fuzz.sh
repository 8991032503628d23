#!/bin/sh
# Runs every Go fuzz target in the module for $FUZZTIME (default 5s) each.
#
# Go's fuzzing engine now and then ends a short run with "context deadline
# exceeded" when a worker is slow to stop, without any failing input (see
# golang/go#48127 and #56238). Such a run, and only such a run, is run
# once more; a real failure writes its input under testdata/fuzz and fails.
set -eu
FUZZTIME=${FUZZTIME:-5s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r f; do
	dir=$(dirname "$f")
	grep -o '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/^func //' | while read -r name; do
		echo "== $dir $name"
		for try in 1 2; do
			if go test -run='^$' -fuzz="^${name}\$" -fuzztime="$FUZZTIME" "$dir" >"$log" 2>&1; then
				cat "$log"
				break
			fi
			cat "$log"
			if [ "$try" = 2 ] || ! grep -q 'context deadline exceeded' "$log" || grep -q 'Failing input written' "$log"; then
				exit 1
			fi
			echo "== $dir $name: the fuzzing engine timed out stopping, with no failing input; once more"
		done
	done
done
