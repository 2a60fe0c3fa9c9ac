#!/usr/bin/env bash
# build/bench.sh gateway [--connections N] [--seconds S] [--rounds R]
#
# Starts a lightweight environment of the Shop sample (`-t:Preview`), then measures GET /products of shop-api (a
# small JSON list the API keeps in memory) directly on the service's own endpoint (Aspire's, as resources.json names
# it) and through the environment's gateway (http://shop-api.<env>.localhost:<port>/, with the access cookie its
# shared link gives), alternating phases, with one load client (bench/gateway, a Release build):
#   throughput: N connections (default 16) in a closed loop, R rounds (default 4) of S seconds (default 5) per side;
#   latency:    one connection, the same rounds: p50 and p99 per side (a request's own cost, not queueing).
# Prints every phase, both summaries and, as its last line:
#   gateway: direct_rps=<a> gateway_rps=<b> ratio=<b/a> p99_added_ms=<m>
# Target on 2 cores: ratio >= 0.7 and p99 added <= 2 ms. The client, the gateway (in the app host), Aspire's endpoint
# proxy and the service share the machine's cores, as they do in use. The environment is stopped at the end, also
# on failure or Ctrl+C. Not a test: it fails only when a run fails. Needs PostgreSQL (the sample's database).
set -euo pipefail

CONNECTIONS=16
SECONDS_PER_PHASE=5
ROUNDS=4
while [[ $# -gt 0 ]]; do
    case $1 in
        --connections) CONNECTIONS=$2; shift 2 ;;
        --seconds) SECONDS_PER_PHASE=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
    esac
done
for value in "$CONNECTIONS" "$SECONDS_PER_PHASE" "$ROUNDS"; do
    [[ $value =~ ^[1-9][0-9]*$ ]] || { echo "--connections, --seconds and --rounds are positive numbers" >&2; exit 2; }
done

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/bench-lib.sh
source "$REPO/build/bench-lib.sh"
SAMPLE=$REPO/samples/Shop/Shop.Preview
WORK=$(mktemp -d "${TMPDIR:-/tmp}/previewsdk-bench-gateway.XXXXXX")
STATE=$WORK/state
NAME=bench-gateway
OWNER=previewsdk-bench-$$-$RANDOM$RANDOM
OWNED=(env "BENCH_OWNER=$OWNER" "MSBUILDNODEHANDSHAKESALT=$OWNER" UseSharedCompilation=false)
BUILD_PROPS=("-p:PreviewStateRoot=$STATE" "-p:PreviewName=$NAME" "-c" "${BENCH_CONFIGURATION:-Release}")

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

log "Building the load client and starting the sample's environment ..."
run_waiting "$WORK/build.log" "${OWNED[@]}" dotnet build "$REPO/bench/gateway/GatewayBench.csproj" -c Release -nologo -v:q \
    || { cat "$WORK/build.log" >&2; exit 1; }
run_waiting "$WORK/preview.log" "${OWNED[@]}" dotnet build "$SAMPLE" -t:Preview "${BUILD_PROPS[@]}" -nologo -tl:off \
    || { tail -40 "$WORK/preview.log" >&2; exit 1; }
FOLDER=$STATE/shop/$NAME
"${OWNED[@]}" dotnet "$REPO/bench/gateway/bin/Release/net10.0/GatewayBench.dll" --state "$FOLDER" \
    --connections "$CONNECTIONS" --seconds "$SECONDS_PER_PHASE" --rounds "$ROUNDS"
