#!/usr/bin/env bash
# Redocly CLI at a pinned version, installed once into a cache folder (not on every run), then run with the given arguments.
#   build/redocly.sh lint http://127.0.0.1:8080/openapi/v1.json   lints the live document with build/redocly.yaml
#   build/redocly.sh --install                                    installs if needed and prints the executable's path
# Env: XDG_CACHE_HOME (the cache is $XDG_CACHE_HOME/invitations/redocly, default ~/.cache/invitations/redocly).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=2.77.0
dir=${XDG_CACHE_HOME:-$HOME/.cache}/invitations/redocly
bin=$dir/node_modules/.bin/redocly

log() { echo "redocly.sh: $*" >&2; }
installed() { [[ -x $bin ]] && grep -q "\"version\": \"$version\"" "$dir/node_modules/@redocly/cli/package.json" 2>/dev/null; }

if ! installed; then
  if ! command -v npm >/dev/null; then
    # shellcheck source=build/pg.sh
    . "$root/build/pg.sh"
    log "installing nodejs and npm (apt)"
    apt_install nodejs npm >/dev/null || { log "npm is missing and could not be installed"; exit 1; }
  fi
  mkdir -p "$dir"
  # Two test runs starting at once install it once.
  exec 9>"$dir.lock"
  flock 9
  if ! installed; then
    log "installing @redocly/cli $version into $dir (once)"
    npm install --prefix "$dir" --save-exact --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >&2
  fi
  exec 9>&-
fi

if [[ ${1:-} == --install ]]; then
  echo "$bin"
  exit 0
fi

# Nothing leaves the machine: no usage telemetry, no update check.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
if [[ ${1:-} == lint && " $* " != *" --config"* ]]; then
  exec "$bin" lint --config "$root/build/redocly.yaml" "${@:2}"
fi
exec "$bin" "$@"
