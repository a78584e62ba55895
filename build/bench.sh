#!/usr/bin/env bash
# build/bench.sh [--quick] — measures the service against this machine's own ceilings and writes
# build/benchmarks.md (--quick: build/benchmarks-quick.md, not committed). Each measurement runs side by side with its
# ceiling in the same run, 3 times (--quick: once, shorter and on smaller data). It prints the results table, then
# one line per target:
#   target <name>: <measured> (goal <goal>) met|missed
#
# What it starts (all private, all stopped on exit): a durable PostgreSQL cluster in a temp folder (default
# fsync/synchronous_commit: PG_FAST would flatter the database-bound figures), the API in Release, the ceiling
# (build/bench/Ceiling: one raw INSERT per create) and an SMTP sink (build/bench/Driver sink) that is the API's
# mail server throughout, since every create sends an email.
#
#   1 create      wrk -t2 -c32 (create.lua) on the service vs the ceiling: req/s, p50/p99, non-2xx
#   2 burst       Driver burst: N creates from 32 clients, then time until the last email reached the sink
#   3 sweep       Driver sweep: the service's expiry command vs one raw UPDATE on a copy, under a create load
#   4 memory      peak RSS (VmHWM) of the API during each create run
#   5 scale       create and list p99 in a workspace holding a small vs a large history
#   6 email-rate  (runs after the burst) Driver create: N invitations whose emails are owed, on an API without job
#                 workers; the API restarted as usual, then Driver deliveries: emails/s accepted by the sink
#   7 webhooks    in each create run, two more sides: the service into a workspace with an endpoint subscribed to
#                 invitation.created, and one subscribed to every event; then Driver burst against such an endpoint
#                 (Driver receiver): last 201 → last invitation.created received
#
# Env: BENCH_PG_STATS=1 also loads pg_stat_statements and writes the top statements to build/bench-pg-stats.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. build/pg.sh

log() { echo "bench.sh: $*" >&2; }

quick=0
case ${1:-} in
  --quick) quick=1 ;;
  "") ;;
  *) echo "usage: build/bench.sh [--quick]" >&2; exit 2 ;;
esac
report=build/benchmarks.md # the full run's report is committed; a quick run's is not
if ((quick)); then
  report=build/benchmarks-quick.md
  runs=1 create_secs=5 warmup_secs=3 hook_warmup_secs=2 ceiling_warmup_secs=2 scale_warmup_secs=2 scale_secs=3 burst_emails=200
  rate_emails=1000 rate_limit=60 rate_warmup_secs=2 sweep_rows=100000 scale_small=10000
else
  runs=3 create_secs=20 warmup_secs=12 hook_warmup_secs=5 ceiling_warmup_secs=10 scale_warmup_secs=3 scale_secs=8 burst_emails=1000
  rate_emails=10000 rate_limit=300 rate_warmup_secs=3 sweep_rows=1000000 scale_small=10000
fi
scale_large=$sweep_rows # the large history is the sweep's workspace (below)
sweep_load_rate=10 # creates/s during the sweeps: 864,000 a day, a busy service's traffic, not a saturating one
drain_limit=300 # seconds to wait for owed emails before moving on (with a warning)
started_at=$SECONDS
phase_times=() # "name seconds", for the report: shows where the time budget goes
phase_start=$SECONDS
end_phase() { phase_times+=("$1 $((SECONDS - phase_start))s"); phase_start=$SECONDS; }

# ---------------------------------------------------------------------------------------------- tools
pg_ensure_installed
if ! command -v wrk >/dev/null; then
  log "installing wrk (apt)"
  apt_install wrk >/dev/null
fi
command -v curl >/dev/null || apt_install curl >/dev/null

# ---------------------------------------------------------------------------------------------- cleanup
tmp=$(mktemp -d)
chmod 755 "$tmp" # as root the server runs as postgres, which must reach its datadir
pids=()
cleanup() {
  local rc=$?
  # Only what this script started, by pid; TERM lets the sink and the API finish cleanly.
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if ((rc != 0)); then
    for f in "$tmp"/api.log "$tmp"/ceiling.log "$tmp"/sink.err; do
      [[ -s $f ]] && { log "last lines of $(basename "$f"):"; tail -n 20 "$f" >&2; }
    done
  fi
  pg_stop "$tmp/pg" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------- helpers
free_port() {
  local port=$((20000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# sql DB [psql args...]: unaligned, tuples only, stop on the first error.
sql() {
  local db=$1; shift
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qtAX "$@"
}

wait_http() { # url pid: until the url answers 2xx, or fail if the process died
  local deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || { log "process $2 died while starting ($1)"; return 1; }
    ((SECONDS < deadline)) || { log "$1 did not answer within 120 s"; return 1; }
    sleep 0.3
  done
}

# cpu_ms PID: CPU time (user + system) the process has used so far, in ms. Per request, it shows the cost of a
# create even on a busy machine, where req/s mostly shows how much CPU the machine had left.
clk_tck=$(getconf CLK_TCK)
cpu_ms() { awk -v hz="$clk_tck" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# new_workspace NAME: a real workspace (owner, Default team, owner's API key) through the operator route.
# Sets ws_id, ws_key, ws_team, ws_owner_id, ws_owner_email.
new_workspace() {
  local body
  body=$(curl -fsS -X POST "$api/v1/admin/workspaces" -H "x-operator-key: $operator_key" \
    -H 'content-type: application/json' -d "{\"name\":\"$1\",\"owner\":{\"email\":\"owner@$1.bench.invalid\"}}")
  ws_id=$(json_field workspace_id <<<"$body")
  ws_key=$(json_field api_key <<<"$body")
  IFS='|' read -r ws_team ws_owner_id ws_owner_email < <(sql invitations -c \
    "SELECT t.id, m.user_id, m.email FROM teams t JOIN members m USING (workspace_id) WHERE t.workspace_id = '$ws_id'")
}

# drain WS: wait until no email of that workspace is owed any more (creates made since the bench began), so a
# backlog from one measurement never runs during the next. Prints the seconds waited.
drain() {
  local begin=$SECONDS n
  while :; do
    n=$(sql invitations -c "SELECT count(*) FROM invitation_deliveries d JOIN invitations i ON i.id = d.invitation_id
                              WHERE i.workspace_id = '$1' AND d.created_at >= '$bench_start' AND d.status = 'pending'")
    ((n == 0)) && break
    if ((SECONDS - begin >= drain_limit)); then log "warning: $n emails of workspace $1 still owed"; break; fi
    sleep 0.5
  done
  echo $((SECONDS - begin))
}

# subscribe WS EVENTS_JSON: registers the bench's webhook receiver for the workspace (new_workspace's key).
subscribe() {
  curl -fsS -o /dev/null -X POST "$api/v1/workspaces/$1/webhooks" -H "x-api-key: $ws_key" -H 'content-type: application/json' \
    -d "{\"url\":\"$receiver_url\",\"events\":$2}"
}

# drain_webhooks: wait until no webhook delivery is owed any more. Prints the seconds waited.
drain_webhooks() {
  local begin=$SECONDS n
  while :; do
    n=$(sql invitations -c "SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")
    ((n == 0)) && break
    if ((SECONDS - begin >= drain_limit)); then log "warning: $n webhook deliveries still owed"; break; fi
    sleep 0.5
  done
  echo $((SECONDS - begin))
}

# wrk_run OUTFILE URL [wrk options...] [-- script args...]: keeps wrk's report (wrk wants the URL between its
# options and the script's arguments); --timeout 10s so slow answers count in the latency instead of as errors.
wrk_run() {
  local out=$1 url=$2 options=() script_args=(); shift 2
  while (($#)) && [[ $1 != -- ]]; do options+=("$1"); shift; done
  (($#)) && script_args=("$@")
  wrk --latency --timeout 10s "${options[@]}" "$url" "${script_args[@]}" >"$out"
}

# parse_wrk FILE: "req/s p50_ms p99_ms non2xx socket_errors requests"
parse_wrk() {
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0
                        if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v + 0 }
       /^Requests\/sec:/ { rps = $2 }
       $1 == "50%" { p50 = ms($2) }
       $1 == "99%" { p99 = ms($2) }
       /Non-2xx or 3xx responses:/ { non2xx = $NF }
       /Socket errors:/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
       / requests in / { requests = $1 }
       END { printf "%s %s %s %d %d %d\n", rps, p50, p99, non2xx, errors, requests }' "$1"
}

# Results: one file per figure under $res, one value per run.
res=$tmp/results
mkdir -p "$res"
record() { echo "$2" >>"$res/$1"; }
# Failed email attempts so far, from the outbox's own counts: attempts spent short of a send (a send that went
# through on its n-th attempt failed n - 1 times). A connection refused spends none, so it is not counted here.
failed_attempts() {
  sql invitations -c "SELECT coalesce(sum(CASE WHEN status = 'sent' THEN attempts - 1 ELSE attempts END), 0) FROM invitation_deliveries"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f\n", (b > 0 ? a / b : 0) }'; }
value() { sed -n "s/^$2 //p" "$1"; } # value FILE NAME: a driver result line

# stats NAME: "min median max" of the recorded runs.
stats() {
  sort -g "$res/$1" | awk '{ v[NR] = $1 }
    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m, v[NR] }'
}
median() { stats "$1" | cut -d' ' -f2; }
maximum() { stats "$1" | cut -d' ' -f3; }
total() { awk '{ s += $1 } END { print s + 0 }' "$res/$1"; }
fmt() { awk -v v="$1" 'BEGIN { a = v < 0 ? -v : v
  if (a >= 100) printf "%.0f", v; else if (a >= 10) printf "%.1f", v; else printf "%.3g", v }'; }
fmt3() { local a b c; read -r a b c < <(stats "$1"); echo "$(fmt "$a") / $(fmt "$b") / $(fmt "$c")"; }

# ---------------------------------------------------------------------------------------------- PostgreSQL
pg_start "$tmp/pg" >/dev/null
# Durable defaults stay (fsync, synchronous_commit, full_page_writes). Only max_wal_size is raised, as any
# database that takes million-row writes would be: at the default 1GB, seeding and each million-row sweep would
# force checkpoints every few seconds, which costs both sides alike and makes the runs slow and noisy.
sql postgres -c "ALTER SYSTEM SET max_wal_size = '4GB'" >/dev/null
if [[ ${BENCH_PG_STATS:-} == 1 ]]; then
  sql postgres -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
fi
pg_stop "$tmp/pg" && pg_start "$tmp/pg" >/dev/null
cs_base="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
# The ceiling writes to a second database with the same migrations, so neither side's rows, indexes or
# Hangfire jobs weigh on the other's table.
for db in invitations ceiling; do sql postgres -c "CREATE DATABASE $db"; done
[[ ${BENCH_PG_STATS:-} == 1 ]] && sql invitations -c "CREATE EXTENSION pg_stat_statements"
log "PostgreSQL $(sql postgres -c 'SHOW server_version') on port $PG_PORT (durable settings)"

# ---------------------------------------------------------------------------------------------- build
log "building (Release): API, ceiling, driver"
dotnet build build/bench/bench.slnx -c Release -v quiet -nologo >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 1; }
api_dll=src/Invitations.Api/bin/Release/net10.0/Invitations.Api.dll
# Guard: the measured API must run optimized code throughout (a Debug Invitations.*.dll once slipped in).
for layer in Domain Application Infrastructure; do
  cmp -s "src/Invitations.$layer/obj/Release/net10.0/Invitations.$layer.dll" "$(dirname "$api_dll")/Invitations.$layer.dll" ||
    { log "the API's Invitations.$layer.dll is not the Release build"; exit 1; }
done
ceiling_dll=build/bench/Ceiling/bin/Release/net10.0/Ceiling.dll
driver=(dotnet build/bench/Driver/bin/Release/net10.0/Driver.dll)

# ---------------------------------------------------------------------------------------------- processes
# A fresh encryption key per run (contract §2: required; it encrypts webhook secrets and remembered responses).
dotnet_env=(ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning DOTNET_NOLOGO=1
  Security__EncryptionKeys__0="$(head -c 32 /dev/urandom | base64)")

"${driver[@]}" sink --port-file "$tmp/sink.port" --log "$tmp/sink.log" \
  >/dev/null 2>"$tmp/sink.err" &
pids+=($!)
until [[ -s $tmp/sink.port ]]; do kill -0 "${pids[-1]}" || { log "SMTP sink died"; exit 1; }; sleep 0.1; done
touch "$tmp/sink.log"
"${driver[@]}" receiver --port-file "$tmp/receiver.port" --log "$tmp/receiver.log" >/dev/null 2>"$tmp/receiver.err" &
pids+=($!)
until [[ -s $tmp/receiver.port ]]; do kill -0 "${pids[-1]}" || { log "webhook receiver died"; exit 1; }; sleep 0.1; done
touch "$tmp/receiver.log"
receiver_url=http://127.0.0.1:$(cat "$tmp/receiver.port")/hooks

api_cs="$cs_base;Database=invitations"
for db in invitations ceiling; do
  env "${dotnet_env[@]}" ConnectionStrings__Invitations="$cs_base;Database=$db" dotnet "$api_dll" migrate >/dev/null
done
ceiling_ws=$(ConnectionStrings__Invitations="$cs_base;Database=ceiling" env "${dotnet_env[@]}" \
  dotnet "$api_dll" create-workspace --name ceiling --owner-email owner@ceiling.bench.invalid | sed -n 's/^workspace_id: //p')
IFS='|' read -r ceiling_team ceiling_owner_id ceiling_owner_email < <(sql ceiling -c \
  "SELECT t.id, m.user_id, m.email FROM teams t JOIN members m USING (workspace_id) WHERE t.workspace_id = '$ceiling_ws'")

operator_key=bench-$RANDOM$RANDOM
api_port=$(free_port)
api=http://127.0.0.1:$api_port
# start_api [NAME=value...]: the API exactly as deployed, except: no daily limit in the way (500/day would 429), mail
# to the sink, and the recurring expiry job never due (Hangfire's Cron.Never), so it can't expire the seeded rows
# behind the timed sweep; the arguments come last, so they win. The log is appended to: the report counts the failed
# email attempts of the whole bench in it, across the email-rate phase's restarts. Sets api_pid.
start_api() {
  env "${dotnet_env[@]}" ConnectionStrings__Invitations="$api_cs" Operator__ApiKey="$operator_key" \
    ASPNETCORE_URLS="$api" Invitations__DailyLimitPerWorkspace=100000000 Invitations__ExpirySweepCron="0 0 31 2 *" \
    Email__Transport=Smtp Smtp__Host=127.0.0.1 Smtp__Port="$(cat "$tmp/sink.port")" Smtp__Security=None \
    Webhooks__AllowPrivateNetworks=true "$@" dotnet "$api_dll" >>"$tmp/api.log" 2>&1 &
  api_pid=$!
  pids+=("$api_pid")
}
# stop_api: TERM, so it shuts down as a deployment's API would; its pid then leaves the list the exit trap kills,
# which could by then name another process.
stop_api() {
  kill "$api_pid"
  wait "$api_pid" || true
  local pid kept=()
  for pid in "${pids[@]}"; do [[ $pid == "$api_pid" ]] || kept+=("$pid"); done
  pids=("${kept[@]}")
}
start_api

ceiling_port=$(free_port)
ceiling=http://127.0.0.1:$ceiling_port
env "${dotnet_env[@]}" ASPNETCORE_URLS="$ceiling" CEILING_CONNECTION="$cs_base;Database=ceiling" \
  CEILING_TEAM_ID="$ceiling_team" CEILING_INVITER_ID="$ceiling_owner_id" CEILING_INVITER_EMAIL="$ceiling_owner_email" \
  dotnet "$ceiling_dll" >"$tmp/ceiling.log" 2>&1 &
ceiling_pid=$!
pids+=("$ceiling_pid")

wait_http "$api/health/ready" "$api_pid"
# The ceiling has no health route: any HTTP answer (a 405 for GET) means it listens.
until curl -s -o /dev/null "$ceiling/v1/workspaces/$ceiling_ws/invitations"; do kill -0 "$ceiling_pid"; sleep 0.3; done
bench_start=$(sql invitations -c "SELECT now()")
log "API on $api (pid $api_pid), ceiling on $ceiling, SMTP sink on port $(cat "$tmp/sink.port")"
end_phase setup

create_url() { echo "$1/v1/workspaces/$2/invitations"; }

# ---------------------------------------------------------------------------------------------- 1+4 create
# Warm-up first (JIT, tiered compilation, connection pools; the ceiling, a few lines of code, needs less), then per
# run: the ceiling and the service under the same load, the service into a fresh workspace (so every run starts with
# an empty rolling-24h window), then its email backlog is drained so it never runs during the next measurement.
new_workspace warmup
wrk_run "$tmp/warm-api.txt" "$(create_url "$api" "$ws_id")" -t2 -c32 -d"${warmup_secs}s" -s build/bench/create.lua -- "$ws_key" warm
drain "$ws_id" >/dev/null
# The webhook path too (the API's dispatcher and signing, and the receiver, which otherwise JIT in the first run's
# subscribed side and charge it to that side): a workspace with an endpoint subscribed to every event.
new_workspace hookwarmup
subscribe "$ws_id" '["*"]'
wrk_run "$tmp/warm-hooks.txt" "$(create_url "$api" "$ws_id")" -t2 -c32 -d"${hook_warmup_secs}s" -s build/bench/create.lua -- "$ws_key" hookwarm
drain "$ws_id" >/dev/null
drain_webhooks >/dev/null
wrk_run "$tmp/warm-ceiling.txt" "$(create_url "$ceiling" "$ceiling_ws")" -t2 -c32 -d"${ceiling_warmup_secs}s" -s build/bench/create.lua -- none warm

# settle: vacuums both databases before a side is measured, so that the cleanup of what earlier sides left (the dead row
# versions of sent emails, claimed and recorded webhook deliveries) is not done by autovacuum on the same two cores in the
# middle of the next side, whichever it is: a plain side right after the subscribed ones was seen sharing its cores with
# autovacuum of webhook_deliveries (pg_stat_activity; build/bench/findings.md, stop 35). Its time is reported as its own row.
settle() {
  local started
  started=$(date +%s%N)
  sql invitations -c "VACUUM (ANALYZE)"
  sql ceiling -c "VACUUM (ANALYZE)"
  record settle_s "$(awk -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.2f", ns / 1e9 }')"
}

# plain_side: the service's own run (no endpoint) into a fresh workspace; sets s_rps. Uses the run's ceiling figures.
plain_side() {
  new_workspace "create$run"
  settle
  api_cpu=$(cpu_ms "$api_pid")
  echo 5 >"/proc/$api_pid/clear_refs" || log "warning: cannot reset VmHWM; the peak includes earlier runs"
  wrk_run "$tmp/create-$run.txt" "$(create_url "$api" "$ws_id")" -t2 -c32 -d"${create_secs}s" \
    -s build/bench/create.lua -- "$ws_key" "svc$run"
  hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$api_pid/status")

  read -r s_rps s_p50 s_p99 s_non2xx s_err s_requests < <(parse_wrk "$tmp/create-$run.txt")
  # A ceiling that answers errors is fast for nothing (it did, once, when a migration dropped columns it wrote).
  if ((c_non2xx > 0)); then log "the ceiling answered $c_non2xx errors: its figures mean nothing"; tail -5 "$tmp/ceiling.log" >&2; exit 1; fi
  record ceiling_rps "$c_rps"; record ceiling_p50 "$c_p50"; record ceiling_p99 "$c_p99"
  record ceiling_non2xx "$((c_non2xx + c_err))"
  record create_rps "$s_rps"; record create_p50 "$s_p50"; record create_p99 "$s_p99"
  record create_non2xx "$((s_non2xx + s_err))"
  record create_ratio "$(ratio "$s_rps" "$c_rps")"
  record create_p99_ratio "$(ratio "$s_p99" "$c_p99")"
  record rss_mb "$(awk -v kb="$hwm_kb" 'BEGIN { printf "%.1f", kb / 1024 }')"
  record create_drain_s "$(drain "$ws_id")"
  # The API's CPU from the start of its run until its emails are sent: what one create costs, email included.
  read -r _ _ _ _ _ c_requests < <(parse_wrk "$tmp/ceiling-$run.txt")
  record create_cpu_ms "$(ratio $(($(cpu_ms "$api_pid") - api_cpu)) "$s_requests")"
  record ceiling_cpu_ms "$(ratio "$ceiling_cpu" "$c_requests")"
  log "  service $s_rps req/s p99 ${s_p99} ms ($s_requests requests) | ceiling $c_rps req/s p99 ${c_p99} ms"
}

# hook_side created|every: the same run into a workspace with an endpoint subscribed to invitation.created (as in the
# webhook burst), or to every event (created and email_sent: two deliveries per create). Sets h_rps[$1].
declare -A h_rps
hook_side() {
  local hook=$1 rps p99 non2xx err
  new_workspace "hook$hook$run"
  if [[ $hook == created ]]; then subscribe "$ws_id" '["invitation.created"]'; else subscribe "$ws_id" '["*"]'; fi
  settle
  wrk_run "$tmp/hook$hook-$run.txt" "$(create_url "$api" "$ws_id")" -t2 -c32 -d"${create_secs}s" \
    -s build/bench/create.lua -- "$ws_key" "hook$hook$run"
  read -r rps _ p99 non2xx err _ < <(parse_wrk "$tmp/hook$hook-$run.txt")
  h_rps[$hook]=$rps
  record "hook${hook}_rps" "$rps"; record "hook${hook}_p99" "$p99"; record create_non2xx "$((non2xx + err))"
  record "hook${hook}_ratio" "$(ratio "$rps" "$c_rps")"
  drain "$ws_id" >/dev/null
  record "hook${hook}_drain_s" "$(drain_webhooks)"
  log "  with an endpoint subscribed to $hook: $rps req/s p99 ${p99} ms"
}

for ((run = 1; run <= runs; run++)); do
  log "create run $run/$runs (${create_secs}s each side)"
  settle
  ceiling_cpu=$(cpu_ms "$ceiling_pid")
  wrk_run "$tmp/ceiling-$run.txt" "$(create_url "$ceiling" "$ceiling_ws")" -t2 -c32 -d"${create_secs}s" \
    -s build/bench/create.lua -- none "ceil$run"
  ceiling_cpu=$(($(cpu_ms "$ceiling_pid") - ceiling_cpu))
  read -r c_rps c_p50 c_p99 c_non2xx c_err _ < <(parse_wrk "$tmp/ceiling-$run.txt")
  # The three service sides take turns going first, so none always runs on tables the others have just grown.
  sides=(plain created every)
  ((run % 3 == 2)) && sides=(created every plain)
  ((run % 3 == 0)) && sides=(every plain created)
  for side in "${sides[@]}"; do
    if [[ $side == plain ]]; then plain_side; else hook_side "$side"; fi
  done
  for hook in created every; do record "hook${hook}_change" "$(ratio "${h_rps[$hook]}" "$s_rps")"; done
done
end_phase create

# ---------------------------------------------------------------------------------------------- 2 burst
for ((run = 1; run <= runs; run++)); do
  log "email burst run $run/$runs ($burst_emails creates)"
  new_workspace "burst$run"
  failed_before=$(failed_attempts)
  "${driver[@]}" burst --api "$api" --workspace "$ws_id" --key "$ws_key" --count "$burst_emails" --concurrency 32 \
    --prefix "burst$run" --sink-log "$tmp/sink.log" --timeout-seconds "$drain_limit" >"$tmp/burst-$run.txt"
  for name in burst_seconds latency_p50_ms latency_p95_ms create_seconds create_errors undelivered; do
    record "burst_$name" "$(value "$tmp/burst-$run.txt" "$name")"
  done
  drain "$ws_id" >/dev/null
  failed=$(($(failed_attempts) - failed_before))
  record burst_failed_attempts "$failed"
  log "  last email $(value "$tmp/burst-$run.txt" burst_seconds) s after the last 201, $failed failed attempt(s) retried"
done
end_phase burst

# ---------------------------------------------------------------------------------------------- 7 webhook burst
# As the email burst, with an endpoint subscribed to invitation.created: the time from the last 201 to the last
# event received by the bench's receiver (its own arrival stamps).
for ((run = 1; run <= runs; run++)); do
  log "webhook burst run $run/$runs ($burst_emails creates)"
  new_workspace "hookburst$run"
  subscribe "$ws_id" '["invitation.created"]'
  "${driver[@]}" burst --api "$api" --workspace "$ws_id" --key "$ws_key" --count "$burst_emails" --concurrency 32 \
    --prefix "hookburst$run" --sink-log "$tmp/receiver.log" --timeout-seconds "$drain_limit" >"$tmp/hookburst-$run.txt"
  for name in burst_seconds latency_p50_ms latency_p95_ms undelivered; do
    record "hookburst_$name" "$(value "$tmp/hookburst-$run.txt" "$name")"
  done
  drain "$ws_id" >/dev/null
  drain_webhooks >/dev/null
  log "  last invitation.created $(value "$tmp/hookburst-$run.txt" burst_seconds) s after the last 201"
done
end_phase webhook-burst

# ---------------------------------------------------------------------------------------------- 8 bulk
# One bulk request of 1,000 rows (JSON, every row emailed) into a fresh workspace: its round trip, and the time from
# its response to the last of its emails accepted by the sink. The burst's 1,000 single creates (32 clients) beside it.
for ((run = 1; run <= runs; run++)); do
  log "bulk run $run/$runs (1000 rows)"
  new_workspace "bulk$run"
  "${driver[@]}" bulk --api "$api" --workspace "$ws_id" --key "$ws_key" --count 1000 --prefix "bulk$run" \
    --sink-log "$tmp/sink.log" --timeout-seconds "$drain_limit" >"$tmp/bulk-$run.txt"
  for name in created request_seconds response_kb email_seconds first_email_seconds undelivered; do
    record "bulk_$name" "$(value "$tmp/bulk-$run.txt" "$name")"
  done
  drain "$ws_id" >/dev/null
  log "  request $(value "$tmp/bulk-$run.txt" request_seconds) s; last email $(value "$tmp/bulk-$run.txt" email_seconds) s after the response"
done
end_phase bulk

# ---------------------------------------------------------------------------------------------- 6 email rate
# How fast the service sends a backlog of owed emails. The backlog is made through configuration and the API only,
# so it stays valid whatever the email pipeline becomes: an API without job workers (Hangfire__ServerEnabled=false)
# takes the creates, so their emails are owed and nothing sends them; it is stopped, and the API starts again as
# the bench runs it. Only the sink's log is read: rate = emails / (last accepted - first accepted). One run: 10,000
# creates alone take about a minute, and the rate is already an average over the whole drain.
log "email rate: $rate_emails owed emails, then the API restarted with its workers (limit $rate_limit s)"
new_workspace emailrate
stop_api
start_api Hangfire__ServerEnabled=false
wait_http "$api/health/ready" "$api_pid"
"${driver[@]}" create --api "$api" --workspace "$ws_id" --key "$ws_key" --count "$rate_emails" --concurrency 32 \
  --prefix emailrate --addresses "$tmp/emailrate.addresses" >"$tmp/emailrate-create.txt"
stop_api
log_offset=$(stat -c %s "$tmp/sink.log") # only messages logged from here on can be the backlog's
failed_before=$(failed_attempts)
api_started=$(date +%s%6N)
start_api
wait_http "$api/health/ready" "$api_pid"
"${driver[@]}" deliveries --sink-log "$tmp/sink.log" --log-offset "$log_offset" --addresses "$tmp/emailrate.addresses" \
  --since-micros "$api_started" --timeout-seconds "$rate_limit" >"$tmp/emailrate.txt"
for name in created create_errors create_seconds; do record "rate_$name" "$(value "$tmp/emailrate-create.txt" "$name")"; done
for name in delivered undelivered first_email_seconds drain_seconds emails_per_second; do
  record "rate_$name" "$(value "$tmp/emailrate.txt" "$name")"
done
record rate_failed_attempts "$(($(failed_attempts) - failed_before))"
undelivered=$(value "$tmp/emailrate.txt" undelivered)
((undelivered == 0)) || log "  warning: $undelivered of $(value "$tmp/emailrate-create.txt" created) emails not accepted within $rate_limit s"
drain "$ws_id" >/dev/null # what the limit left owed must not run under the sweep
# The restarted API's create path is cold: warm it up, so the sweep's create load doesn't pay for its JIT.
wrk_run "$tmp/warm-rate.txt" "$(create_url "$api" "$ws_id")" -t2 -c32 -d"${rate_warmup_secs}s" \
  -s build/bench/create.lua -- "$ws_key" ratewarm
drain "$ws_id" >/dev/null
log "  $(value "$tmp/emailrate.txt" emails_per_second) emails/s; first email $(value "$tmp/emailrate.txt" first_email_seconds) s" \
  "after the API started, last $(value "$tmp/emailrate.txt" drain_seconds) s after the first"
end_phase email-rate

# ---------------------------------------------------------------------------------------------- 3 sweep
# The overdue rows go into the service's own invitations table (its own workspace), and sweep_copy holds an
# identical copy for the raw UPDATE. A create load (4 clients paced to $sweep_load_rate/s in all, another workspace)
# runs during both sweeps.
new_workspace sweep
sweep_ws=$ws_id sweep_key=$ws_key sweep_team=$ws_team sweep_owner_id=$ws_owner_id sweep_owner_email=$ws_owner_email
sql invitations -v ws="$sweep_ws" -v team="$sweep_team" -v inviter_id="$sweep_owner_id" \
  -v inviter_email="$sweep_owner_email" -v rows="$sweep_rows" -f build/bench/sql/sweep-rows.sql >/dev/null
for ((run = 1; run <= runs; run++)); do
  log "expiry sweep run $run/$runs: seeding $sweep_rows overdue invitations (+ copy)"
  # The service's rows and the copy are written side by side (one core each; nothing else runs), each table's
  # indexes built after its rows, then both vacuumed and analyzed and everything flushed, so both sweeps start alike.
  seed_start=$SECONDS
  sql invitations -f build/bench/sql/seed-sweep.sql >/dev/null &
  seeding=$!
  sql invitations -f build/bench/sql/sweep-copy.sql >/dev/null
  wait "$seeding"
  sql invitations -c "VACUUM ANALYZE invitations" -c "VACUUM ANALYZE sweep_copy" -c "CHECKPOINT"
  log "  seeded in $((SECONDS - seed_start)) s"
  new_workspace "sweepload$run" # each run's load starts with an empty rolling-24h window, as the create runs do
  order=service-first; ((run % 2)) || order=raw-first # alternate, so neither side always goes first
  log "  sweeping ($order)"
  "${driver[@]}" sweep --connection "$api_cs" --copy-table sweep_copy --order "$order" --api "$api" \
    --workspace "$ws_id" --key "$ws_key" --concurrency 4 --rate "$sweep_load_rate" --prefix "sweepload$run" >"$tmp/sweep-$run.txt"
  for name in service_seconds raw_seconds service_rows raw_rows service_load_errors service_load_p99_ms \
    service_load_requests raw_load_errors raw_load_p99_ms; do
    record "sweep_$name" "$(value "$tmp/sweep-$run.txt" "$name")"
  done
  record sweep_ratio "$(ratio "$(value "$tmp/sweep-$run.txt" service_seconds)" "$(value "$tmp/sweep-$run.txt" raw_seconds)")"
  log "  service $(value "$tmp/sweep-$run.txt" service_seconds) s ($(value "$tmp/sweep-$run.txt" service_rows) rows)," \
    "raw $(value "$tmp/sweep-$run.txt" raw_seconds) s ($(value "$tmp/sweep-$run.txt" raw_rows) rows)"
  drain "$ws_id" >/dev/null
done
sql invitations -c "DROP TABLE sweep_copy, sweep_rows, sweep_indexes"
end_phase sweep

# ---------------------------------------------------------------------------------------------- 5 scale
# Two workspaces, one holding a small and one a large history, measured back to back in each run, so both see
# the same machine noise and the same number of creates the runs add. The large one is the sweep's workspace: its
# $sweep_rows invitations, expired by the last sweep, are a history as large as asked, and seeding another would
# cost half a minute of the bench's budget. The small one is seeded (seed-scale.sql).
log "scale: seeding $scale_small invitations; the large history is the sweep's $scale_large"
declare -A scale_ws scale_key
new_workspace scalesmall
scale_ws[small]=$ws_id scale_key[small]=$ws_key
sql invitations -v ws="$ws_id" -v team="$ws_team" -v inviter_id="$ws_owner_id" -v inviter_email="$ws_owner_email" \
  -v rows="$scale_small" -v tag=scalesmall -f build/bench/sql/seed-scale.sql >/dev/null
scale_ws[large]=$sweep_ws scale_key[large]=$sweep_key
# The large history's emails, as the small one has them: the list joins each invitation's newest delivery.
sql invitations -c "INSERT INTO invitation_deliveries (invitation_id, number, status, attempts, created_at, next_attempt_at,
                      sent_at, token_hash)
                    SELECT id, 1, 'sent', 1, created_at, created_at, created_at + interval '2 seconds',
                           encode(sha256(id::text::bytea), 'hex')
                    FROM invitations WHERE workspace_id = '$sweep_ws' AND delivery_version = 1" >/dev/null
sql invitations -c "VACUUM ANALYZE invitations" -c "VACUUM ANALYZE invitation_deliveries" -c "CHECKPOINT"
# The list route has not run yet: warm it (and create at this concurrency) up, so the first size measured
# doesn't pay for JIT; the order of the sizes also alternates between runs.
wrk_run "$tmp/warm-list.txt" "$api/v1/workspaces/${scale_ws[small]}/invitations?limit=50" -t2 -c8 -d"${scale_warmup_secs}s" \
  -H "x-api-key: ${scale_key[small]}"
wrk_run "$tmp/warm-screate.txt" "$(create_url "$api" "${scale_ws[small]}")" -t2 -c8 -d"${scale_warmup_secs}s" \
  -s build/bench/create.lua -- "${scale_key[small]}" scalewarm
drain "${scale_ws[small]}" >/dev/null
for ((run = 1; run <= runs; run++)); do
  log "scale run $run/$runs (${scale_secs}s per route and size)"
  sizes=(small large); ((run % 2)) || sizes=(large small)
  for size in "${sizes[@]}"; do
    ws=${scale_ws[$size]} key=${scale_key[$size]}
    wrk_run "$tmp/list-$size-$run.txt" "$api/v1/workspaces/$ws/invitations?limit=50" -t2 -c8 -d"${scale_secs}s" \
      -H "x-api-key: $key"
    wrk_run "$tmp/screate-$size-$run.txt" "$(create_url "$api" "$ws")" -t2 -c8 -d"${scale_secs}s" \
      -s build/bench/create.lua -- "$key" "scale$size$run"
    read -r _ _ p99 non2xx err _ < <(parse_wrk "$tmp/list-$size-$run.txt")
    record "list_p99_$size" "$p99"; record scale_non2xx "$((non2xx + err))"
    read -r _ _ p99 non2xx err _ < <(parse_wrk "$tmp/screate-$size-$run.txt")
    record "screate_p99_$size" "$p99"; record scale_non2xx "$((non2xx + err))"
    drain "$ws" >/dev/null
  done
  record list_p99_growth "$(ratio "$(tail -n1 "$res/list_p99_large")" "$(tail -n1 "$res/list_p99_small")")"
  record create_p99_growth "$(ratio "$(tail -n1 "$res/screate_p99_large")" "$(tail -n1 "$res/screate_p99_small")")"
done
end_phase scale

if [[ ${BENCH_PG_STATS:-} == 1 ]]; then
  sql invitations -F ' | ' -c "SELECT calls, round(total_exec_time)::bigint AS total_ms,
      round(mean_exec_time::numeric, 3) AS mean_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 300)
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25" >build/bench-pg-stats.txt
fi

# ---------------------------------------------------------------------------------------------- report
# Targets: the median of the per-run figure, except memory, where the peak of the peaks counts.
declare -A measured goal
measured[create-ratio]=$(median create_ratio) goal[create-ratio]=">= 0.5"
measured[create-p99-ratio]=$(median create_p99_ratio) goal[create-p99-ratio]="<= 2"
measured[burst-seconds]=$(median burst_burst_seconds) goal[burst-seconds]="<= 2"
measured[email-rate]=$(median rate_emails_per_second) goal[email-rate]=">= 500"
measured[webhook-seconds]=$(median hookburst_burst_seconds) goal[webhook-seconds]="<= 2"
measured[webhook-create-ratio]=$(median hookcreated_change) goal[webhook-create-ratio]=">= 0.9"
measured[bulk-seconds]=$(median bulk_request_seconds) goal[bulk-seconds]="<= 1"
measured[bulk-email-seconds]=$(median bulk_email_seconds) goal[bulk-email-seconds]="<= 3"
measured[sweep-ratio]=$(median sweep_ratio) goal[sweep-ratio]="<= 1.3"
measured[rss-mb]=$(maximum rss_mb) goal[rss-mb]="<= 300"
measured[scale-p99-ratio]=$(awk -v a="$(median create_p99_growth)" -v b="$(median list_p99_growth)" \
  'BEGIN { print (a > b ? a : b) }') goal[scale-p99-ratio]="<= 1.2"
targets=(create-ratio create-p99-ratio burst-seconds email-rate webhook-seconds webhook-create-ratio bulk-seconds bulk-email-seconds sweep-ratio rss-mb
  scale-p99-ratio)
verdict() { # name -> met|missed
  local op limit
  read -r op limit <<<"${goal[$1]}"
  awk -v m="${measured[$1]}" -v op="$op" -v g="$limit" 'BEGIN { ok = op == ">=" ? m >= g : m <= g; print ok ? "met" : "missed" }'
}

mem_total=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
read -r load1 load5 load15 _ </proc/loadavg
{
  echo "# Benchmarks"
  echo
  echo "Written by \`build/bench.sh$([[ $quick == 1 ]] && echo " --quick")\` on $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "$runs run(s) per figure, in $(((SECONDS - started_at) / 60)) min $(((SECONDS - started_at) % 60)) s" \
    "(${phase_times[*]})."
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $(nproc) cores, ${cpu_model:-unknown} |"
  echo "| memory | $mem_total |"
  echo "| load average at the end (1/5/15 min) | $load1 / $load5 / $load15 |"
  echo "| .NET SDK | $(dotnet --version) |"
  echo "| PostgreSQL | $(sql postgres -c 'SHOW server_version'), private cluster, durable defaults (fsync, synchronous_commit on), shared_buffers 256MB |"
  echo
  echo "Figures are min / median / max over the runs; a target is judged on the median of its per-run value"
  echo "(peak RSS: the highest peak)."
  echo
  echo "| # | figure | service | ceiling | ratio (per run) | target | |"
  echo "|---|---|---|---|---|---|---|"
  echo "| 1 | create req/s (wrk -t2 -c32 -d${create_secs}s) | $(fmt3 create_rps) | $(fmt3 ceiling_rps) | $(fmt3 create_ratio) | create-ratio ${goal[create-ratio]} | $(verdict create-ratio) |"
  echo "| 1 | create p50 ms | $(fmt3 create_p50) | $(fmt3 ceiling_p50) | | | |"
  echo "| 1 | create p99 ms | $(fmt3 create_p99) | $(fmt3 ceiling_p99) | $(fmt3 create_p99_ratio) | create-p99-ratio ${goal[create-p99-ratio]} | $(verdict create-p99-ratio) |"
  echo "| 1 | non-2xx + socket errors (total, must be 0) | $(total create_non2xx) | $(total ceiling_non2xx) | | 0 | $( (($(total create_non2xx) + $(total ceiling_non2xx) == 0)) && echo met || echo missed) |"
  echo "| 1 | server process CPU per create, ms (service: until its email is sent) | $(fmt3 create_cpu_ms) | $(fmt3 ceiling_cpu_ms) | | | |"
  echo "| 1 | email backlog drain after a create run, s | $(fmt3 create_drain_s) | | | | |"
  echo "| 1 | VACUUM (ANALYZE) of both databases before each create side (ceiling, plain, subscribed), s | $(fmt3 settle_s) | | | | |"
  echo "| 2 | burst: last 201 → last email accepted by SMTP, s ($burst_emails creates, 32 clients) | $(fmt3 burst_burst_seconds) | | | burst-seconds ${goal[burst-seconds]} (stretch 1) | $(verdict burst-seconds) |"
  echo "| 2 | burst: per-email latency p50, ms (201 → SMTP) | $(fmt3 burst_latency_p50_ms) | | | | |"
  echo "| 2 | burst: per-email latency p95, ms (201 → SMTP) | $(fmt3 burst_latency_p95_ms) | | | | |"
  echo "| 2 | burst: creating them took, s; create errors; undelivered | $(fmt3 burst_create_seconds); $(total burst_create_errors); $(total burst_undelivered) | | | 0; 0 | |"
  echo "| 2 | burst: email attempts refused by SMTP and retried (the first retry waits 30 s) | $(fmt3 burst_failed_attempts) | | | | |"
  echo "| 7 | create req/s with an endpoint subscribed to invitation.created (wrk -t2 -c32 -d${create_secs}s) | $(fmt3 hookcreated_rps) | $(fmt3 ceiling_rps) | $(fmt3 hookcreated_ratio) | | |"
  echo "| 7 | create p99 ms with that endpoint | $(fmt3 hookcreated_p99) | $(fmt3 ceiling_p99) | | | |"
  echo "| 7 | create req/s with that endpoint ÷ without (same run) | $(fmt3 hookcreated_change) | | | webhook-create-ratio ${goal[webhook-create-ratio]} (within 10 %) | $(verdict webhook-create-ratio) |"
  echo "| 7 | create req/s with an endpoint subscribed to every event (two deliveries per create) | $(fmt3 hookevery_rps) | $(fmt3 ceiling_rps) | $(fmt3 hookevery_ratio) | | |"
  echo "| 7 | create p99 ms with that endpoint | $(fmt3 hookevery_p99) | $(fmt3 ceiling_p99) | | | |"
  echo "| 7 | create req/s with that endpoint ÷ without (same run) | $(fmt3 hookevery_change) | | | | |"
  echo "| 7 | webhook backlog drain after those runs, s (created; every) | $(fmt3 hookcreated_drain_s); $(fmt3 hookevery_drain_s) | | | | |"
  echo "| 7 | webhook burst: last 201 → last invitation.created received, s ($burst_emails creates, 32 clients) | $(fmt3 hookburst_burst_seconds) | | | webhook-seconds ${goal[webhook-seconds]} | $(verdict webhook-seconds) |"
  echo "| 7 | webhook burst: per-event latency, ms (201 → received): p50; p95 | $(fmt3 hookburst_latency_p50_ms); $(fmt3 hookburst_latency_p95_ms) | | | | |"
  echo "| 7 | webhook burst: undelivered | $(total hookburst_undelivered) | | | 0 | $( (($(total hookburst_undelivered) == 0)) && echo met || echo missed) |"
  echo "| 8 | bulk: one request of 1,000 rows, round trip s (JSON, every row emailed; beside it: the burst's $burst_emails single creates) | $(fmt3 bulk_request_seconds) | $(fmt3 burst_create_seconds) | | bulk-seconds ${goal[bulk-seconds]} | $(verdict bulk-seconds) |"
  echo "| 8 | bulk: response → last of its 1,000 emails accepted by SMTP, s | $(fmt3 bulk_email_seconds) | | | bulk-email-seconds ${goal[bulk-email-seconds]} | $(verdict bulk-email-seconds) |"
  echo "| 8 | bulk: response → first email, s; response size KB; created; undelivered | $(fmt3 bulk_first_email_seconds); $(fmt3 bulk_response_kb); $(total bulk_created); $(total bulk_undelivered) | | | $((runs * 1000)); 0 | $( (($(total bulk_created) == runs * 1000 && $(total bulk_undelivered) == 0)) && echo met || echo missed) |"
  echo "| 3 | expiry sweep of $sweep_rows overdue rows, s | $(fmt3 sweep_service_seconds) | $(fmt3 sweep_raw_seconds) | $(fmt3 sweep_ratio) | sweep-ratio ${goal[sweep-ratio]} | $(verdict sweep-ratio) |"
  echo "| 3 | rows expired | $(fmt3 sweep_service_rows) | $(fmt3 sweep_raw_rows) | | | |"
  echo "| 3 | creates during the sweep: p99 ms ($sweep_load_rate/s from 4 clients) | $(fmt3 sweep_service_load_p99_ms) | $(fmt3 sweep_raw_load_p99_ms) | | < 100 ms | $(awk -v p="$(median sweep_service_load_p99_ms)" 'BEGIN { print p < 100 ? "met" : "missed" }') |"
  echo "| 3 | creates during the sweep: errors (must be 0) / requests | $(total sweep_service_load_errors) / $(total sweep_service_load_requests) | $(total sweep_raw_load_errors) | | 0 | $( (($(total sweep_service_load_errors) == 0)) && echo met || echo missed) |"
  echo "| 4 | API peak RSS (VmHWM) during a create run, MB | $(fmt3 rss_mb) | | | rss-mb ${goal[rss-mb]} | $(verdict rss-mb) |"
  echo "| 5 | list p99 ms (limit=50, wrk -c8), $scale_small vs $scale_large stored | $(fmt3 list_p99_small) vs $(fmt3 list_p99_large) | | $(fmt3 list_p99_growth) | | |"
  echo "| 5 | create p99 ms (wrk -c8), $scale_small vs $scale_large stored | $(fmt3 screate_p99_small) vs $(fmt3 screate_p99_large) | | $(fmt3 create_p99_growth) | scale-p99-ratio ${goal[scale-p99-ratio]} (the larger growth) | $(verdict scale-p99-ratio) |"
  echo "| 5 | non-2xx + socket errors (total, must be 0) | $(total scale_non2xx) | | | 0 | $( (($(total scale_non2xx) == 0)) && echo met || echo missed) |"
  echo "| 6 | email rate: owed emails accepted by SMTP per s, first → last ($rate_emails owed, one run) | $(fmt3 rate_emails_per_second) | | | email-rate ${goal[email-rate]} | $(verdict email-rate) |"
  echo "| 6 | email rate: API start → first email, s; first → last email, s | $(fmt3 rate_first_email_seconds); $(fmt3 rate_drain_seconds) | | | | |"
  echo "| 6 | email rate: creating the backlog took, s; create errors; delivered; undelivered (within $rate_limit s) | $(fmt3 rate_create_seconds); $(total rate_create_errors); $(total rate_delivered); $(total rate_undelivered) | | | 0; $rate_emails; 0 | $( (($(total rate_create_errors) + $(total rate_undelivered) == 0 && $(total rate_delivered) == rate_emails)) && echo met || echo missed) |"
  echo "| 6 | email rate: email attempts that failed and were retried | $(fmt3 rate_failed_attempts) | | | | |"
  echo "| all | email attempts refused by SMTP and retried, bursts and drains | $(($(total burst_failed_attempts) + $(total rate_failed_attempts))) | | | | |"
  echo
  echo "## How each figure is taken"
  echo
  echo "- **Create** — after a warm-up (the API ${warmup_secs} s: tiered JIT settles; at 5 s the JIT still took a fifth of"
  echo "  the API's CPU in the measured run; then ${hook_warmup_secs} s into a workspace with an endpoint subscribed to every event, so"
  echo "  the webhook path and the receiver are warm before the first subscribed side; the ceiling ${ceiling_warmup_secs} s), \`build/bench/create.lua\` POSTs \`{\"email\":…,\"role\":\"teammate\",\"send_email\":true}\` with a new"
  echo "  address per request. The ceiling (\`build/bench/Ceiling\`) answers the same route with one raw Npgsql INSERT of an"
  echo "  equivalent row into the \`invitations\` table of a second database (\`ceiling\`, same migrations, same cluster);"
  echo "  it does no auth, no checks and sends no email. Each service run uses a fresh workspace. The service's email"
  echo "  jobs run during its own run (that's the service's cost), and the backlog is drained before anything else runs."
  echo "  Before each side (the ceiling's too) both databases are vacuumed (\`VACUUM (ANALYZE)\`, its time a row of its own), so"
  echo "  that no side shares its cores with autovacuum cleaning up after the one before it."
  echo "- **Burst** — \`build/bench/Driver burst\`: creates from 32 HttpClient connections, then reads the SMTP sink's log"
  echo "  (arrival time stamped by the sink) until every address has arrived; latency is matched by recipient."
  echo "- **Webhooks** — \`build/bench/Driver receiver\` is an endpoint on loopback that answers 200 at once and stamps each"
  echo "  \`invitation.created\` on arrival. Each create run has two more sides, right after the plain one, each into a fresh"
  echo "  workspace: one with an endpoint subscribed to \`invitation.created\` (judged), one with an endpoint subscribed to"
  echo "  every event (\`[\"*\"]\`: created and email_sent); the change is a side's req/s over the plain side's. The webhook burst is the email burst with an endpoint subscribed to"
  echo "  \`invitation.created\`, timed to the last event received (the API runs with \`Webhooks__AllowPrivateNetworks=true\`)."
  echo "- **Bulk** — \`build/bench/Driver bulk\`: one \`POST …/invitations/bulk\` of 1,000 JSON rows (\`role\` teammate, emailed)"
  echo "  into a fresh workspace, timed from send to the last byte of its answer (the \"ceiling\" column is the burst's time"
  echo "  to make 1,000 single creates from 32 clients, for scale); then the sink's log until all 1,000 have arrived."
  echo "- **Email rate** — after the burst, the API is stopped and started with \`Hangfire__ServerEnabled=false\` (no job"
  echo "  workers: emails are owed, nothing sends them); \`Driver create\` makes $rate_emails invitations from 32 clients"
  echo "  (native route, \`send_email\` true) and the phase waits for every 201. That API is stopped and the API started"
  echo "  again as in the other phases; \`Driver deliveries\` reads the sink's log until every created address has arrived"
  echo "  or $rate_limit s after the start have passed. Rate = emails / (last accepted − first accepted), sink time stamps;"
  echo "  with some undelivered at the limit, over the time from the first email to the limit instead. Only"
  echo "  configuration and the API make the backlog, so the phase holds whatever the email pipeline is. One run; then"
  echo "  the restarted API's create path is warmed up ${rate_warmup_secs} s before the sweep."
  echo "- **Sweep** — the overdue rows (\`build/bench/sql/sweep-rows.sql\`: one INSERT … SELECT … generate_series, valid"
  echo "  rows of a real workspace, made once) go into the service's emptied \`invitations\` table each run; \`sweep_copy\`"
  echo "  (LIKE invitations, the same index definitions) gets the same rows; both tables' indexes are built after their"
  echo "  rows, then both are vacuumed and analyzed. \`Driver sweep\` sends \`ExpireOverdueInvitationsCommand\` through MediatR in a container"
  echo "  built with the service's \`AddApplication()\` + \`AddInfrastructure()\`, and runs \`UPDATE sweep_copy SET status ="
  echo "  'expired' WHERE status = 'pending' AND expires_at < now()\`; both are warmed up, preceded by a CHECKPOINT, run"
  echo "  under the same create load (4 clients paced to $sweep_load_rate creates/s in all, a fresh workspace per run:"
  echo "  traffic, not a saturating stress; see the findings for 25/s and a closed loop), and their order alternates"
  echo "  between runs."
  echo "- **Memory** — VmHWM of the API process, reset (\`clear_refs\` 5) just before each service create run."
  echo "- **Scale** — \`build/bench/sql/seed-scale.sql\` gives one workspace $scale_small invitations (one every 3 minutes,"
  echo "  newest 2 days old: a history the default daily limit allows; 60 % accepted, 30 % expired, 10 % revoked of the"
  echo "  older ones); the large history is the sweep's workspace, $scale_large invitations a week or more old, all"
  echo "  expired by the sweeps. Then VACUUM ANALYZE; each run measures list then create on one size and then the"
  echo "  other (the order alternates), with the email backlog drained between."
  echo
  echo "The API runs with \`Invitations__DailyLimitPerWorkspace=100000000\` (500/day would answer 429),"
  echo "\`Invitations__ExpirySweepCron=\"0 0 31 2 *\"\` (never due, so the recurring job can't expire the seeded rows"
  echo "before the timed command does), mail to the bench's SMTP sink (\`Smtp__Security=None\`; \`build/bench/Driver sink\`: SMTP with"
  echo "PIPELINING over loopback, each message logged by recipient and kept nowhere),"
  echo "\`Logging__LogLevel__Default=Warning\` and \`ASPNETCORE_ENVIRONMENT=Production\`; otherwise its defaults"
  echo "($(sql invitations -c "SELECT string_agg((data::jsonb ->> 'WorkerCount') || ' for ' || (data::jsonb ->> 'Queues'), ', ') FROM hangfire.server") Hangfire workers on $(nproc) cores). The wrk client, PostgreSQL and the SMTP sink share the machine's cores with it."
  # The profile behind the figures and what was changed because of it: written by hand, kept with every report.
  if [[ -f build/bench/findings.md ]]; then echo; cat build/bench/findings.md; fi
} >"$report"
log "wrote $report ($(((SECONDS - started_at) / 60)) min $(((SECONDS - started_at) % 60)) s)"

# The table on stdout too, then the machine-readable target lines.
sed -n '/^| # | figure/,/^$/p' "$report"
for name in "${targets[@]}"; do
  echo "target $name: $(fmt "${measured[$name]}") (goal ${goal[$name]}) $(verdict "$name")"
done
