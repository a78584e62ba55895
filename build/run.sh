#!/usr/bin/env bash
# The one run command: serves the API on http://127.0.0.1:8080 on a fresh Debian machine.
# Without ConnectionStrings__Invitations it starts a private PostgreSQL under ./.data/postgres; without Smtp__Host
# it starts a mail viewer (smtp4dev, a local dotnet tool) and sends mail there, or, if that can't be had, writes mail as
# .eml files to ./.data/mail. It makes an operator key and an encryption key once and keeps them in the data folder. A
# second run reuses the data. Ctrl-C stops everything it started.
# The service reads src/Invitations.Api/appsettings.json (its content root is that folder): edit it and run again.
# Env: INVITATIONS_DATA_DIR (default ./.data), ASPNETCORE_URLS (default http://127.0.0.1:8080),
#      RUN_CONFIGURATION (default Release), RUN_SKIP_BUILD=1 to start the last build as it is,
#      RUN_MAIL_VIEWER=0 to write .eml files instead of starting the mail viewer.
# Options: --allow-private-webhooks  let webhooks call loopback and private addresses over plain http
#          (Webhooks__AllowPrivateNetworks=true): for a receiver on this machine (build/webhook-receiver), never in production.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. build/pg.sh
. build/mailviewer.sh

log() { echo "run.sh: $*" >&2; }

for arg in "$@"; do
  case $arg in
    --allow-private-webhooks) export Webhooks__AllowPrivateNetworks=true ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) log "unknown option $arg (see build/run.sh --help)"; exit 64 ;;
  esac
done
mkdir -p "${INVITATIONS_DATA_DIR:-.data}"
data=$(realpath "${INVITATIONS_DATA_DIR:-.data}")
url=${ASPNETCORE_URLS:-http://127.0.0.1:8080}

pg_data=""
stop_all() {
  mailviewer_stop
  [[ -z $pg_data ]] || pg_stop "$pg_data" >/dev/null 2>&1 || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z ${ConnectionStrings__Invitations:-} ]]; then
  log "starting PostgreSQL (the first run installs it with apt and creates its cluster)"
  pg_ensure_installed
  pg_data=$data/postgres
  # As root the server runs as the postgres user, which must be able to reach the folder.
  if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$data"; then
    pg_data=/var/lib/invitations-dev/$(echo "$PWD" | sha1sum | cut -c1-12)/postgres
    mkdir -p "$(dirname "$pg_data")" && chmod 755 "$(dirname "$pg_data")"
    log "$data is not reachable by the postgres user; database kept in $pg_data"
  fi
  pg_start "$pg_data" >/dev/null
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'invitations'" | grep -q 1; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres invitations
  fi
  export ConnectionStrings__Invitations="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=invitations"
  log "PostgreSQL on port $PG_PORT (data in $pg_data)"
fi

mail_info=""
if [[ -n ${Smtp__Host:-} ]]; then
  mail_info="Mail goes to:     SMTP on $Smtp__Host"
elif [[ ${RUN_MAIL_VIEWER:-1} != 0 ]] && log "starting the mail viewer (the first run installs smtp4dev, a dotnet tool)" &&
  mailviewer_start "$data/smtp4dev"; then
  export Email__Transport=Smtp Smtp__Host=127.0.0.1 Smtp__Port=$MAILVIEWER_SMTP_PORT Smtp__Security=None
  mail_info="Mail viewer:      $MAILVIEWER_URL   (smtp4dev; SMTP on 127.0.0.1:$MAILVIEWER_SMTP_PORT)"
  log "mail viewer (smtp4dev) on $MAILVIEWER_URL"
else
  export Email__Transport=${Email__Transport:-Directory}
  export Email__DirectoryPath=${Email__DirectoryPath:-$data/mail}
  mail_info="Mail goes to:     $Email__DirectoryPath   (.eml files; no mail viewer)"
  [[ ${RUN_MAIL_VIEWER:-1} == 0 ]] || log "no mail viewer: mail is written as .eml files to $Email__DirectoryPath"
fi

# An operator secret made once and kept, so the dashboard and operator routes work from the first run.
if [[ -z ${Operator__ApiKey:-} ]]; then
  [[ -s $data/operator-key ]] || (umask 077; head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' >"$data/operator-key")
  Operator__ApiKey=$(cat "$data/operator-key")
  export Operator__ApiKey
fi
# The encryption key of secrets at rest (webhook signing secrets, remembered responses), made once and kept beside the
# operator key: losing it loses those secrets. Rotating it: docs/operations.md, "Encryption key and rotation".
if [[ -z ${Security__EncryptionKeys__0:-} && -z ${Security__EncryptionKeys:-} ]]; then
  [[ -s $data/encryption-key ]] || (umask 077; head -c 32 /dev/urandom | base64 >"$data/encryption-key")
  Security__EncryptionKeys__0=$(cat "$data/encryption-key")
  export Security__EncryptionKeys__0
fi
export Invitations__FrontendBaseUrl=${Invitations__FrontendBaseUrl:-${url/127.0.0.1/localhost}}

if [[ ${RUN_SKIP_BUILD:-} != 1 ]]; then
  # Quiet for a minute on a first build otherwise: say what it is doing, a line per project as it is done.
  log "building the service (dotnet build -c ${RUN_CONFIGURATION:-Release}): restoring NuGet packages and compiling 4 projects;"
  log "the first build takes about a minute, later ones a few seconds"
  dotnet build src/Invitations.Api -c "${RUN_CONFIGURATION:-Release}" -v minimal -nologo -clp:NoSummary 2>&1 |
    sed -u -n -e 's|^ *Restored .*/\([^/]*\)\.csproj.*|run.sh:   restored packages of \1|p' \
      -e 's|^ *\([A-Za-z.]*\) -> .*|run.sh:   compiled \1|p' -e '/: error /p' >&2
fi
# The project folder is the content root, so its appsettings.json is the one read (and an edit needs no rebuild).
export ASPNETCORE_CONTENTROOT=$PWD/src/Invitations.Api
app=(dotnet "$PWD/src/Invitations.Api/bin/${RUN_CONFIGURATION:-Release}/net10.0/Invitations.Api.dll")
log "applying database migrations"
"${app[@]}" migrate >/dev/null

if [[ ! -s $data/demo.env ]]; then
  "${app[@]}" create-workspace --name "Demo workspace" --owner-email owner@demo.localhost |
    sed -n 's/^\(workspace_id\|api_key\): /\1=/p' >"$data/demo.env"
fi
# shellcheck disable=SC1091
. "$data/demo.env"

cat <<INFO

  Invitations is starting on $url
  Demo workspace:   $workspace_id
  Owner API key:    $api_key
  Operator key:     $Operator__ApiKey   (x-operator-key, and Basic user 'operator' on $url/hangfire)
  API reference:    $url/docs   (the OpenAPI document: $url/openapi/v1.json)
  $mail_info
  Walk-through:     build/walkthrough.sh   (in another terminal; README.md shows its steps)

  Invite someone:
  curl -i -X POST $url/v1/workspaces/$workspace_id/invitations -H "x-api-key: $api_key" -H "content-type: application/json" -d "{\"email\":\"person-\$RANDOM@example.com\",\"role\":\"admin\"}"

INFO

if [[ ${Webhooks__AllowPrivateNetworks:-} == true ]]; then
  cat >&2 <<WARN
  ************************************************************************************************
  WEBHOOKS MAY CALL PRIVATE NETWORKS: Webhooks__AllowPrivateNetworks=true (--allow-private-webhooks).
  Endpoints may use plain http and loopback, private, link-local and metadata addresses.
  For local development only: never on a host that can reach anything worth protecting.
  ************************************************************************************************

WARN
fi

ASPNETCORE_URLS=$url "${app[@]}" &
app_pid=$!
# Under set -e a failing command would end the trap early and leave PostgreSQL and the mail viewer running.
trap 'kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; stop_all' EXIT
wait "$app_pid"
