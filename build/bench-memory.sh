#!/usr/bin/env bash
# Where an environment's memory goes: the proportional set size (PSS, from /proc/<pid>/smaps_rollup: shared pages
# divided among the processes that map them, so figures of several environments add up fairly) of its processes,
# summed per kind of process. Sourced by build/bench-concurrency.sh; run alone it prints one environment's figures:
#
#   build/bench-memory.sh <environment id>
#   apphost=126 dcp=85 dcp-monitors=110 dashboard=105 launchers=191 postgres=38 redis=0 shop-api=85 ... total=881
#
# An environment's processes are those carrying its id (PREVIEW_ENVIRONMENT_ID, which the app host hands to DCP
# and DCP to every resource) and their descendants: PostgreSQL's server processes overwrite their environment
# block with their titles, so they are found through the postmaster. Kinds: the app host, DCP's API server and
# controllers, DCP's one monitor per executable, the dashboard, the `dotnet run` launchers, PostgreSQL, Redis, and
# each service by the name of its program (the built apphost or dll of its project).

# The ids of every process of the environment $1 (not zombies), one a line.
environment_pids() {
    local id=$1 file pid
    declare -A seen=()
    local -a queue=()
    for file in $(grep -lasF "PREVIEW_ENVIRONMENT_ID=$id" /proc/[0-9]*/environ 2>/dev/null); do
        pid=${file#/proc/}; pid=${pid%/environ}
        [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
        queue+=("$pid")
    done
    # Parent -> children, from every process's stat (field 4 is the parent's id).
    declare -A children=()
    local stat parent
    for stat in /proc/[0-9]*/stat; do
        { read -r pid _ _ parent _ < "$stat"; } 2>/dev/null || continue
        children[$parent]+="$pid "
    done
    while (( ${#queue[@]} > 0 )); do
        pid=${queue[0]}; queue=("${queue[@]:1}")
        [[ -n ${seen[$pid]:-} ]] && continue
        seen[$pid]=1
        grep -qs '^State:[[:space:]]*[ZX]' "/proc/$pid/status" 2>/dev/null || printf '%s\n' "$pid"
        for parent in ${children[$pid]:-}; do queue+=("$parent"); done
    done
}

# The kind of process $1 is (see the header), from its command line.
process_kind() {
    local pid=$1 host=$2 args first
    mapfile -d '' -t args < "/proc/$pid/cmdline" 2>/dev/null || { echo gone; return; }
    first=${args[0]:-}
    if [[ $pid == "$host" ]]; then echo apphost
    elif [[ ${first##*/} == dcp && ${args[1]:-} == monitor-process ]]; then echo dcp-monitors
    elif [[ ${first##*/} == dcp ]]; then echo dcp
    elif [[ ${first##*/} == Aspire.Dashboard* || ${args[1]:-} == *Aspire.Dashboard.dll ]]; then echo dashboard
    elif [[ ${first##*/} == dotnet && ${args[1]:-} == run ]]; then echo launchers
    elif [[ ${first##*/} == postgres* || ${first##*/} == runuser || $first == postgres:* ]]; then echo postgres
    elif [[ ${first##*/} == redis* ]]; then echo redis
    elif [[ ${first##*/} == dotnet && ${args[1]:-} == *.dll ]]; then local dll=${args[1]##*/}; echo "${dll%.dll}"
    else echo "${first##*/}"
    fi
}

# The memory of process $1 in kB: its PSS, or with MEMORY_FIELD=Private its private pages alone (USS: what ending it
# frees; unlike PSS it does not change with how many other processes, of any environment, map the same files).
process_kb() {
    awk -v field="${MEMORY_FIELD:-Pss}" '
        field == "Pss" && $1 == "Pss:" { kb += $2 }
        field == "Private" && ($1 == "Private_Clean:" || $1 == "Private_Dirty:") { kb += $2 }
        END { print kb + 0 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0
}

# "kind=MB kind=MB … total=MB" for the environment $1 whose app host is process $2.
memory_by_kind() {
    local id=$1 host=$2 pid kind kb
    declare -A kb_of=()
    for pid in $(environment_pids "$id"); do
        kind=$(process_kind "$pid" "$host")
        [[ $kind == gone ]] && continue
        kb=$(process_kb "$pid")
        kb_of[$kind]=$(( ${kb_of[$kind]:-0} + ${kb:-0} ))
    done
    local total=0 line=""
    for kind in $(printf '%s\n' "${!kb_of[@]}" | sort); do
        line+="$kind=$(( kb_of[$kind] / 1024 )) "
        total=$(( total + kb_of[$kind] ))
    done
    echo "${line}total=$(( total / 1024 ))"
}

# PSS of the whole environment $1 in MB.
environment_pss_mb() {
    local pid kb total=0
    for pid in $(environment_pids "$1"); do
        kb=$(MEMORY_FIELD=Pss process_kb "$pid")
        total=$(( total + ${kb:-0} ))
    done
    echo $(( total / 1024 ))
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    [[ $# -ge 1 ]] || { echo "usage: build/bench-memory.sh <environment id> [app host pid]" >&2; exit 2; }
    memory_by_kind "$1" "${2:-0}"
fi
