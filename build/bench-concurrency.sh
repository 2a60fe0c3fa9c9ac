#!/usr/bin/env bash
# build/bench.sh concurrency [--envs "1 2 4 6 10"] [--rounds 5] [--profile lightweight]
#
# Starts lightweight environments of the Shop sample one after another, each while the earlier ones keep running,
# up to the largest count (10 by default), with `dotnet build samples/Shop/Shop.Preview -t:Preview` on the built
# sample; then stops them all, and does it again, --rounds times (5 by default: with 3, one slow start moved a
# median). An untimed start first builds the seeded template and warms the caches, so every timed start clones its
# data, as every start after a team's first of a schema does. Prints each start's time, and per position the median
# over the rounds and its ratio to the median lone start (position 1): one start is one sample on a machine whose
# other work moves it, a median of five is not. At each count of --envs it prints the memory of every running
# environment: the sum of the resident memory (RSS) of its processes (app host, DCP, dashboard, services,
# PostgreSQL; shared pages are counted in each process, so the figure is an upper bound) and the proportional PSS
# beside it (shared pages divided among their users, so it sums fairly), and where the last environment's PSS goes,
# per kind of process (build/bench-memory.sh). The last line:
#   concurrency: envs=<n> rounds=<r> max_start_ratio=<r> mem_per_env_mb=<m> pss_per_env_mb=<p>
# where max_start_ratio is the largest ratio of a position's median to the lone median, and mem_per_env_mb (RSS)
# and pss_per_env_mb are the medians over the rounds of the mean over the environments running at the end. Target
# (issue 14): 10 environments on 2 cores / 24 GiB, each start at most 1.3 times the lone start, PSS at most 400 MB
# per environment. Every environment is stopped at the end, also on failure or Ctrl+C. Not a test: it fails only
# when a start fails. The machine's load is printed beside the figures: other work on the machine moves them.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/bench-lib.sh
source "$REPO/build/bench-lib.sh"
# shellcheck source=build/bench-memory.sh
source "$REPO/build/bench-memory.sh"

COUNTS="1 2 4 6 10"
ROUNDS=5
PROFILE=lightweight
while [[ $# -gt 0 ]]; do
    case $1 in
        --envs) COUNTS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --profile) PROFILE=$2; shift 2 ;;
        *) usage_of_script ;;
    esac
done
[[ $COUNTS =~ ^[0-9\ ]+$ ]] || { echo "--envs is a list of counts, e.g. \"1 2 4 6\"" >&2; exit 2; }
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "--rounds is a number of rounds, e.g. 3" >&2; exit 2; }

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

# Starts environment $1 and sets seconds to how long it took; exits the bench when it fails.
start_environment() {
    local name=$1 began
    began=$(now_ns)
    if ! run_waiting "$WORK/$name.log" "${OWNED[@]}" dotnet build "$SAMPLE" -t:Preview "-p:PreviewName=$name" "${BUILD_PROPS[@]}" -nologo; then
        log "start of $name failed:"; tail -30 "$WORK/$name.log" | sed 's/^/  /'
        exit 1
    fi
    seconds=$(seconds_between "$began" "$(now_ns)")
}

# Stops every environment in names, one after another, forgets them, and gives the machine 20 s to settle: ten
# stops at once (ten builds and ten app hosts shutting down) push the load past 40 and slow the next round's lone
# start by half.
stop_round() {
    down_sample_environments "${BUILD_PROPS[@]}"
    names=()
    sleep 20
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

names+=(bench-conc-warm-up)
start_environment bench-conc-warm-up
log "warm-up start (not timed; builds the seeded template): $seconds s, $(grep -o 'cloned from template\|seeded' "$WORK/bench-conc-warm-up.log" | head -1)"
stop_round

declare -A took
pss_rounds=() mem_rounds=()
for (( round = 1; round <= ROUNDS; round++ )); do
    log "round $round of $ROUNDS"
    for (( i = 1; i <= max; i++ )); do
        name="bench-conc-$i"
        names+=("$name")
        start_environment "$name"
        took[$round,$i]=$seconds
        log "$(printf '  start %d  %6s s  ratio to this round'"'"'s first %s  (%d running before it)' "$i" "$seconds" "$(awk -v a="$seconds" -v b="${took[$round,1]}" 'BEGIN { printf "%.2f", a / b }')" $(( i - 1 )))"
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
                log "    $i running, RSS per environment:$line (mean $(( total / i )) MB; PSS mean $(( total_pss / i )) MB; machine: $(free -m | awk '/^Mem:/ { print $3 }') MB used; load $(cut -d' ' -f1-3 /proc/loadavg))"
                log "    PSS of environment $i by kind of process (MB): $(memory_by_kind "$(environment_id "$name")" "$(host_pid "$name")")"
                mem_per_env=$(( total / i ))
                pss_per_env=$(( total_pss / i ))
            fi
        done
    done
    mem_rounds+=("$mem_per_env")
    pss_rounds+=("$pss_per_env")
    stop_round
done

lone=$(median $(for (( round = 1; round <= ROUNDS; round++ )); do echo "${took[$round,1]}"; done))
max_ratio=0
for (( i = 1; i <= max; i++ )); do
    samples=$(for (( round = 1; round <= ROUNDS; round++ )); do echo "${took[$round,$i]}"; done)
    middle=$(median $samples)
    ratio=$(awk -v a="$middle" -v b="$lone" 'BEGIN { printf "%.2f", a / b }')
    max_ratio=$(awk -v a="$ratio" -v b="$max_ratio" 'BEGIN { print (a > b) ? a : b }')
    log "$(printf 'position %d  median %6s s  ratio %s  (rounds: %s)' "$i" "$middle" "$ratio" "$(echo $samples)")"
done

log "concurrency: envs=$max rounds=$ROUNDS max_start_ratio=$max_ratio mem_per_env_mb=$(median "${mem_rounds[@]}") pss_per_env_mb=$(median "${pss_rounds[@]}")"
