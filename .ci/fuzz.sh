#!/usr/bin/env bash
# Runs every native Go fuzz target of the module for FUZZTIME each (default 3s): `make fuzz-smoke` (part of
# `make test`) and `make fuzz` (FUZZTIME=60s). The targets are found, not listed: every `func FuzzX(f *testing.F)`
# in a _test.go file. `go test -fuzz` takes one target of one package per run, hence the loop.
#
# A target fails on a real finding: a failing input (written to <package>/testdata/fuzz/FuzzX/, keep it there as
# a regression seed once fixed), a panic or a t.Fatal. A bare "context deadline exceeded" at the end of the
# -fuzztime window with no failing input is Go 1.26's fuzz coordinator race (golang/go#75804, fixed in Go 1.27):
# it is reported and tolerated.
#
# Environment: FUZZTIME (3s), FUZZMINIMIZETIME (1s: the time spent shrinking each new interesting input; Go's 60s
# default left short runs stalled at 0 execs/s while workers minimised), FUZZPARALLEL (fuzz workers, default
# GOMAXPROCS), FUZZ (a regexp narrowing the target names), GO (go).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-3s}
FUZZ=${FUZZ:-.}
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-1s}
parallel=()
[[ -n ${FUZZPARALLEL:-} ]] && parallel=(-parallel "$FUZZPARALLEL")

mapfile -t targets < <(grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+\(f \*testing\.F\)' . |
	sed -E 's#^\./(.*)/[^/]+_test\.go:func (Fuzz[A-Za-z0-9_]+).*#./\1 \2#' | sort -u | grep -E " .*${FUZZ}")
if ((${#targets[@]} == 0)); then
	echo "fuzz: no target matches FUZZ=$FUZZ" >&2
	exit 1
fi

failed=() flaked=() summary=()
for t in "${targets[@]}"; do
	pkg=${t% *} name=${t#* }
	log=$(mktemp)
	echo "fuzz: $name ($pkg) for $FUZZTIME"
	"$GO" test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" "${parallel[@]}" "$pkg" >"$log" 2>&1
	rc=$?
	# Execs per second over the whole run: the last progress line's total over its elapsed time.
	rate=$(awk '/^fuzz: elapsed:/ { e=$3; sub(/s,$/, "", e); n=$5; gsub(/,/, "", n) } END {
		split(e, p, "m"); s = (length(p) > 1) ? p[1]*60 + p[2] : p[1]; if (s > 0) printf "%d", n / s; else print "?" }' "$log")
	if ((rc == 0)); then
		summary+=("$(printf '%-28s %-45s %8s execs/s' "$name" "$pkg" "$rate")")
	elif grep -q 'context deadline exceeded' "$log" && ! grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:' "$log"; then
		flaked+=("$name")
		summary+=("$(printf '%-28s %-45s %8s execs/s (go#75804 deadline race, tolerated)' "$name" "$pkg" "$rate")")
	else
		failed+=("$name")
		cat "$log"
		summary+=("$(printf '%-28s %-45s FAILED' "$name" "$pkg")")
	fi
	rm -f "$log"
done
printf '%s\n' "fuzz summary (FUZZTIME=$FUZZTIME):" "${summary[@]}"
if ((${#failed[@]} > 0)); then
	echo "fuzz: FAILED: ${failed[*]} (reproduce with go test -run '<Target>/<file>' <package>)" >&2
	exit 1
fi
