#!/usr/bin/env bash
# Functions the benchmarks share: sourced by build/bench.sh and the build/bench-*.sh scripts, not run on its own.
# They use $child (the command being waited for), set here.

child=""

log() { printf '%s\n' "$*"; }
# The calling script's header comment, as its usage; exits 2.
usage_of_script() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
now_ns() { date +%s%N; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

# The ids of live processes whose environment holds $1 (NAME=value); zombies hold nothing and do not count.
processes_with() {
    local file pid
    for file in $(grep -lasF "$1" /proc/[0-9]*/environ 2>/dev/null); do
        pid=${file#/proc/}; pid=${pid%/environ}
        [[ $pid == "$$" ]] && continue
        grep -qs '^State:[[:space:]]*[ZX]' "/proc/$pid/status" 2>/dev/null || printf '%s\n' "$pid"
    done
}

# Waits up to $2 seconds for the processes holding $1 to end by themselves; then terminates, and finally kills, the
# rest. Fails if any survive.
stop_processes_with() {
    local marker=$1 grace=$2 deadline pids round
    deadline=$(( $(date +%s) + grace ))
    while [[ -n $(processes_with "$marker") && $(date +%s) -lt $deadline ]]; do sleep 0.2; done
    for round in TERM KILL; do
        pids=$(processes_with "$marker")
        if [[ -z $pids ]]; then return 0; fi
        log "  (sending SIG$round to leftover processes: $(echo $pids))" >&2
        kill "-$round" $pids 2>/dev/null || true
        deadline=$(( $(date +%s) + 8 ))
        while [[ -n $(processes_with "$marker") && $(date +%s) -lt $deadline ]]; do sleep 0.2; done
    done
    [[ -z $(processes_with "$marker") ]]
}

# Runs a command in the background with its output in file $1 and waits for it, so that a signal interrupts the wait
# at once (and the bench's own output stays where it was, for the trap's messages).
run_waiting() {
    local out=$1
    shift
    "$@" >"$out" 2>&1 &
    child=$!
    local rc=0
    wait "$child" || rc=$?
    child=""
    return "$rc"
}

# For a bench of environments of the Shop sample: sets SAMPLE, WORK (a new temporary folder named after $1), STATE
# (the bench's own state root), OWNER (carried by everything the bench starts) and OWNED (the command prefix that
# sets it), and names=() (the environments started, for stop_sample_environments).
sample_bench_workspace() {
    SAMPLE=$REPO/samples/Shop/Shop.Preview
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/previewsdk-bench-$1.XXXXXX")
    STATE=$WORK/state
    OWNER=previewsdk-bench-$$-$RANDOM$RANDOM
    OWNED=(env "BENCH_OWNER=$OWNER" "MSBUILDNODEHANDSHAKESALT=$OWNER" UseSharedCompilation=false)
    names=()
}

# Stops each environment in names with PreviewDown, one after another (the build properties are the arguments).
down_sample_environments() {
    local name
    for name in "${names[@]}"; do
        "${OWNED[@]}" dotnet build "$SAMPLE" -t:PreviewDown "-p:PreviewName=$name" "$@" -nologo -v:q >/dev/null 2>&1 || true
    done
}

# On exit: stops each environment in names with PreviewDown (the build properties are the arguments), then whatever
# still carries OWNER, and removes WORK.
stop_sample_environments() {
    if [[ -n $child ]]; then kill -TERM "$child" 2>/dev/null; fi
    down_sample_environments "$@"
    stop_processes_with "BENCH_OWNER=$OWNER" 0 || log "warning: processes carrying BENCH_OWNER=$OWNER survived" >&2
    rm -rf "$WORK"
}

# The packed SDK, as a team gets it: a feed with the packages, and a copy of the samples outside the repository whose
# preview project names the SDK by name and version (global.json msbuild-sdks) instead of importing sdk/ by path.
# Needs REPO, WORK and OWNED; sets PACKAGE_VERSION and SAMPLE (remove_packed_sdk cleans the NuGet cache after).
use_packed_sdk() {
    PACKAGE_VERSION="0.1.0-bench.$(date +%Y%m%d%H%M%S)"
    log "Packing the SDK as $PACKAGE_VERSION (not timed)…"
    run_waiting "$WORK/pack.log" "${OWNED[@]}" dotnet pack "$REPO/sdk/PreviewSdk" -o "$WORK/feed" "-p:PreviewSdkVersion=$PACKAGE_VERSION" -nologo -v:q \
        || { tail -40 "$WORK/pack.log"; exit 1; }
    mkdir -p "$WORK/consumer"
    (cd "$REPO" && git ls-files -z samples | tar --null -T - -cf - | tar -xf - -C "$WORK/consumer")
    local sdk_version
    sdk_version=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$REPO/global.json" | head -1)
    cat > "$WORK/consumer/global.json" <<JSON
{
  "sdk": { "version": "$sdk_version", "rollForward": "latestFeature" },
  "msbuild-sdks": { "PreviewSdk": "$PACKAGE_VERSION", "Aspire.AppHost.Sdk": "13.6.4" }
}
JSON
    cat > "$WORK/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="previewsdk-bench" value="$WORK/feed" />
  </packageSources>
</configuration>
XML
    cat > "$WORK/consumer/samples/Shop/Shop.Preview/Shop.Preview.csproj" <<XML
<Project Sdk="PreviewSdk">
  <ItemGroup>
    <ProjectReference Include="../Shop.Api/Shop.Api.csproj" />
    <ProjectReference Include="../Shop.Worker/Shop.Worker.csproj" />
    <ProjectReference Include="../Shop.Web/Shop.Web.csproj" />
  </ItemGroup>
</Project>
XML
    SAMPLE=$WORK/consumer/samples/Shop/Shop.Preview
}

# Removes the packages use_packed_sdk put into the NuGet cache, if it ran.
remove_packed_sdk() {
    local id
    [[ -n ${PACKAGE_VERSION:-} ]] || return 0
    for id in previewsdk previewsdk.hosting previewsdk.seeding previewsdk.core; do
        rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$id/$PACKAGE_VERSION"
    done
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
