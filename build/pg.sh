#!/usr/bin/env bash
# Helpers for a PRIVATE PostgreSQL cluster (own datadir, own port, TCP on
# 127.0.0.1 only). The distro's cluster/service on port 5432 is never touched.
#
# Source it:   . build/pg.sh
#   pg_ensure_installed        -> sets PG_BIN (highest /usr/lib/postgresql/*/bin)
#   pg_start <datadir> [port]  -> exports PG_PORT, PG_CONNECTION_STRING (also printed)
#   pg_stop <datadir>
#   apt_install <pkg>...       -> apt-get install, with a single apt-get update per run
# Env: PG_FAST=1 turns off fsync/synchronous_commit (tests/benchmarks only:
#      a crash can corrupt the cluster). PG_MAX_CONNECTIONS (default 100).
# Files next to the datadir: <datadir>.port (last port), <datadir>/../postgres.log
#
# No `set -euo pipefail` here: it would leak into (and can kill) an interactive
# shell that sources this file. Functions check their own errors and return 1;
# scripts that source it (build/test.sh, build/run.sh) set strict mode themselves.

_pg_log() { echo "pg.sh: $*" >&2; }

_pg_is_root() { [[ $(id -u) -eq 0 ]]; }

apt_install() {
  _pg_is_root || { _pg_log "need root to apt-get install $*"; return 1; }
  command -v apt-get >/dev/null || { _pg_log "no apt-get; install $* by hand"; return 1; }
  # A fresh CI image has empty package lists; updating more than once is just slow.
  if [[ -z ${_APT_UPDATED:-} ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    _APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

_pg_find_bin() {
  local initdb
  initdb=$(printf "%s\n" /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)
  [[ -x $initdb ]] || return 1
  PG_BIN=$(dirname "$initdb")
}

pg_ensure_installed() {
  if [[ -n ${PG_BIN:-} && -x $PG_BIN/initdb ]] || _pg_find_bin; then
    export PG_BIN; return 0
  fi
  if ! _pg_is_root; then
    _pg_log "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin;" \
            "install them (sudo apt-get install -y postgresql) or set PG_BIN"
    return 1
  fi
  _pg_log "installing PostgreSQL (apt)"
  apt_install postgresql || return 1
  _pg_find_bin || { _pg_log "postgresql installed but no initdb found"; return 1; }
  export PG_BIN
}

# initdb/postgres/pg_ctl refuse to run as root, so root delegates to the
# postgres system user. cd / because postgres may not be allowed into $PWD.
_pg_run() {
  if _pg_is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

_pg_running() { [[ -d $1 ]] && _pg_run "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

_pg_port_free() {
  # Something answering on the port means it's taken (works without ss/python).
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_pg_pick_port() {
  local port=$((55432 + RANDOM % 2000)) i
  for ((i = 0; i < 200; i++, port++)); do
    _pg_port_free "$port" && { echo "$port"; return 0; }
  done
  _pg_log "no free port found"; return 1
}

_pg_export() {
  export PG_PORT=$1
  export PG_CONNECTION_STRING="Host=127.0.0.1;Port=$1;Username=postgres;Password=postgres;Database=postgres"
  echo "$PG_CONNECTION_STRING"
}

pg_start() {
  local datadir=${1:?usage: pg_start <datadir> [port]} want_port=${2:-}
  pg_ensure_installed || return 1
  datadir=$(realpath -m "$datadir")
  local parent portfile=$datadir.port log
  parent=$(dirname "$datadir")
  log=$parent/postgres.log

  if _pg_running "$datadir"; then
    # Line 4 of postmaster.pid is the port the running server really uses.
    local running_port
    running_port=$(sed -n 4p "$datadir/postmaster.pid")
    if [[ -n $want_port && $want_port != "$running_port" ]]; then
      _pg_log "cluster in $datadir already runs on port $running_port (asked for $want_port); reusing it"
    fi
    echo "$running_port" >"$portfile"
    _pg_export "$running_port"
    return 0
  fi

  mkdir -p "$parent" || return 1
  if _pg_is_root; then
    id postgres >/dev/null 2>&1 || { _pg_log "no 'postgres' system user to run the server as"; return 1; }
    [[ -d $datadir ]] || install -d -m 700 "$datadir" || return 1
    [[ $(stat -c %U "$datadir") == postgres ]] || chown -R postgres:postgres "$datadir" || return 1
    # pg_ctl opens the log as postgres; pre-creating it avoids needing a writable parent.
    { touch "$log" && chown postgres:postgres "$log"; } || return 1
    _pg_run test -w "$datadir" || {
      _pg_log "user postgres cannot reach $datadir (make its parent folders searchable: chmod o+x)"
      return 1
    }
  fi

  if [[ ! -f $datadir/PG_VERSION ]]; then
    local locale_opt=--no-locale
    # C.UTF-8 keeps byte-order collation but UTF-8 ctype; older images may lack it.
    # (here-string, not a pipe: with pipefail, grep -q exiting early could SIGPIPE locale)
    grep -qixE 'c\.utf-?8' <<<"$(locale -a 2>/dev/null)" && locale_opt=--locale=C.UTF-8
    _pg_run "$PG_BIN/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 "$locale_opt" >"$parent/initdb.log" 2>&1 || {
      _pg_log "initdb failed:"; cat "$parent/initdb.log" >&2; return 1
    }
  fi

  # Unix sockets go in the datadir (always writable by the server), unless the
  # path would exceed the ~107-byte socket path limit; clients use TCP anyway.
  local sockdir=$datadir
  ((${#datadir} < 90)) || sockdir=
  # max_connections: 100 (PostgreSQL's default, as in docker-compose.yml) unless PG_MAX_CONNECTIONS says otherwise; the
  # test run raises it for the many test databases it keeps open side by side.
  local opts="-c listen_addresses=127.0.0.1 -k '$sockdir' -c max_connections=${PG_MAX_CONNECTIONS:-100} -c shared_buffers=256MB"
  [[ ${PG_FAST:-} == 1 ]] && opts+=" -c fsync=off -c synchronous_commit=off"

  # Prefer the port used last time so connection strings stay stable; the
  # check-then-bind race with other jobs is covered by retrying on a new port.
  local port
  for _ in 1 2 3; do
    port=$want_port
    if [[ -z $port && -f $portfile ]] && _pg_port_free "$(cat "$portfile")"; then port=$(cat "$portfile"); fi
    [[ -n $port ]] || port=$(_pg_pick_port) || return 1
    if _pg_run "$PG_BIN/pg_ctl" -D "$datadir" -o "-p $port $opts" -l "$log" -w -t 60 start >/dev/null; then
      echo "$port" >"$portfile"
      _pg_export "$port"
      return 0
    fi
    [[ -z $want_port ]] || break
    rm -f "$portfile"
  done
  _pg_log "could not start PostgreSQL in $datadir; last lines of $log:"
  tail -n 20 "$log" >&2 || true
  return 1
}

pg_stop() {
  local datadir=${1:?usage: pg_stop <datadir>}
  [[ -n ${PG_BIN:-} ]] || _pg_find_bin || return 0
  datadir=$(realpath -m "$datadir")
  _pg_running "$datadir" || return 0
  _pg_run "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null
}
