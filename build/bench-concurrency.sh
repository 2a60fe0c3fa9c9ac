#!/usr/bin/env bash
# build/bench.sh concurrency [--envs "1 2 4 6 10"] [--profile lightweight]
#
# Starts lightweight environments of the Shop sample one after another, each while the earlier ones keep running,
# up to the largest count (10 by default), with `dotnet build samples/Shop/Shop.Preview -t:Preview` on the built
# sample. Prints each start's time and its ratio to the lone start (the first), and, at each count of --envs, the
# memory of every running environment: the sum of the resident memory (RSS) of its processes (app host, DCP,
# dashboard, services, PostgreSQL; shared pages are counted in each process, so the figure is an upper bound) and
# the proportional PSS beside it (shared pages divided among their users, so it sums fairly), and where the last
# environment's PSS goes, per kind of process (build/bench-memory.sh). The last line:
#   concurrency: envs=<n> max_start_ratio=<r> mem_per_env_mb=<m> pss_per_env_mb=<p>
# where mem_per_env_mb (RSS) and pss_per_env_mb are means over the environments running at the end. Target (issue
# 14): 10 environments on 2 cores / 24 GiB, each start at most 1.3 times the lone start, PSS at most 400 MB per
# environment. Every environment is stopped at the end, also on failure or Ctrl+C. Not a test: it fails only when a
# start fails. The machine's load is printed beside the figures: other work on the machine moves them.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/bench-lib.sh
source "$REPO/build/bench-lib.sh"
# shellcheck source=build/bench-memory.sh
source "$REPO/build/bench-memory.sh"

COUNTS="1 2 4 6 10"
PROFILE=lightweight
while [[ $# -gt 0 ]]; do
    case $1 in
        --envs) COUNTS=$2; shift 2 ;;
        --profile) PROFILE=$2; shift 2 ;;
        *) usage_of_script ;;
    esac
done
[[ $COUNTS =~ ^[0-9\ ]+$ ]] || { echo "--envs is a list of counts, e.g. \"1 2 4 6\"" >&2; exit 2; }

sample_bench_workspace concurrency
# Six environments of one team must fit: the bench brings its own budget file, generous on purpose.
cat > "$WORK/budget.yaml" <<'YAML'
teams:
  shop: { environments: 50, cpu: 200, memory: 400Gi }
YAML
BUILD_PROPS=("-p:PreviewStateRoot=$STATE" "-p:PreviewProfile=$PROFILE" "-p:PreviewBudgetFile=$WORK/budget.yaml")

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    set +e
    stop_sample_environments "${BUILD_PROPS[@]}"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "Interrupted."; exit 130' INT
trap 'exit 143' TERM HUP

# Memory of one environment in MB, summed over its processes (build/bench-memory.sh): $2 is VmRSS (from status) or
# Pss (from smaps_rollup: shared pages divided among their users, which sums fairly).
environment_mb() {
    local id=$1 field=$2 pid kb total=0 file
    [[ $field == Pss ]] && file=smaps_rollup || file=status
    for pid in $(environment_pids "$id"); do
        kb=$(awk -v f="$field:" '$1 == f { print $2 }' "/proc/$pid/$file" 2>/dev/null || echo 0)
        total=$(( total + ${kb:-0} ))
    done
    echo $(( total / 1024 ))
}

environment_id() { sed -n 's/.*"environmentId": *"\([^"]*\)".*/\1/p' "$STATE/shop/$1/environment.json"; }
host_pid() { sed -n 's/.*"hostProcessId": *\([0-9]*\).*/\1/p' "$STATE/shop/$1/environment.json"; }

cd "$REPO"
log "Building the sample (not timed)…"
run_waiting "$WORK/build.log" "${OWNED[@]}" dotnet build "$SAMPLE" -nologo -v:q || { tail -40 "$WORK/build.log"; exit 1; }
max=0
for count in $COUNTS; do (( count > max )) && max=$count; done
log "concurrency: up to $max $PROFILE environments of the Shop sample, started one after another; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

lone=""
max_ratio=0
for (( i = 1; i <= max; i++ )); do
    name="bench-conc-$i"
    names+=("$name")
    start=$(now_ns)
    if ! run_waiting "$WORK/$name.log" "${OWNED[@]}" dotnet build "$SAMPLE" -t:Preview "-p:PreviewName=$name" "${BUILD_PROPS[@]}" -nologo; then
        log "start $i failed:"; tail -30 "$WORK/$name.log" | sed 's/^/  /'
        exit 1
    fi
    seconds=$(seconds_between "$start" "$(now_ns)")
    [[ -z $lone ]] && lone=$seconds
    ratio=$(awk -v a="$seconds" -v b="$lone" 'BEGIN { printf "%.2f", a / b }')
    max_ratio=$(awk -v a="$ratio" -v b="$max_ratio" 'BEGIN { print (a > b) ? a : b }')
    log "$(printf 'start %d  %6s s  ratio %s  (%d running before it)' "$i" "$seconds" "$ratio" $(( i - 1 )))"
    for count in $COUNTS; do
        if (( count == i )); then
            total=0 total_pss=0 line=""
            for running in "${names[@]}"; do
                id=$(environment_id "$running")
                mb=$(environment_mb "$id" VmRSS)
                pss=$(environment_mb "$id" Pss)
                total=$(( total + mb ))
                total_pss=$(( total_pss + pss ))
                line+=" ${running#bench-conc-}:${mb}MB"
            done
            log "  $i running, RSS per environment:$line (mean $(( total / i )) MB; PSS mean $(( total_pss / i )) MB; machine: $(free -m | awk '/^Mem:/ { print $3 }') MB used; load $(cut -d' ' -f1-3 /proc/loadavg))"
            log "  PSS of environment $i by kind of process (MB): $(memory_by_kind "$(environment_id "$name")" "$(host_pid "$name")")"
            mem_per_env=$(( total / i ))
            pss_per_env=$(( total_pss / i ))
        fi
    done
done

log "concurrency: envs=$max max_start_ratio=$max_ratio mem_per_env_mb=${mem_per_env:-0} pss_per_env_mb=${pss_per_env:-0}"
