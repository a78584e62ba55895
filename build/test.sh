#!/usr/bin/env bash
# The one test command: build/test.sh [extra dotnet test args, e.g. --filter ...]
# Last line of output is always "N passed, N failed".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { echo "test.sh: $*" >&2; }

# Shared helpers (apt_install with a single apt-get update, private PostgreSQL).
. build/pg.sh

# Integration tests need PostgreSQL: INVITATIONS_TEST_POSTGRES wins, then
# Testcontainers when a Docker engine answers, else a throwaway local cluster.
if [[ -z ${INVITATIONS_TEST_POSTGRES:-} ]]; then
  if command -v docker >/dev/null && timeout 5 docker info >/dev/null 2>&1; then
    log "Docker engine found; tests will use Testcontainers"
  else
    pg_ensure_installed
    pg_tmp=$(mktemp -d)
    # mktemp -d is root-only 0700; as root the server runs as postgres and must get in.
    [[ $(id -u) -ne 0 ]] || chown postgres:postgres "$pg_tmp"
    # Quiet, so the summary stays the last line of output.
    cleanup_pg() { pg_stop "$pg_tmp/data" >/dev/null 2>&1 || true; rm -rf "$pg_tmp"; }
    trap cleanup_pg EXIT
    # An untrapped INT/TERM kills bash without running the EXIT trap; exit does run it.
    trap 'exit 130' INT
    trap 'exit 143' TERM
    PG_FAST=1 PG_MAX_CONNECTIONS=300 pg_start "$pg_tmp/data" >/dev/null
    export INVITATIONS_TEST_POSTGRES=$PG_CONNECTION_STRING
    log "private PostgreSQL on port $PG_PORT (data in $pg_tmp)"
  fi
fi

# The test hosts' encryption key (Security:EncryptionKeys), fresh for each run; without it they use a fixed test key.
export INVITATIONS_TEST_ENCRYPTION_KEY=${INVITATIONS_TEST_ENCRYPTION_KEY:-$(head -c 32 /dev/urandom | base64)}

# Browser tests drive a system Chromium (no browser downloads on CI).
export INVITATIONS_CHROMIUM=${INVITATIONS_CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $INVITATIONS_CHROMIUM && $INVITATIONS_CHROMIUM == /usr/bin/chromium ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    log "installing chromium (apt)"
    apt_install chromium
  else
    log "warning: $INVITATIONS_CHROMIUM missing and not root; browser tests will fail"
  fi
fi

# The compose file is validated by a test; Debian's docker-compose parses it without an engine.
if ! command -v docker-compose >/dev/null && [[ $(id -u) -eq 0 ]]; then
  log "installing docker-compose (apt) to validate docker-compose.yml"
  apt_install docker-compose >/dev/null || log "warning: docker-compose not installed"
fi

# The walk-through test runs build/walkthrough.sh, as a newcomer would: it calls the service with curl and reads ids with jq.
for tool in curl jq; do
  if ! command -v "$tool" >/dev/null && [[ $(id -u) -eq 0 ]]; then
    log "installing $tool (apt) for build/walkthrough.sh"
    apt_install "$tool" >/dev/null || log "warning: $tool not installed; the walk-through test will fail"
  fi
done

# build/run.sh starts the mail viewer (smtp4dev, a local tool); restored here so its test needs no registry.
dotnet tool restore >/dev/null || log "warning: dotnet tool restore failed; build/run.sh's test will miss its mail viewer"

# The OpenAPI lint test runs Redocly CLI, installed once into a cache folder (build/redocly.sh).
INVITATIONS_REDOCLY=$(build/redocly.sh --install) || log "warning: Redocly CLI not installed; the OpenAPI lint test will fail"
export INVITATIONS_REDOCLY

results=$PWD/.test-results
rm -rf "$results"
# LogFilePrefix (not LogFileName): every test project gets its own
# <prefix>_<tfm>_<timestamp>.trx instead of overwriting one shared file.
rc=0
dotnet test Invitations.sln -c Release \
  --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@" || rc=$?

# Sum <Counters .../> over all trx files; RS='<' makes each XML element one
# record, so attribute order and line wrapping don't matter.
read -r passed failed < <(
  find "$results" -name '*.trx' -type f -print0 2>/dev/null | xargs -0r cat |
    awk 'BEGIN { RS = "<" }
      function attr(name,   m) {
        if (match($0, "[ \t\r\n]" name "=\"[0-9]+\"")) {
          m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0
        }
        return 0
      }
      /^Counters[ \t\r\n\/>]/ {
        p += attr("passed")
        # error/timeout/aborted are failures too, just reported under other names.
        f += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
      }
      END { print p + 0, f + 0 }'
)

echo "$passed passed, $failed failed"
if ((rc != 0)); then exit "$rc"; fi
# A green run that executed nothing (bad --filter, no trx written) is a failure.
if ((failed > 0 || passed == 0)); then exit 1; fi
