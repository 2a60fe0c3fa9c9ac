#!/usr/bin/env bash
# build/bench.sh noop [--runs N] [--warmup N] [--sdk package|source]
#
# The cost of a no-op build: `dotnet build` of the Shop sample's preview project, nothing changed since the last
# build, against the same for bench/baseline (a hand-written Aspire app host referencing the same three services),
# alternately, N times each (default 7, or BENCH_RUNS) after --warmup untimed pairs (default 1, or BENCH_WARMUP).
# Each is timed from the start of the command to its exit; build servers run as a developer's do (MSBuild's node
# reuse and the compiler server), apart from other builds on the machine.
#   --sdk package (default, or BENCH_SDK): the SDK packed into a temporary feed and a copy of the sample outside the
#         repository naming <Project Sdk="PreviewSdk">, as a team uses it; source: the sample as it is in this
#         repository, which imports the SDK from sdk/ and so also checks PreviewSdk's own src/ projects on every build.
# Prints every run (wall time, CPU time of the build and of its reused build servers, load), the medians, and as its
# last line:
#   noop: preview=<s> baseline=<s> ratio=<preview/baseline>
# Target (package): ratio <= 1.05.
set -euo pipefail

RUNS=${BENCH_RUNS:-7}
WARMUP=${BENCH_WARMUP:-1}
SDK_MODE=${BENCH_SDK:-package}
# shellcheck source=build/bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --sdk) SDK_MODE=$2; shift 2 ;;
        *) usage_of_script ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ && $WARMUP =~ ^[0-9]+$ && $SDK_MODE =~ ^(source|package)$ ]] || usage_of_script

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BASELINE=$REPO/bench/baseline/Baseline.csproj
sample_bench_workspace noop
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    set +e
    if [[ -n $child ]]; then kill -TERM "$child" 2>/dev/null; fi
    # MSBuild's reused nodes and the compiler server of the bench carry its OWNER; nothing else does.
    stop_processes_with "BENCH_OWNER=$OWNER" 0 || log "warning: processes carrying BENCH_OWNER=$OWNER survived" >&2
    remove_packed_sdk
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "Interrupted."; exit 130' INT
trap 'exit 143' TERM HUP
# Build servers on, as a developer has them: the bench's own, kept apart by the handshake salt.
OWNED=(env "BENCH_OWNER=$OWNER" "MSBUILDNODEHANDSHAKESALT=$OWNER")

command -v dotnet >/dev/null || { echo "dotnet is not on PATH" >&2; exit 1; }
cd "$REPO"
if [[ $SDK_MODE == package ]]; then use_packed_sdk; fi
PROJECT=$SAMPLE/Shop.Preview.csproj

log "Building the preview project ($SDK_MODE SDK) and the baseline once (not timed)…"
run_waiting "$WORK/first-preview.log" "${OWNED[@]}" dotnet build "$PROJECT" -nologo -v:q || { tail -40 "$WORK/first-preview.log"; exit 1; }
run_waiting "$WORK/first-baseline.log" "${OWNED[@]}" dotnet build "$BASELINE" -nologo -v:q || { tail -40 "$WORK/first-baseline.log"; exit 1; }

# The CPU seconds (user + system) used so far by the bench's live processes: the MSBuild nodes and compiler server
# that stay between builds.
CLOCK_TICKS=$(getconf CLK_TCK)
cpu_of_servers() {
    local pid ticks=0
    for pid in $(processes_with "BENCH_OWNER=$OWNER"); do
        # Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces.
        ticks=$(( ticks + $(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0) ))
    done
    awk -v t="$ticks" -v hz="$CLOCK_TICKS" 'BEGIN { printf "%.2f", t / hz }'
}

# Sets run_seconds and run_cpu (the build's own process and its waited children, plus what the reused servers spent
# meanwhile: a figure the machine's other load disturbs less than wall time); fails when the build fails or
# compiled anything (then it was not a no-op).
time_build() {
    local label=$1 project=$2 out=$WORK/$1.log t0 t1 servers_before servers_after own
    servers_before=$(cpu_of_servers)
    t0=$(now_ns)
    run_waiting "$out" /usr/bin/time -f '%U %S' -o "$WORK/$label.cpu" "${OWNED[@]}" dotnet build "$project" -nologo -v:n -tl:off \
        || { log "$label failed:"; tail -40 "$out"; return 1; }
    t1=$(now_ns)
    servers_after=$(cpu_of_servers)
    own=$(awk 'END { print $1 + $2 }' "$WORK/$label.cpu")
    run_cpu=$(awk -v o="$own" -v a="$servers_after" -v b="$servers_before" 'BEGIN { d = a - b; if (d < 0) d = 0; printf "%.2f", o + d }')
    # The compiler's command line (shown at normal verbosity) names the assembly it writes.
    if grep -Eq '\bcsc(\.dll)?"? .* /out:' "$out"; then
        log "$label compiled something, so it was not a no-op build:"; grep -Eo '/out:[^ ]*' "$out"; return 1
    fi
    run_seconds=$(seconds_between "$t0" "$t1")
}

log "noop: $RUNS runs each, alternately, after $WARMUP warm-up pair(s); $SDK_MODE SDK; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
preview_times=() baseline_times=() preview_cpu=() baseline_cpu=()
for (( i = 1; i <= WARMUP + RUNS; i++ )); do
    if (( i <= WARMUP )); then label="warm-up $i"; else label="run $(( i - WARMUP ))"; fi
    time_build "preview-$i" "$PROJECT"
    log "$(printf '%-10s preview  %6s s  (cpu %s s, load %s)' "$label" "$run_seconds" "$run_cpu" "$(cut -d' ' -f1 /proc/loadavg)")"
    if (( i > WARMUP )); then preview_times+=("$run_seconds") preview_cpu+=("$run_cpu"); fi
    time_build "baseline-$i" "$BASELINE"
    log "$(printf '%-10s baseline %6s s  (cpu %s s, load %s)' "$label" "$run_seconds" "$run_cpu" "$(cut -d' ' -f1 /proc/loadavg)")"
    if (( i > WARMUP )); then baseline_times+=("$run_seconds") baseline_cpu+=("$run_cpu"); fi
done

preview_median=$(printf '%s\n' "${preview_times[@]}" | median)
baseline_median=$(printf '%s\n' "${baseline_times[@]}" | median)
preview_cpu_median=$(printf '%s\n' "${preview_cpu[@]}" | median)
baseline_cpu_median=$(printf '%s\n' "${baseline_cpu[@]}" | median)
log "preview  runs: ${preview_times[*]}  median $preview_median s"
log "baseline runs: ${baseline_times[*]}  median $baseline_median s"
log "cpu (medians): preview=$preview_cpu_median s baseline=$baseline_cpu_median s ratio=$(awk -v p="$preview_cpu_median" -v b="$baseline_cpu_median" 'BEGIN { printf "%.2f", p / b }')"
log "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
log "noop: preview=$preview_median baseline=$baseline_median ratio=$(awk -v p="$preview_median" -v b="$baseline_median" 'BEGIN { printf "%.2f", p / b }')"
