#!/usr/bin/env bash
# build/bench.sh template [--runs 3] [--scale 20] [--runtime local|container]
#
# What a seeded-data template saves. A copy of the Shop sample (samples/.bench-template-<pid>/, removed at the end)
# whose lightweight profile seeds shopdb at --scale (default 20: about 16,000 rows) starts alternately, --runs times
# each:
#   first  with no template (the state root's templates/ removed before): initdb, shop-api's EF Core migrations, the
#          seeder; the environment then keeps its data as the template (waited for, not timed);
#   clone  with that template: a copy of its data folder, no initdb, migrations or seeding.
# Each is timed from database-ready (the app host records the server's connections in databases.json once PostgreSQL
# answers and shopdb exists) to data-in (the seeding, or the clone's confirmation, writes seed-report.md), from the
# two files' modification times; also from the app host's start (environment.json's startedAt) to data-in, which
# counts initdb or the copy. Every environment is stopped with -t:PreviewDown. Last line:
#   template: first_s=<median> clone_s=<median> rows=<n>
# --runtime container: PostgreSQL as a container of the engine (build/engine.sh, the image of build/images.sh); the
# template is then an image, and a clone is a container run from it. Its template images are removed at the end.
# Target: clone_s <= 1 at scale 20. Needs PostgreSQL's binaries with pg_basebackup (local) or root (container).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/bench-lib.sh
source "$REPO/build/bench-lib.sh"

RUNS=3
SCALE=20
RUNTIME=local
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --scale) SCALE=$2; shift 2 ;;
        --runtime) RUNTIME=$2; shift 2 ;;
        *) usage_of_script ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ && $SCALE =~ ^[0-9]+(\.[0-9]+)?$ && $RUNTIME =~ ^(local|container)$ ]] || usage_of_script

sample_bench_workspace template
# The copy sits where the sample does, two folders below the repository, so its relative imports of sdk/ still work.
COPY=$REPO/samples/.bench-template-$$
SAMPLE=$COPY/Shop.Preview
BUILD_PROPS=("-p:PreviewStateRoot=$STATE")
if [[ $RUNTIME == container ]]; then
    export "$("$REPO/build/engine.sh" | tail -n 1)"
    "$REPO/build/images.sh" >/dev/null
    BUILD_PROPS+=("-p:PreviewContainerRegistry=localhost")
fi
child=""
# A container's template is an image of the engine, named in its template.json: removed with the folder.
remove_templates() {
    local image
    for image in $(sed -n '/"image"/,/}/s/.*"name": *"\([^"]*\)".*/\1/p' "$STATE"/templates/*/template.json 2>/dev/null); do
        podman rmi "$image" >/dev/null 2>&1 || docker rmi "$image" >/dev/null 2>&1 || log "could not remove the template image $image"
    done
    rm -rf "$STATE/templates"
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    set +e
    # The environments were stopped after each run; one still running (interrupted) keeps its image.
    remove_templates
    stop_sample_environments "${BUILD_PROPS[@]}"
    rm -rf "$COPY"
    exit "$rc"
}
trap cleanup EXIT
trap 'log "Interrupted."; exit 130' INT
trap 'exit 143' TERM HUP

(cd "$REPO/samples/Shop" && git ls-files -z . | tar --null -T - -cf - | (mkdir -p "$COPY" && tar -xf - -C "$COPY"))
# The lightweight profile seeds shopdb at the bench's scale (preview.yaml's own lightweight profile has none).
postgres_entry="postgres: { scale: $SCALE$([[ $RUNTIME == container ]] && echo ', runtime: container') }"
sed -i "s|^      cache: { enabled: false }.*|&\n      $postgres_entry|" "$SAMPLE/preview.yaml"
grep -qF "$postgres_entry" "$SAMPLE/preview.yaml" || { log "could not set the scale in $SAMPLE/preview.yaml"; exit 1; }
log "Building the copy of the sample (not timed)…"
run_waiting "$WORK/build.log" "${OWNED[@]}" dotnet build "$SAMPLE" --disable-build-servers -nologo -v:q || { tail -40 "$WORK/build.log"; exit 1; }

mtime_ns() { stat -c '%.9Y' "$1" | tr -d '.'; }
iso_ns() { date -d "$1" +%s%N; }

# Starts environment $1, waits for the template when $2 is "first", and sets ready_s, start_s, source, rows.
run_environment() {
    local name=$1 kind=$2 folder out=$WORK/$1.log started deadline
    names+=("$name")
    run_waiting "$out" "${OWNED[@]}" dotnet build "$SAMPLE" -t:Preview "-p:PreviewName=$name" "${BUILD_PROPS[@]}" --no-restore -nologo -v:m \
        || { log "run $name failed:"; tail -40 "$out" | sed 's/^/    /'; return 1; }
    folder=$STATE/shop/$name
    started=$(iso_ns "$(sed -n 's/.*"startedAt": *"\([^"]*\)".*/\1/p' "$folder/environment.json")")
    ready_s=$(seconds_between "$(mtime_ns "$folder/databases.json")" "$(mtime_ns "$folder/seed-report.md")")
    start_s=$(seconds_between "$started" "$(mtime_ns "$folder/seed-report.md")")
    source=$(grep -o 'shopdb: [^,]* tables, [0-9,]* rows, seed [0-9]*, [a-z ]*' "$out" | head -1 | sed 's/.*seed [0-9]*, //')
    rows=$(grep -o 'tables, [0-9,]* rows' "$out" | head -1 | tr -dc '0-9')
    if [[ $kind == first ]]; then
        deadline=$(( $(date +%s) + 120 ))
        until compgen -G "$STATE/templates/*/template.json" >/dev/null; do
            (( $(date +%s) < deadline )) || { log "no template after 120 s"; return 1; }
            sleep 0.2
        done
    fi
    run_waiting "$WORK/$name.down.log" "${OWNED[@]}" dotnet build "$SAMPLE" -t:PreviewDown "-p:PreviewName=$name" "${BUILD_PROPS[@]}" --no-restore -nologo -v:q \
        || { log "PreviewDown of $name failed"; return 1; }
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

log "template: $RUNS runs each, alternately; shopdb at scale $SCALE, PostgreSQL $RUNTIME; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
first=() clone=() first_start=() clone_start=()
for (( i = 1; i <= RUNS; i++ )); do
    remove_templates
    run_environment "first-$i" first
    [[ $source == seeded ]] || { log "first-$i was not seeded ($source)"; exit 1; }
    log "$(printf 'run %d first  %6s s database-ready to data-in, %6s s app host start to data-in (%s rows, %s)' "$i" "$ready_s" "$start_s" "$rows" "$source")"
    first+=("$ready_s") first_start+=("$start_s")
    run_environment "clone-$i" clone
    [[ $source == "cloned from template" ]] || { log "clone-$i was not cloned ($source)"; exit 1; }
    log "$(printf 'run %d clone  %6s s database-ready to data-in, %6s s app host start to data-in (%s rows, %s)' "$i" "$ready_s" "$start_s" "$rows" "$source")"
    clone+=("$ready_s") clone_start+=("$start_s")
done

log "app host start to data-in (medians): first=$(printf '%s\n' "${first_start[@]}" | median) s clone=$(printf '%s\n' "${clone_start[@]}" | median) s"
log "template: first_s=$(printf '%s\n' "${first[@]}" | median) clone_s=$(printf '%s\n' "${clone[@]}" | median) rows=$rows"
