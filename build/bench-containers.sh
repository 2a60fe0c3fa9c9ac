#!/usr/bin/env bash
# build/bench.sh containers [--runs N] [--warmup N]
#
# Time-to-links of the Shop sample's heavyweight profile (PostgreSQL and Redis with runtime: auto, two shop-api
# replicas, 20x seeded rows) with its dependencies as containers against the same profile with them as local
# binaries, measured alternately, N runs each (default 3, or BENCH_RUNS) after untimed warm-up pairs (default 1):
#   container  the engine answers (build/engine.sh) and has the images (build/images.sh, selected with
#              -p:PreviewContainerRegistry=localhost): auto chooses containers
#   local      DOCKER_HOST points at a socket that does not exist: auto chooses the local binaries
# Each run is `dotnet build samples/Shop/Shop.Preview -t:Preview` on the built sample, timed from the start of the
# command to its return with the links printed; the environment is stopped with -t:PreviewDown between runs (not
# timed). Prints every run, both medians and, as its last line:
#   containers: container=<s> local=<s> ratio=<container/local>
# Target: ratio <= 1.5 with the images already built. Needs root (engine.sh, images.sh) or a running engine with the
# images, and PostgreSQL's and Redis's binaries. Not a test: it fails only when a run fails. Everything it starts is
# stopped on exit, also on failure or Ctrl+C.
set -euo pipefail

RUNS=${BENCH_RUNS:-3}
WARMUP=${BENCH_WARMUP:-1}
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ && $WARMUP =~ ^[0-9]+$ ]] || { echo "--runs is 1 or more, --warmup 0 or more" >&2; exit 2; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/bench-lib.sh
source "$REPO/build/bench-lib.sh"
sample_bench_workspace containers
PROPS=("-p:PreviewStateRoot=$STATE" "-p:PreviewProfile=heavyweight" "-p:PreviewContainerRegistry=localhost" "--disable-build-servers")

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    set +e
    stop_sample_environments "${PROPS[@]}"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "Interrupted."; exit 130' INT
trap 'exit 143' TERM HUP

log "Preparing: the engine, the images, the sample."
engine_host=$("$REPO/build/engine.sh" | tail -n 1)
"$REPO/build/images.sh" >/dev/null
"${OWNED[@]}" dotnet build "$SAMPLE" -nologo -v:q >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 1; }

# run KIND INDEX: sets seconds to the time to links; fails when the start fails or chose other than KIND. Not in a
# subshell, so names (for the clean-up) keeps every environment it started.
seconds=""
run() {
    local kind=$1 name="bench-$1-$2" host started ended expected
    if [[ $kind == container ]]; then host=${engine_host#DOCKER_HOST=}; expected="postgres: container "
    else host=unix://$WORK/no-engine.sock; expected="postgres: local binaries "; fi
    names+=("$name")
    started=$(now_ns)
    run_waiting "$WORK/$name.log" "${OWNED[@]}" "DOCKER_HOST=$host" dotnet build "$SAMPLE" -t:Preview "-p:PreviewName=$name" "${PROPS[@]}" -nologo -v:m \
        || { log "  $name failed:" >&2; tail -30 "$WORK/$name.log" >&2; return 1; }
    ended=$(now_ns)
    grep -q "$expected" "$WORK/$name.log" || { log "  $name did not run $kind:" >&2; grep -A3 'Runtimes' "$WORK/$name.log" >&2; return 1; }
    run_waiting "$WORK/$name.down.log" "${OWNED[@]}" dotnet build "$SAMPLE" -t:PreviewDown "-p:PreviewName=$name" "${PROPS[@]}" -nologo -v:m \
        || { log "  PreviewDown of $name failed:" >&2; tail -20 "$WORK/$name.down.log" >&2; return 1; }
    seconds=$(seconds_between "$started" "$ended")
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for ((i = 1; i <= WARMUP; i++)); do
    run container "w$i"; c=$seconds
    run local "w$i"; l=$seconds
    log "warm-up $i: container $c s, local $l s"
done
containers=() locals=()
for ((i = 1; i <= RUNS; i++)); do
    # Alternating, and each pair in the other order than the one before, so a drift in the machine's load falls on both.
    if (( i % 2 )); then
        run container "$i"; c=$seconds
        run local "$i"; l=$seconds
    else
        run local "$i"; l=$seconds
        run container "$i"; c=$seconds
    fi
    containers+=("$c"); locals+=("$l")
    log "run $i: container $c s, local $l s"
done
mc=$(median "${containers[@]}")
ml=$(median "${locals[@]}")
log "medians: container $mc s, local $ml s (runs: container ${containers[*]}; local ${locals[*]})"
log "containers: container=$mc local=$ml ratio=$(awk -v c="$mc" -v l="$ml" 'BEGIN { printf "%.2f", c / l }')"
