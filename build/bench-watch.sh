#!/usr/bin/env bash
# build/bench.sh watch [--runs N] [--idle-seconds S] [--before REV]   (the figures: bench/watch/Program.cs)
#
# The watch over an environment, on the Shop sample (lightweight): the time from SIGKILL of shop-api's process to
# the alert's arrival at a webhook receiver on the loopback (--runs times, default 5, a fresh environment each;
# prints the median), and the CPU an idle environment spends over --idle-seconds (default 300; 0 skips it). With
# --before REV, the same for the sample of git revision REV (exported into a temporary folder and built there).
# Every process it starts carries BENCH_OWNER and is stopped at the end, also on failure or Ctrl+C.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/bench-lib.sh
source "$REPO/build/bench-lib.sh"

WATCH_ARGS=(--sample "$REPO/samples/Shop/Shop.Preview")
BEFORE_REV=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs|--idle-seconds) [[ ${2:-} =~ ^[0-9]+$ ]] || usage_of_script; WATCH_ARGS+=("$1" "$2"); shift 2 ;;
        --before) [[ -n ${2:-} ]] || usage_of_script; BEFORE_REV=$2; shift 2 ;;
        *) usage_of_script ;;
    esac
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/previewsdk-bench-watch.XXXXXX")
OWNER=previewsdk-bench-watch-$$
trap 'stop_processes_with "BENCH_OWNER=$OWNER" 0 || true; rm -rf "$WORK"' EXIT INT TERM HUP
if [[ -n $BEFORE_REV ]]; then
    git -C "$REPO" archive "$BEFORE_REV" | tar -x -C "$WORK"
    dotnet build "$WORK/samples/Shop/Shop.Preview" -nologo -v:q >&2
    WATCH_ARGS+=(--before "$WORK/samples/Shop/Shop.Preview")
fi
dotnet build "$REPO/samples/Shop/Shop.Preview" -nologo -v:q >&2
dotnet build "$REPO/bench/watch/Watch.csproj" -c Release -nologo -v:q >&2
BENCH_OWNER=$OWNER dotnet "$REPO/bench/watch/bin/Release/net10.0/Watch.dll" "${WATCH_ARGS[@]}"
