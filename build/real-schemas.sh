#!/usr/bin/env bash
# Fetches the real application schemas the seeding tests load (tests/PreviewSdk.Seeding.Tests/RealSchemas/
# manifest.tsv) from Debian's own packages, through apt, into a cache outside git:
#
#   build/real-schemas.sh            (cache: artifacts/real-schemas, or REAL_SCHEMAS_CACHE)
#
# For each manifest line it downloads the exact package version with `apt-get download` (no installation),
# extracts the one file with dpkg-deb, checks its sha256 against the manifest, and writes the schema's migrations
# folder <cache>/<schema>/NNN_<file>.sql (gunzipped when shipped as .gz), in manifest order. A file already cached
# with the right sha256 is not fetched again, so a second run takes well under a second.
#
# When Debian no longer serves the manifest's version (a security or point release replaced it), the script takes
# the version apt now offers: if the file in it has the manifest's sha256 it is used, with a note asking to update
# the manifest's version; if the file differs, the script fails naming the new version and sha256, because a
# silently different schema would be a different test. Review the new file, then update the manifest line.
# Without package lists (a fresh machine) it runs `apt-get update` first when root; otherwise it asks for it.
#
# Exit codes: 0 every schema ready; 1 a download or check failed; 2 Debian ships a different file than the manifest
# names; 3 no apt-get or dpkg-deb on this machine (the tests then report the real schemas as skipped).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$repo_root/tests/PreviewSdk.Seeding.Tests/RealSchemas/manifest.tsv"
cache="${REAL_SCHEMAS_CACHE:-$repo_root/artifacts/real-schemas}"

say() { printf 'real-schemas: %s\n' "$*"; }
fail() { printf 'real-schemas: error: %s\n' "$1" >&2; exit "${2:-1}"; }

for tool in apt-get apt-cache dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null || fail "'$tool' is not on this machine; the real schemas come from Debian packages (Debian or Ubuntu with apt)" 3
done

mkdir -p "$cache/shipped"
exec 9>"$cache/.lock"
flock 9

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# apt's download sandbox user cannot write into a root-only temp folder; the download is verified by apt either way.
apt_options=()
[[ $(id -u) -eq 0 ]] && apt_options=(-o APT::Sandbox::User=root)
updated=false

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

# The version apt would download now, or nothing when the package is unknown to the local lists.
candidate_of() {
  apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { if ($2 != "(none)") print $2 }'
}

refresh_lists() {
  $updated && return 1
  updated=true
  if [[ $(id -u) -ne 0 ]]; then
    fail "apt does not know '$1'; run 'apt-get update' as root first"
  fi
  say "apt does not know '$1' yet: apt-get update"
  apt-get update -qq >&2 || fail "apt-get update failed"
}

# Downloads package $1 at version $2 into the temp folder and prints the .deb's path; fails quietly (status 1)
# when apt cannot get that version. Only the extracted files are kept (the packages are up to 40 MB).
download() {
  local package=$1 version=$2
  rm -f "$work"/*.deb
  (cd "$work" && apt-get download -qq "${apt_options[@]}" "$package=$version" >/dev/null 2>"$work/apt.err") || return 1
  printf '%s\n' "$work"/*.deb
}

# Writes file $2 of package $1 to $3.
extract() {
  dpkg-deb --fsys-tarfile "$1" | tar -xOf - "./$2" >"$3" 2>/dev/null \
    || fail "$(basename "$1") has no file $2"
}

# Makes $cache/shipped/<schema>/<file> hold the manifest's file, verified.
fetch_file() {
  local schema=$1 package=$2 version=$3 path=$4 sha=$5 shipped=$6 deb candidate found
  if ! deb=$(download "$package" "$version"); then
    candidate=$(candidate_of "$package")
    if [[ -z $candidate ]] && refresh_lists "$package"; then
      candidate=$(candidate_of "$package")
    fi
    [[ -n $candidate ]] || fail "apt has no package '$package' (is this Debian 12 with the main archive?)"
    if [[ $candidate == "$version" ]]; then
      fail "apt-get download $package=$version failed: $(tr '\n' ' ' <"$work/apt.err")"
    fi
    deb=$(download "$package" "$candidate") || fail "apt-get download $package=$candidate failed: $(tr '\n' ' ' <"$work/apt.err")"
    extract "$deb" "$path" "$shipped.new"
    found=$(sha_of "$shipped.new")
    if [[ $found != "$sha" ]]; then
      rm -f "$shipped.new"
      fail "$schema: Debian now ships $package $candidate (the manifest names $version, no longer served) and its
  $path differs: sha256 $found (manifest: $sha).
  This is a different schema, so a different test. Review it, then set version and sha256 of that line of
  $manifest to: $candidate and $found" 2
    fi
    say "note: $schema: Debian now ships $package $candidate instead of $version; $path is unchanged (same sha256). Update the manifest's version."
  else
    extract "$deb" "$path" "$shipped.new"
    found=$(sha_of "$shipped.new")
    if [[ $found != "$sha" ]]; then
      rm -f "$shipped.new"
      fail "$schema: $path of $package $version has sha256 $found, the manifest says $sha" 2
    fi
  fi
  mv "$shipped.new" "$shipped"
}

schemas=() files=0 fetched=0
declare -A position=()
while IFS=$'\t' read -r schema package version path sha _application _licence; do
  [[ -z $schema || $schema == \#* ]] && continue
  [[ -n $sha && -n $path ]] || fail "manifest line for '$schema' has too few fields"
  if [[ -z ${position[$schema]+set} ]]; then
    position[$schema]=0
    schemas+=("$schema")
    rm -rf "$cache/$schema"
    mkdir -p "$cache/$schema" "$cache/shipped/$schema"
  fi
  position[$schema]=$((position[$schema] + 1))
  shipped="$cache/shipped/$schema/$(basename "$path")"
  if [[ ! -s $shipped || $(sha_of "$shipped") != "$sha" ]]; then
    fetch_file "$schema" "$package" "$version" "$path" "$sha" "$shipped"
    fetched=$((fetched + 1))
  fi
  name="$(basename "$path" .gz)"
  name="$(printf '%03d_%s' "${position[$schema]}" "${name%.sql}").sql"
  if [[ $path == *.gz ]]; then
    gzip -dc "$shipped" >"$cache/$schema/$name"
  else
    cp "$shipped" "$cache/$schema/$name"
  fi
  files=$((files + 1))
done <"$manifest"

say "${#schemas[@]} schemas (${schemas[*]}), $files files, $fetched fetched now, in $cache"
