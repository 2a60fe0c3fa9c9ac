#!/usr/bin/env bash
# Builds, into the local Podman engine, the container images that PreviewSdk's tests and the Shop sample's container
# profiles need, for machines that cannot pull from a public registry. Each is a minimal Debian root filesystem made
# by mmdebstrap from this machine's own apt sources, imported with `podman import`:
#
#   localhost/library/postgres:15   PostgreSQL 15 (Debian 12's), entry point honouring the official image's variables
#                                   (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, POSTGRES_INITDB_ARGS,
#                                   POSTGRES_HOST_AUTH_METHOD, /docker-entrypoint-initdb.d); build/images/postgres-entrypoint.sh
#   localhost/library/redis:7       Redis 7.0 (Debian 12's): redis-server and /bin/sh, as Aspire's Redis resource runs it
#   localhost/previewsdk/dotnet-aspnet:10.0
#                                   the base image of services built into images (dotnet publish -t:PublishContainer):
#                                   Debian 12 with this machine's .NET and ASP.NET Core 10.0 runtimes. The .NET SDK takes
#                                   base images from a registry only, so it is also pushed to a local registry
#                                   (Debian's docker-registry, on localhost:5000, loopback only):
#                                   localhost:5000/previewsdk/dotnet-aspnet:10.0 is what -p:PreviewContainerBaseImage= names.
#
# The names say what is inside: the versions are Debian 12's, and `localhost/` is Podman's prefix for images that
# come from no registry. A preview.yaml naming `postgres:15` and `redis:7` runs the official docker.io images where
# they can be pulled, and these with -p:PreviewContainerRegistry=localhost.
#
# An image already in the engine is kept (so a CI run builds each once; `--force` rebuilds). Needs root, Podman
# (build/engine.sh installs it) and mmdebstrap (installed when missing). Prints one line per image and the seconds
# it took.
set -euo pipefail

registry_address=${PREVIEW_REGISTRY_ADDRESS:-localhost:5000}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
force=false
[[ ${1:-} == --force ]] && force=true

say() { printf 'images: %s\n' "$*" >&2; }

[[ $(id -u) -eq 0 ]] || { say "building images needs root (mmdebstrap, podman import)"; exit 1; }
command -v podman >/dev/null || { say "podman is missing: run build/engine.sh first"; exit 1; }
if ! command -v mmdebstrap >/dev/null; then
    say "installing mmdebstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
fi

# The machine's own Debian mirror and suite (deb822 or one-line sources), so the build needs no other network.
mirror_line() {
    local uri suite
    uri=$(grep -h -m1 -E '^URIs: .*debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' || true)
    suite=$(grep -h -m1 -E '^Suites:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | awk '{print $2}' || true)
    if [[ -z $uri ]]; then
        read -r uri suite < <(grep -h -E '^deb [^[]*debian/? ' /etc/apt/sources.list 2>/dev/null | awk '{print $2, $3}' | head -n 1) || true
    fi
    echo "${suite:-bookworm} ${uri:-http://deb.debian.org/debian}"
}
read -r suite mirror < <(mirror_line)

# One build at a time on a machine (tests of several checkouts may ask at once); the second finds the images there.
exec 9>/tmp/previewsdk-images.lock
flock 9

workdir=$(mktemp -d /tmp/previewsdk-images.XXXXXX)
trap 'rm -rf "$workdir"' EXIT

# build_image NAME PACKAGES CUSTOMIZE-HOOK IMPORT-CHANGES...
build_image() {
    local name=$1 packages=$2 hook=$3
    shift 3
    if ! $force && podman image exists "$name"; then
        say "$name present"
        return
    fi
    local started=$SECONDS tarball="$workdir/rootfs.tar"
    # No documentation, manual pages or translations: a smaller image, the same programs.
    mmdebstrap --quiet --variant=minbase --mode=root --include="$packages" \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
        --dpkgopt='path-exclude=/usr/share/locale/*' \
        --customize-hook="$hook" --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
        "$suite" "$tarball" "$mirror" >&2
    local args=()
    for change in "$@"; do args+=(--change "$change"); done
    podman import --quiet "${args[@]}" "$tarball" "$name" >/dev/null
    rm -f "$tarball"
    say "$name built in $((SECONDS - started)) s"
}

build_image localhost/library/postgres:15 postgresql-15 \
    "install -m 755 '$here/images/postgres-entrypoint.sh' \"\$1/usr/local/bin/docker-entrypoint.sh\"; mkdir -p \"\$1/docker-entrypoint-initdb.d\"" \
    'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' 'CMD ["postgres"]' 'EXPOSE 5432' \
    'ENV PGDATA=/var/lib/postgresql/data' 'ENV LANG=C.UTF-8' 'STOPSIGNAL SIGINT'

build_image localhost/library/redis:7 redis-server \
    'mkdir -p "$1/data"' \
    'CMD ["redis-server", "--protected-mode", "no"]' 'WORKDIR /data' 'EXPOSE 6379'

# The .NET runtimes of this machine's SDK (the newest 10.0 of each), copied into the base image as they are.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime_version() { ls "$dotnet_root/shared/$1" | grep '^10\.0\.' | sort -V | tail -n 1; }
netcore=$(runtime_version Microsoft.NETCore.App)
aspnet=$(runtime_version Microsoft.AspNetCore.App)
base=localhost/previewsdk/dotnet-aspnet:10.0
build_image "$base" libicu72,ca-certificates,tzdata,libssl3 \
    "mkdir -p \"\$1/usr/share/dotnet/shared\" \"\$1/app\" && cp -a '$dotnet_root/dotnet' '$dotnet_root/host' \"\$1/usr/share/dotnet/\" && mkdir -p \"\$1/usr/share/dotnet/shared/Microsoft.NETCore.App\" \"\$1/usr/share/dotnet/shared/Microsoft.AspNetCore.App\" && cp -a '$dotnet_root/shared/Microsoft.NETCore.App/$netcore' \"\$1/usr/share/dotnet/shared/Microsoft.NETCore.App/\" && cp -a '$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet' \"\$1/usr/share/dotnet/shared/Microsoft.AspNetCore.App/\" && ln -s /usr/share/dotnet/dotnet \"\$1/usr/bin/dotnet\" && chroot \"\$1\" useradd --uid 1654 --no-create-home --home-dir /app --shell /usr/sbin/nologin app" \
    'ENV DOTNET_RUNNING_IN_CONTAINER=true' 'ENV APP_UID=1654' 'ENV ASPNETCORE_HTTP_PORTS=8080' 'WORKDIR /app' 'EXPOSE 8080'

# The local registry the .NET SDK pulls the base image from: started when nothing answers there.
registry_answers() { curl -fsS --max-time 3 "http://$registry_address/v2/" >/dev/null 2>&1; }
if ! registry_answers; then
    if ! command -v docker-registry >/dev/null; then
        say "installing docker-registry"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
    fi
    registry_root=/var/lib/previewsdk-registry
    mkdir -p "$registry_root"
    cat >"$registry_root/config.yml" <<CONF
version: 0.1
storage:
  filesystem:
    rootdirectory: $registry_root/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:${registry_address##*:}
CONF
    say "starting a local registry on $registry_address"
    # 9>&-: the registry outlives this script and must not hold its lock.
    setsid docker-registry serve "$registry_root/config.yml" >/tmp/previewsdk-registry.log 2>&1 </dev/null 9>&- &
    for _ in $(seq 1 50); do registry_answers && break; sleep 0.2; done
    registry_answers || { say "the registry did not answer; its log:"; tail -n 20 /tmp/previewsdk-registry.log >&2; exit 1; }
fi
pushed="$registry_address/previewsdk/dotnet-aspnet:10.0"
if $force || ! curl -fsS --max-time 5 "http://$registry_address/v2/previewsdk/dotnet-aspnet/manifests/10.0" \
        -H 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' \
        -o /dev/null 2>/dev/null; then
    podman push --quiet --tls-verify=false "$base" "docker://$pushed" >&2
    say "$pushed pushed"
else
    say "$pushed present"
fi
