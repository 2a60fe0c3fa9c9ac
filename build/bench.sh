#!/usr/bin/env bash
# PreviewSdk benchmarks. Not a test: it prints figures and fails only when a run fails.
#
#   build/bench.sh seed [--scale FACTOR]
#   build/bench.sh concurrency [--envs "1 2 4 6 10"] [--rounds 5]   (see build/bench-concurrency.sh)
#   build/bench.sh gateway [--connections N] [--seconds S] [--rounds R]   (see build/bench-gateway.sh)
#   build/bench.sh recovery [--rounds 3]            (see build/bench-recovery.sh)
#   build/bench.sh containers [--runs N] [--warmup N]   (see build/bench-containers.sh)
#   build/bench.sh template [--runs N] [--scale F] [--runtime local|container]  (see build/bench-template.sh)
#   build/bench.sh watch [--runs N] [--idle-seconds S] [--before REV]   (see build/bench-watch.sh)
#   build/bench.sh noop [--runs N] [--warmup N] [--sdk package|source]   (see build/bench-noop.sh)
#   build/bench.sh time-to-links [--runs N] [--warmup N] [--timeout SECONDS] [--sdk source|package] [--templates on|off]
#     --runs     timed runs of each (default 5, or BENCH_RUNS)
#     --warmup   untimed pairs first (default 1, or BENCH_WARMUP)
#     --timeout  how long a baseline run may take to be ready (default 240 s; -t:Preview has its PreviewTimeout)
#     --sdk      package (default): the SDK packed into a temporary feed and a copy of the sample outside the
#                repository naming <Project Sdk="PreviewSdk"> through global.json, as a team uses it; source: the
#                sample as it is in this repository, importing the SDK from sdk/ and building its src/ projects
#                (and running its tasks in a task host) on every build, a developer's convenience that costs
#                about 0.6 s per start (or BENCH_SDK)
#     --templates on (default): seeded-data templates as a team gets them; the first run (a warm-up) seeds and keeps
#                the template (waited for, not timed), every timed run clones it; off: -p:PreviewTemplates=false,
#                every run seeds (or BENCH_TEMPLATES)
#
# seed: seeding throughput on a scratch PostgreSQL server (bench/seed, a Release build): DatabaseSeeder fills an
#   empty database of a 12-table shop schema (about 285,000 rows at scale 1: identity and uuid keys, enums, a
#   domain, unique and composite unique constraints, foreign keys incl. a self-reference, CHECKs), timed end to end
#   (schema read, plan, generation, foreign keys, binary COPY, commit); then the same rows, exported to CSV before
#   (not timed), are loaded into a second empty database of the same schema by psql `\copy … FROM` in one
#   transaction: the raw insert limit. Prints both, the ratio and the seeding process's peak memory; last line:
#   seed: rows=<n> rows_per_s=<x> copy_rows_per_s=<y> ratio=<x/y> peak_mb=<m>
#   Target: ratio >= 0.5. Needs PostgreSQL's binaries (initdb, postgres, psql).
#
# watch: the watch over an environment, on the Shop sample (lightweight). The time from SIGKILL of shop-api's process
#   to the alert's arrival at a webhook receiver on the loopback (--runs times, default 5, a fresh environment each;
#   prints the median), and the CPU an idle environment spends over --idle-seconds (default 300; 0 skips it): every
#   process carrying its environment id, and the app host alone, in percent of one core. With --before REV, the same
#   for the sample of git revision REV (exported into a temporary folder and built there), for a before/after of
#   checks and alerts. Last line:
#   watch: alert_median_s=<s> idle_cpu_pct_after=<p> idle_cpu_pct_before=<p> apphost_cpu_pct_after=<p> apphost_cpu_pct_before=<p>
#
# time-to-links: the time from start to "every resource healthy", measured alternately, N times each, for
#   preview   `dotnet build samples/Shop/Shop.Preview -t:Preview` on the already-built sample, from the start of the
#             command to its return with the links printed (the environment is stopped with -t:PreviewDown
#             between runs, not timed);
#   baseline  bench/baseline, a hand-written Aspire app host with the same resources, started the way its users
#             start one, `dotnet run --project bench/baseline` (plain HTTP on free loopback ports): like -t:Preview it
#             first checks the build is up to date. Timed from the start of the command to the moment the app host
#             has seen every resource healthy (it writes that time into a file); it is stopped with SIGTERM between
#             runs, and its processes (DCP and its children) are waited for, not timed.
# It builds what it needs first (the sample and the baseline), prints every run, both medians and, as its last line:
#   time-to-links: preview=<s> baseline=<s> ratio=<preview/baseline>
# Where it may create cgroups (as root), it also prints the CPU seconds each run used up to "ready", all its processes
# together (for -t:Preview: MSBuild too): a figure that other load on the machine disturbs less than wall time.
# For analysis only (the summary says when one is on):
#   BASELINE_PROJECTS_BY_PATH=1  the baseline adds its services by path, as PreviewSdk's generated code did before it
#                                used the Projects.* classes (Aspire then builds each service again as it starts);
#   BASELINE_VIA=dll             the baseline starts as `dotnet bin/…/Baseline.dll`, skipping the up-to-date build
#                                that both `dotnet run` and -t:Preview do: the app hosts alone, compared.
# Target: ratio <= 1.10. Everything it starts carries BENCH_OWNER=<id> in its environment; whatever is left of it is
# stopped on exit, on failure and on Ctrl+C. Needs the .NET SDK of global.json and PostgreSQL (the sample runs lightweight).
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
# Benchmarks with a script of their own: build/bench-<name>.sh.
case $1 in
    concurrency|containers|gateway|recovery|template|watch|noop)
        exec "$(dirname "${BASH_SOURCE[0]}")/bench-$1.sh" "${@:2}" ;;
esac
if [[ $1 == seed ]]; then
    shift
    SCALE=1
    while [[ $# -gt 0 ]]; do
        case $1 in
            --scale) SCALE=$2; shift 2 ;;
            *) usage ;;
        esac
    done
    [[ $SCALE =~ ^[0-9]+(\.[0-9]+)?$ ]] || usage
    REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    dotnet build "$REPO/bench/seed/SeedBench.csproj" -c Release -v:q -nologo >&2
    exec dotnet "$REPO/bench/seed/bin/Release/net10.0/SeedBench.dll" --scale "$SCALE"
fi
[[ $1 == time-to-links ]] || usage
shift
RUNS=${BENCH_RUNS:-5}
SDK_MODE=${BENCH_SDK:-package}
WARMUP=${BENCH_WARMUP:-1}
TIMEOUT=${BENCH_TIMEOUT:-240}
TEMPLATES=${BENCH_TEMPLATES:-on}
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --timeout) TIMEOUT=$2; shift 2 ;;
        --sdk) SDK_MODE=$2; shift 2 ;;
        --templates) TEMPLATES=$2; shift 2 ;;
        *) usage ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ && $WARMUP =~ ^[0-9]+$ && $TIMEOUT =~ ^[1-9][0-9]*$ && $SDK_MODE =~ ^(source|package)$ && $TEMPLATES =~ ^(on|off)$ ]] || usage
TEMPLATE_PROPS=()
if [[ $TEMPLATES == off ]]; then TEMPLATE_PROPS=(-p:PreviewTemplates=false); fi

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SAMPLE=$REPO/samples/Shop/Shop.Preview
BASELINE_DIR=$REPO/bench/baseline
BASELINE_DLL=$BASELINE_DIR/bin/Debug/net10.0/Baseline.dll
case ${BASELINE_VIA:-run} in
    dll) BASELINE_COMMAND=(dotnet "$BASELINE_DLL") ;;
    run) BASELINE_COMMAND=(dotnet run --project "$BASELINE_DIR/Baseline.csproj" --no-launch-profile) ;;
    *) echo "BASELINE_VIA is 'run' (default) or 'dll'" >&2; exit 2 ;;
esac
WORK=$(mktemp -d "${TMPDIR:-/tmp}/previewsdk-bench.XXXXXX")
STATE=$(mktemp -d "${TMPDIR:-/tmp}/previewsdk-bench-state.XXXXXX")
OWNER=previewsdk-bench-$$-$RANDOM$RANDOM
BASELINE_DATA=${TMPDIR:-/tmp}/previewsdk-baseline
# Everything the bench starts carries OWNER, so it can be found and stopped whatever happens. The handshake salt keeps
# the bench's MSBuild nodes (if node reuse is on) apart from those of other builds on the machine.
OWNED=(env "BENCH_OWNER=$OWNER" "MSBUILDNODEHANDSHAKESALT=$OWNER" UseSharedCompilation=false)

child=""          # the command being waited for
baseline_pid=""   # the baseline app host that may be running
baseline_run_id=""
baseline_runs=()  # run ids whose data folders to remove
env_ids=()        # ids of preview environments started, whose data folders PreviewDown removes

# shellcheck source=build/bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"

preview_down() {
    local name=$1
    run_waiting "$WORK/$name.down.log" "${OWNED[@]}" dotnet build "$SAMPLE" -t:PreviewDown "-p:PreviewName=$name" \
        "-p:PreviewStateRoot=$STATE" --disable-build-servers -nologo -v:m || {
        log "  PreviewDown of $name failed:"; tail -20 "$WORK/$name.down.log" | sed 's/^/    /'
        return 1
    }
}

# SIGTERM to the app host (and to `dotnet run`, which does not pass it on): Aspire then stops its resources.
stop_baseline() {
    [[ -z $baseline_pid ]] && return 0
    local pid
    kill -TERM "$baseline_pid" 2>/dev/null || true
    for pid in $(processes_with "BASELINE_RUN_ID=$baseline_run_id"); do
        if { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q 'Baseline'; then kill -TERM "$pid" 2>/dev/null || true; fi
    done
    baseline_pid=""
}

# On exit, failure or Ctrl+C: stop whatever the bench started (the build it waits for, a preview environment, the
# baseline, MSBuild nodes), remove the data folders and the bench's folders. Reports go to stderr, so that on success
# the summary stays the last line of the output.
cleanup() {
    local rc=$? id file
    trap - EXIT INT TERM HUP
    set +e
    if [[ -n $child ]]; then kill -TERM "$child" 2>/dev/null; fi
    stop_baseline
    # Not PreviewDown: an interrupted -t:Preview holds the environment's lock. Every process of the environment
    # carries BENCH_OWNER too, so stopping those stops it.
    stop_processes_with "BENCH_OWNER=$OWNER" 0 \
        || log "warning: processes carrying BENCH_OWNER=$OWNER survived: $(processes_with "BENCH_OWNER=$OWNER" | tr '\n' ' ')" >&2
    for file in "$STATE"/*/*/environment.json; do
        [[ -f $file ]] && env_ids+=("$(sed -n 's/.*"environmentId": *"\([^"]*\)".*/\1/p' "$file")")
    done
    for id in "${env_ids[@]}"; do [[ -n $id ]] && rm -rf "${TMPDIR:-/tmp}/previewsdk-data/$id"; done
    for id in "${baseline_runs[@]}"; do rm -rf "${BASELINE_DATA:?}/$id"; done
    rmdir "$BASELINE_DATA" 2>/dev/null
    cgroup_remove_all
    remove_packed_sdk
    rm -rf "$WORK" "$STATE"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "Interrupted."; exit 130' INT
trap 'exit 143' TERM HUP

# --- ports ------------------------------------------------------------------------------------------------------------
port_listening() {
    local hex
    hex=$(printf '%04X' "$1")
    grep -qE "^ *[0-9]+: [0-9A-F]+:$hex [0-9A-F]+:[0-9A-F]+ 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# A port below the ephemeral range that nothing listens on and that this bench has not handed out this run.
taken_ports=" "
free_port() {
    local port tries=0
    while (( tries++ < 500 )); do
        port=$(( 20000 + RANDOM % 12000 ))
        [[ $taken_ports == *" $port "* ]] && continue
        port_listening "$port" && continue
        taken_ports+="$port "
        echo "$port"
        return 0
    done
    echo "no free port found" >&2
    return 1
}

# --- CPU time ---------------------------------------------------------------------------------------------------------
# Each run also runs in a cgroup of its own, below the bench's own, when the kernel lets the bench create one (as
# root): the CPU time of all its processes up to "ready" is a figure that the machine's other load disturbs less than
# wall time. Accounting only: a child cgroup below the bench's own gets no controllers, so scheduling is unchanged.
CG_PARENT="" CG_KIND=""
if [[ -w /sys/fs/cgroup/cpuacct ]] && grep -q '^[0-9]*:\(.*,\)\{0,1\}cpuacct\(,.*\)\{0,1\}:' /proc/self/cgroup; then
    CG_KIND=v1
    CG_PARENT=/sys/fs/cgroup/cpuacct$(sed -n 's/^[0-9]*:\(.*,\)\{0,1\}cpuacct\(,.*\)\{0,1\}:\(.*\)$/\3/p' /proc/self/cgroup | head -1)
elif [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
    CG_KIND=v2
    CG_PARENT=/sys/fs/cgroup$(sed -n 's/^0::\(.*\)$/\1/p' /proc/self/cgroup | head -1)
fi
CG_PARENT=${CG_PARENT%/}

# Creates the cgroup of run $1 and prints its folder; prints nothing where cgroups cannot be made.
cgroup_new() {
    local dir=$CG_PARENT/$OWNER-$1
    [[ -n $CG_KIND && -d $CG_PARENT ]] || return 0
    if mkdir "$dir" 2>/dev/null; then echo "$dir"; fi
}

# Moves the calling (background) shell into cgroup $1, if any, and becomes the command that follows.
in_cgroup() {
    local dir=$1
    shift
    if [[ -n $dir ]]; then echo "$BASHPID" >"$dir/cgroup.procs" 2>/dev/null || true; fi
    exec "$@"
}

# The CPU seconds used so far by the processes of cgroup $1 (children included), or "?".
cgroup_cpu() {
    local dir=$1
    if [[ -z $dir ]]; then echo "?"; return; fi
    case $CG_KIND in
        v1) awk '{ printf "%.1f", $1 / 1e9 }' "$dir/cpuacct.usage" 2>/dev/null || echo "?" ;;
        v2) awk '$1 == "usage_usec" { printf "%.1f", $2 / 1e6 }' "$dir/cpu.stat" 2>/dev/null || echo "?" ;;
    esac
}

# Removes a run's cgroup once the processes in it are gone (an exiting process may linger in it for a moment).
cgroup_remove() {
    local dir=$1 tries=0
    [[ -n $dir && -d $dir ]] || return 0
    until rmdir "$dir" 2>/dev/null; do
        (( tries++ < 50 )) || { log "warning: could not remove cgroup $dir" >&2; return 0; }
        sleep 0.1
    done
}

cgroup_remove_all() {
    local dir
    [[ -n $CG_KIND ]] || return 0
    for dir in "$CG_PARENT/$OWNER-"*; do cgroup_remove "$dir"; done
}

# --- the two contestants --------------------------------------------------------------------------------------------
# Sets run_seconds and run_detail.
time_preview() {
    local name=$1 t0 t1 folder started ready cgroup
    local out=$WORK/$name.log
    cgroup=$(cgroup_new "$name")
    t0=$(now_ns)
    if ! run_waiting "$out" in_cgroup "$cgroup" "${OWNED[@]}" dotnet build "$SAMPLE" -t:Preview "-p:PreviewName=$name" "-p:PreviewStateRoot=$STATE" "${TEMPLATE_PROPS[@]}"; then
        log "preview run $name failed:"; tail -40 "$out" | sed 's/^/    /'
        return 1
    fi
    t1=$(now_ns)
    run_cpu=$(cgroup_cpu "$cgroup")
    grep -q "Preview '$name' (.*) is up in" "$out" || { log "preview run $name printed no links:"; tail -40 "$out"; return 1; }
    run_seconds=$(seconds_between "$t0" "$t1")
    # Where the time went, from the state files (written by the task at launch and by the app host when ready).
    folder=$(dirname "$(find "$STATE" -path "*/$name/environment.json" | head -1)")
    started=$(date -d "$(sed -n 's/.*"startedAt": *"\([^"]*\)".*/\1/p' "$folder/environment.json")" +%s%N)
    ready=$(date -d "$(sed -n 's/.*"readyAt": *"\([^"]*\)".*/\1/p' "$folder/ready.json")" +%s%N)
    env_ids+=("$(sed -n 's/.*"environmentId": *"\([^"]*\)".*/\1/p' "$folder/environment.json")")
    phase_build=$(seconds_between "$t0" "$started") phase_host=$(seconds_between "$started" "$ready") phase_return=$(seconds_between "$ready" "$t1")
    run_detail="cpu $run_cpu s; build+launch $phase_build s, app host to ready $phase_host s, ready to return $phase_return s; data $(grep -o 'seed [0-9]*, [a-z ]*' "$out" | head -1 | sed 's/seed [0-9]*, //')"
    # The template is kept after the data is in; the next runs clone it only if this one lives until it is stored.
    local deadline=$(( $(date +%s) + 120 ))
    while [[ $TEMPLATES == on ]] && ! compgen -G "$STATE/templates/*/template.json" >/dev/null && (( $(date +%s) < deadline )); do sleep 0.2; done
    preview_down "$name" || return 1
    # PreviewDown leaves no process behind; check it, so that the next run starts on a quiet machine.
    stop_processes_with "PREVIEW_ENVIRONMENT_ID=${env_ids[-1]}" 15 || { log "processes of preview $name survived PreviewDown"; return 1; }
    cgroup_remove "$cgroup"
}

time_baseline() {
    local name=$1 t0 ready_file=$WORK/$1.ready out=$WORK/$1.log run_id=$OWNER-$1 deadline ready_ms dashboard otlp resource_service cgroup
    dashboard=$(free_port); otlp=$(free_port); resource_service=$(free_port)
    baseline_runs+=("$run_id")
    cgroup=$(cgroup_new "$name")
    t0=$(now_ns)
    # As -t:Preview starts its app host: detached (own session), output to a file, in the project's folder.
    (
        cd "$BASELINE_DIR"
        in_cgroup "$cgroup" "${OWNED[@]}" BASELINE_RUN_ID="$run_id" BASELINE_READY_FILE="$ready_file" \
            ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
            ASPNETCORE_URLS="http://127.0.0.1:$dashboard" \
            ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$otlp" \
            ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$resource_service" \
            DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
            setsid "${BASELINE_COMMAND[@]}" >"$out" 2>&1 </dev/null
    ) &
    baseline_pid=$! baseline_run_id=$run_id
    deadline=$(( $(date +%s) + TIMEOUT ))
    while [[ ! -s $ready_file ]]; do
        if ! kill -0 "$baseline_pid" 2>/dev/null; then
            log "baseline run $name exited before it was ready:"; tail -40 "$out" | sed 's/^/    /'; return 1
        fi
        if (( $(date +%s) > deadline )); then
            log "baseline run $name was not ready within $TIMEOUT s:"; tail -40 "$out" | sed 's/^/    /'; return 1
        fi
        sleep 0.1
    done
    run_cpu=$(cgroup_cpu "$cgroup")
    ready_ms=$(tr -dc '0-9' <"$ready_file")
    run_seconds=$(seconds_between "$t0" "$(( ready_ms * 1000000 ))")
    run_detail="cpu $run_cpu s"
    # Aspire stops its resources on SIGTERM; DCP and its monitors take a while to go.
    stop_baseline
    stop_processes_with "BASELINE_RUN_ID=$run_id" 40 || { log "processes of baseline $name survived"; return 1; }
    local port
    for port in $dashboard $otlp $resource_service; do
        while port_listening "$port"; do sleep 0.2; done
    done
    taken_ports=" "
    rm -rf "${BASELINE_DATA:?}/$run_id"
    cgroup_remove "$cgroup"
}


# --- main -------------------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || { echo "dotnet is not on PATH" >&2; exit 1; }
cd "$REPO"
if [[ $SDK_MODE == package ]]; then use_packed_sdk; fi
log "Building the sample ($SDK_MODE SDK) and the baseline (not timed)…"
run_waiting "$WORK/build-sample.log" "${OWNED[@]}" dotnet build "$SAMPLE" --disable-build-servers -nologo -v:q \
    || { tail -40 "$WORK/build-sample.log"; exit 1; }
run_waiting "$WORK/build-baseline.log" "${OWNED[@]}" dotnet build "$BASELINE_DIR" --disable-build-servers -nologo -v:q \
    || { tail -40 "$WORK/build-baseline.log"; exit 1; }

log "time-to-links: $RUNS runs each, alternately, after $WARMUP warm-up pair(s); $SDK_MODE SDK; templates $TEMPLATES; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ ${BASELINE_PROJECTS_BY_PATH:-} == 1 ]]; then log "(analysis: the baseline adds its services by path, BASELINE_PROJECTS_BY_PATH=1)"; fi
if [[ ${BASELINE_VIA:-run} == dll ]]; then log "(analysis: the baseline starts from its dll without a build check, BASELINE_VIA=dll)"; fi
preview_times=() baseline_times=() preview_cpu=() baseline_cpu=() phases_build=() phases_host=() phases_return=()
total=$(( WARMUP + RUNS ))
for (( i = 1; i <= total; i++ )); do
    if (( i <= WARMUP )); then label="warm-up $i"; else label="run $(( i - WARMUP ))"; fi
    time_preview "bench-$i"
    log "$(printf '%-10s preview  %7s s   (%s)' "$label" "$run_seconds" "$run_detail")"
    if (( i > WARMUP )); then
        preview_times+=("$run_seconds") preview_cpu+=("$run_cpu")
        phases_build+=("$phase_build") phases_host+=("$phase_host") phases_return+=("$phase_return")
    fi
    time_baseline "baseline-$i"
    log "$(printf '%-10s baseline %7s s   (%s)' "$label" "$run_seconds" "$run_detail")"
    if (( i > WARMUP )); then baseline_times+=("$run_seconds"); baseline_cpu+=("$run_cpu"); fi
done

# What is left now is the bench's own (MSBuild nodes when node reuse is on); stop it before the summary.
stop_processes_with "BENCH_OWNER=$OWNER" 0 || true
preview_median=$(printf '%s\n' "${preview_times[@]}" | median)
baseline_median=$(printf '%s\n' "${baseline_times[@]}" | median)
ratio=$(awk -v p="$preview_median" -v b="$baseline_median" 'BEGIN { printf "%.2f", p / b }')
log "preview  runs: ${preview_times[*]}  median $preview_median s"
log "baseline runs: ${baseline_times[*]}  median $baseline_median s"
log "preview phases (medians): build+launch $(printf '%s\n' "${phases_build[@]}" | median) s, app host to ready $(printf '%s\n' "${phases_host[@]}" | median) s, ready to return $(printf '%s\n' "${phases_return[@]}" | median) s"
if [[ " ${preview_cpu[*]} ${baseline_cpu[*]} " != *"?"* ]]; then
    preview_cpu_median=$(printf '%s\n' "${preview_cpu[@]}" | median)
    baseline_cpu_median=$(printf '%s\n' "${baseline_cpu[@]}" | median)
    log "cpu to links (all processes of a run, median): preview=$preview_cpu_median s baseline=$baseline_cpu_median s ratio=$(awk -v p="$preview_cpu_median" -v b="$baseline_cpu_median" 'BEGIN { printf "%.2f", p / b }')"
fi
log "time-to-links: preview=$preview_median baseline=$baseline_median ratio=$ratio"
