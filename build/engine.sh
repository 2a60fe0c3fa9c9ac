#!/usr/bin/env bash
# Makes a container engine answer the Docker Engine API on this machine and prints, as its last line, the
#   DOCKER_HOST=unix:///…
# to use. An engine that already answers (DOCKER_HOST, /var/run/docker.sock, the Podman sockets) is used as it is.
# Otherwise, as root on Debian: installs Podman from Debian's packages when missing, writes the
# /etc/containers/containers.conf this machine kind needs (once; an existing file is left alone), and starts
# `podman system service` on a unix socket, detached, with no time limit.
#
# Why the settings (facts of Debian 12 machines with cgroups v1 in a hybrid layout, root without
# CAP_SYS_RESOURCE):
#   runtime = "runc"                 crun refuses the hybrid cgroup layout
#   default_ulimits = nofile=H:H     Podman's default (1048576) is above the hard limit root may set here
#   exit_command_delay = 30          else every exec leaves a monitor process for 300 s
#
# Settings (environment variables):
#   PREVIEW_ENGINE_SOCKET  the socket to serve on when starting one (default /run/podman/podman.sock, where Docker clients and PreviewSdk look for rootful Podman)
#   PREVIEW_ENGINE_LOG     the service's log (default /tmp/previewsdk-podman-service.log)
# Used by .ci/run, the end-to-end tests and anyone trying the containers of the sample:
#   export "$(build/engine.sh | tail -n 1)"
set -euo pipefail

socket=${PREVIEW_ENGINE_SOCKET:-/run/podman/podman.sock}
service_log=${PREVIEW_ENGINE_LOG:-/tmp/previewsdk-podman-service.log}

say() { printf 'engine: %s\n' "$*" >&2; }

answers() { # a unix socket path: does a Docker API answer /_ping there?
    [[ -S $1 ]] && curl -fsS --max-time 3 --unix-socket "$1" http://d/_ping >/dev/null 2>&1
}

print_host() { echo "DOCKER_HOST=unix://$1"; exit 0; }

# build/images.sh's registry on localhost:5000 speaks plain HTTP (on loopback only): pulls from it must not insist
# on TLS. Read by Podman's service when it starts (a service started before this file existed needs a restart).
registries=/etc/containers/registries.conf.d/50-previewsdk-local-registry.conf
if [[ $(id -u) -eq 0 && ! -s $registries ]]; then
    mkdir -p "$(dirname "$registries")"
    printf '%s\n' '# Written by PreviewSdk build/engine.sh: build/images.sh'"'"'s registry speaks plain HTTP, on loopback only.' \
        '[[registry]]' 'location = "localhost:5000"' 'insecure = true' >"$registries"
fi

if [[ ${DOCKER_HOST:-} == unix://* ]] && answers "${DOCKER_HOST#unix://}"; then
    print_host "${DOCKER_HOST#unix://}"
fi
for candidate in "$socket" /var/run/docker.sock /run/podman/podman.sock "${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/podman/podman.sock"; do
    answers "$candidate" && print_host "$candidate"
done

[[ $(id -u) -eq 0 ]] || { say "no engine answers, and installing Podman needs root"; exit 1; }
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

# dnsname: containers on one network find each other by name (a service container reaches "postgres"); Podman
# 4.3 on Debian uses CNI, whose networks resolve names only with this plugin.
if ! command -v podman >/dev/null || ! command -v runc >/dev/null || [[ ! -x /usr/lib/cni/dnsname ]]; then
    say "installing podman"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman runc uidmap slirp4netns \
        golang-github-containernetworking-plugin-dnsname >/dev/null
fi

conf=/etc/containers/containers.conf
if [[ ! -s $conf ]]; then
    hard=$(ulimit -Hn)
    say "writing $conf (runc, nofile=$hard:$hard)"
    mkdir -p /etc/containers
    cat >"$conf" <<CONF
# Written by PreviewSdk's build/engine.sh for Debian 12 machines (cgroups v1 hybrid, no CAP_SYS_RESOURCE).
[containers]
default_ulimits = ["nofile=$hard:$hard", "nproc=32768:32768"]

[engine]
runtime = "runc"
exit_command_delay = 30
CONF
fi

mkdir -p "$(dirname "$socket")"
rm -f "$socket"
say "starting podman system service on $socket (log $service_log)"
# setsid: the service outlives this script and the build or test that called it.
setsid podman system service --time=0 "unix://$socket" >"$service_log" 2>&1 </dev/null &
for _ in $(seq 1 100); do
    answers "$socket" && print_host "$socket"
    sleep 0.2
done
say "podman system service did not answer on $socket within 20 s; its log:"
tail -n 20 "$service_log" >&2
exit 1
