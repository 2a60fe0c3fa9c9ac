#!/usr/bin/env bash
# build/bench.sh recovery [--rounds 3] [--profile lightweight]
#
# How fast an environment heals. Starts one environment of the Shop sample (-t:Preview on the built sample), then,
# --rounds times each, alternately:
#   service   kill -9 of shop-api's process (the service, not `dotnet run` above it);
#   postgres  kill -9 of PostgreSQL's main process;
# and measures, from the kill: when the first dependent is reported unhealthy (shop-web for shop-api, shop-api for
# PostgreSQL: the issue's bound is 10 s), and when the environment is healthy again: every resource Running and
# healthy in resources.json and every link "up" in links.json. It polls those files every 50 ms. Last line:
#   recovery: service_s=<median> postgres_s=<median> dependent_follow_max_s=<max>
# The service's time is mostly its own start (`dotnet run`, EF Core's migration check) plus Aspire's health check
# pace (1, 2, 3… s while unhealthy); PostgreSQL's the restart back-off (1 s) and its start.
# Not a test: it fails only when the environment does not come back within 180 s. Needs python3 (to read the JSON).
# The environment is stopped at the end, also on failure or Ctrl+C.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/bench-lib.sh
source "$REPO/build/bench-lib.sh"

ROUNDS=3
PROFILE=lightweight
while [[ $# -gt 0 ]]; do
    case $1 in
        --rounds) ROUNDS=$2; shift 2 ;;
        --profile) PROFILE=$2; shift 2 ;;
        *) usage_of_script ;;
    esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "--rounds is a count" >&2; exit 2; }

SAMPLE=$REPO/samples/Shop/Shop.Preview
WORK=$(mktemp -d "${TMPDIR:-/tmp}/previewsdk-bench-recovery.XXXXXX")
STATE=$WORK/state
NAME=bench-recovery
FOLDER=$STATE/shop/$NAME
OWNER=previewsdk-bench-$$-$RANDOM$RANDOM
OWNED=(env "BENCH_OWNER=$OWNER" "MSBUILDNODEHANDSHAKESALT=$OWNER" UseSharedCompilation=false)
BUILD_PROPS=("-p:PreviewStateRoot=$STATE" "-p:PreviewProfile=$PROFILE" "-p:PreviewName=$NAME")

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    set +e
    if [[ -n $child ]]; then kill -TERM "$child" 2>/dev/null; fi
    "${OWNED[@]}" dotnet build "$SAMPLE" -t:PreviewDown "${BUILD_PROPS[@]}" -nologo -v:q >/dev/null 2>&1
    stop_processes_with "BENCH_OWNER=$OWNER" 0 || log "warning: processes carrying BENCH_OWNER=$OWNER survived" >&2
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "Interrupted."; exit 130' INT
trap 'exit 143' TERM HUP

# The pid of the environment's process whose command line matches $1 (an extended regular expression).
environment_process() {
    local id pid
    id=$(sed -n 's/.*"environmentId": *"\([^"]*\)".*/\1/p' "$FOLDER/environment.json")
    for pid in $(processes_with "PREVIEW_ENVIRONMENT_ID=$id"); do
        if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Eq "$1"; then echo "$pid"; return; fi
    done
    return 1
}

# Kills $1 and prints "<seconds until $2 was unhealthy> <seconds until everything was healthy again>".
kill_and_time() {
    python3 - "$FOLDER" "$1" "$2" <<'PY'
import json, os, sys, time
folder, pid, dependent = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def read(name):
    with open(os.path.join(folder, name)) as f:
        return json.load(f)
os.kill(pid, 9)
start, followed = time.monotonic(), None
while time.monotonic() - start < 180:
    try:
        resources = {r["name"]: r for r in read("resources.json")["resources"]}
        links = read("links.json")["services"]
    except (OSError, ValueError):
        time.sleep(0.05); continue
    t = time.monotonic() - start
    if followed is None and resources[dependent].get("health") == "Unhealthy":
        followed = t
    healthy = all(n.endswith("-seed") or (r.get("state") == "Running" and r.get("health") in (None, "Healthy")) for n, r in resources.items())
    if followed is not None and healthy and all(l["state"] == "up" for l in links):
        print(f"{followed:.2f} {t:.2f}"); sys.exit(0)
    time.sleep(0.05)
sys.exit(1)
PY
}

cd "$REPO"
log "Starting the $PROFILE Shop sample (not timed)…"
run_waiting "$WORK/up.log" "${OWNED[@]}" dotnet build "$SAMPLE" -t:Preview "${BUILD_PROPS[@]}" -nologo \
    || { tail -40 "$WORK/up.log"; exit 1; }
log "recovery: $ROUNDS rounds of kill -9; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
service_times=() postgres_times=() follow_max=0
for (( i = 1; i <= ROUNDS; i++ )); do
    pid=$(environment_process '/Shop\.Api/bin/.*Shop\.Api') || { log "no shop-api process"; exit 1; }
    read -r followed healed < <(kill_and_time "$pid" shop-web) || { log "round $i: the environment did not heal after shop-api was killed"; exit 1; }
    log "$(printf 'round %d  service   shop-web unhealthy after %5s s, healthy again after %6s s' "$i" "$followed" "$healed")"
    service_times+=("$healed")
    follow_max=$(awk -v a="$followed" -v b="$follow_max" 'BEGIN { print (a > b) ? a : b }')

    pid=$(environment_process '^[^ ]*/postgres -D ') || { log "no PostgreSQL process"; exit 1; }
    read -r followed healed < <(kill_and_time "$pid" shop-api) || { log "round $i: the environment did not heal after PostgreSQL was killed"; exit 1; }
    log "$(printf 'round %d  postgres  shop-api unhealthy after %5s s, healthy again after %6s s' "$i" "$followed" "$healed")"
    postgres_times+=("$healed")
    follow_max=$(awk -v a="$followed" -v b="$follow_max" 'BEGIN { print (a > b) ? a : b }')
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
log "recovery: service_s=$(printf '%s\n' "${service_times[@]}" | median) postgres_s=$(printf '%s\n' "${postgres_times[@]}" | median) dependent_follow_max_s=$follow_max"
