#!/usr/bin/env bash
# The mail viewer for build/run.sh: smtp4dev (Rnwood.Smtp4dev, a local dotnet tool pinned in dotnet-tools.json), catching
# every email on loopback SMTP and showing it on a web page. Source it:   . build/mailviewer.sh
#   mailviewer_start <datadir>  -> exports MAILVIEWER_SMTP_PORT, MAILVIEWER_URL; returns 1 (and says why) if it can't
#   mailviewer_stop
# Ports: SMTP from 2525 and the web page from 5000, the first free ones. Its database and log stay in <datadir>.
# Like pg.sh, no strict mode here: the scripts that source it set their own.

_mailviewer_pid=""

_mailviewer_log() { echo "mailviewer.sh: $*" >&2; }

_mailviewer_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do ((port++)); done
  echo "$port"
}

_mailviewer_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /api/messages HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -n1 <&3 | grep -q ' 200 ') 2>/dev/null
}

mailviewer_start() {
  local data=${1:?usage: mailviewer_start <datadir>} i
  mkdir -p "$data" || return 1
  # First run: installs the tool from the registry into the NuGet cache; later runs find it there.
  if ! dotnet tool restore >"$data/tool-restore.log" 2>&1; then
    _mailviewer_log "could not install smtp4dev (dotnet tool restore; see $data/tool-restore.log)"
    return 1
  fi

  MAILVIEWER_SMTP_PORT=$(_mailviewer_free_port 2525)
  local web_port
  web_port=$(_mailviewer_free_port 5000)
  MAILVIEWER_URL=http://127.0.0.1:$web_port
  # Its own session, so that stopping it stops the tool process that `dotnet tool run` starts under it.
  setsid dotnet tool run smtp4dev -- \
    --urls="$MAILVIEWER_URL" --smtpport="$MAILVIEWER_SMTP_PORT" --bindaddress=127.0.0.1 --imapport= --pop3port= \
    --db="$data/smtp4dev.db" --baseappdatapath="$data" --nousersettings >"$data/smtp4dev.log" 2>&1 &
  _mailviewer_pid=$!

  for ((i = 0; i < 600; i++)); do
    # Its message list answering, which also warms it up for the first email. (Its SMTP server starts before the web
    # page; a probe of the SMTP port would show up as an empty session in the viewer.)
    if _mailviewer_answers "$web_port"; then
      export MAILVIEWER_SMTP_PORT MAILVIEWER_URL
      return 0
    fi
    if ! kill -0 "$_mailviewer_pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done

  _mailviewer_log "smtp4dev did not start (see $data/smtp4dev.log)"
  mailviewer_stop
  return 1
}

mailviewer_stop() {
  # Runs from EXIT traps under `set -e`: nothing here may fail.
  [[ -n $_mailviewer_pid ]] || return 0
  local i
  kill -TERM -- "-$_mailviewer_pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 -- "-$_mailviewer_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$_mailviewer_pid" 2>/dev/null || true
  wait "$_mailviewer_pid" 2>/dev/null || true
  _mailviewer_pid=""
}
