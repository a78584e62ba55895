#!/usr/bin/env bash
# The README's walk-through, runnable: every id comes from an earlier response, none is written down. Start the service
# first, in another terminal, with webhooks allowed to reach this machine:   build/run.sh --allow-private-webhooks
# Then:   build/walkthrough.sh      (needs curl and jq: apt-get install -y curl jq)
# Env: B (the service, default http://127.0.0.1:8080), OP (the operator key; default: the one build/run.sh keeps in
#      ${INVITATIONS_DATA_DIR:-.data}/operator-key), RECEIVER_PORT (the webhook receiver's, default 9000).
# A step answered 4xx or 5xx stops the script with the error (curl --fail-with-body), except the three mistakes at the
# end, which show what a mistake is answered. The lines between the two markers are the README's, to paste one by one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "walkthrough.sh: needs $tool (apt-get install -y $tool)" >&2; exit 1; }
done
B=${B:-http://127.0.0.1:8080}
OP=${OP:-$(cat "${INVITATIONS_DATA_DIR:-.data}/operator-key")}
RECEIVER_PORT=${RECEIVER_PORT:-9000}
RECEIVER=""
trap '[[ -z $RECEIVER ]] || kill "$RECEIVER" 2>/dev/null || true' EXIT
step() { printf '\n== %s\n' "$*"; }

# --- walk-through ---
api() { curl -sS --fail-with-body -H 'content-type: application/json' "$@"; echo; }

step "The operator makes a workspace; its owner's first API key is shown only here"
acme=$(api -X POST "$B/v1/admin/workspaces" -H "x-operator-key: $OP" \
  -d '{"name":"Acme","owner":{"email":"olga@acme.example","first_name":"Olga"}}')
echo "$acme"
WS=$(jq -r .workspace_id <<<"$acme")
api -X POST "$B/v1/admin/workspaces/$WS/teams" -H "x-operator-key: $OP" -d '{"title":"Sales"}'
ada=$(api -X POST "$B/v1/admin/workspaces/$WS/members" -H "x-operator-key: $OP" \
  -d '{"email":"ada@acme.example","first_name":"Ada","role":"admin","team":"Sales"}')
echo "$ada"
KEY=$(api -X POST "$B/v1/admin/workspaces/$WS/api-keys" -H "x-operator-key: $OP" \
  -d "{\"user_id\":$(jq .user_id <<<"$ada")}" | jq -r .api_key)
echo "Ada's API key: $KEY"

step "Webhooks: a receiver on this machine prints each event and checks its signature"
hook=$(api -X POST "$B/v1/workspaces/$WS/webhooks" -H "x-api-key: $KEY" -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hooks\"}")
echo "$hook"
HOOK=$(jq -r .id <<<"$hook")
dotnet run --project build/webhook-receiver -c Release -- --port "$RECEIVER_PORT" --secret "$(jq -r .secret <<<"$hook")" &
RECEIVER=$!
until curl -s "http://127.0.0.1:$RECEIVER_PORT/" >/dev/null; do sleep 0.5; done
api -X POST "$B/v1/workspaces/$WS/webhooks/$HOOK/test" -H "x-api-key: $KEY"

step "Ada invites Bob; the email is in the mail viewer build/run.sh printed"
bob=$(api -X POST "$B/v1/workspaces/$WS/invitations" -H "x-api-key: $KEY" \
  -d '{"email":"bob@example.com","role":"editor","team":"Sales","expires_in_days":14}')
echo "$bob"
BOB=$(jq -r .id <<<"$bob")
api "$B/v1/workspaces/$WS/invitations?status=pending&limit=20" -H "x-api-key: $KEY"
api "$B/v1/workspaces/$WS/invitations/$BOB" -H "x-api-key: $KEY"
api -X POST "$B/v1/workspaces/$WS/invitations/$BOB/resend" -H "x-api-key: $KEY"
api -X POST "$B/v1/workspaces/$WS/invitations/$BOB/revoke" -H "x-api-key: $KEY"

step "Carol's link is delivered by the caller: send_email false answers accept_url, the only place a token is shown"
carol=$(api -X POST "$B/v1/workspaces/$WS/invitations" -H "x-api-key: $KEY" \
  -d '{"email":"carol@example.com","role":"viewer","send_email":false}')
echo "$carol"
# The invitee's token is what follows #token= in accept_url; an emailed invitation's is in its link, in the mail viewer
# (<base>/invitations/accept#token=...). It must be a pending invitation's newest link (Bob's was revoked above).
TOKEN=$(jq -r .accept_url <<<"$carol" | sed 's/.*#token=//')
api -X POST "$B/v1/invitations/lookup" -d "{\"token\":\"$TOKEN\"}"
api -X POST "$B/v1/invitations/accept" -d "{\"token\":\"$TOKEN\",\"first_name\":\"Carol\"}"
api "$B/v1/workspaces/$WS/members" -H "x-api-key: $KEY"

step "The two compatibility routes, as their vendors document them"
api -X POST "$B/integrations/api/workspace/invitations" -H "Authorization: Bearer $KEY" \
  -d '{"email":"dan@example.com","first_name":"Dan","last_name":"Doe","team_title":"Sales","role":"agent"}'
api -X POST "$B/v1/api/workspaces/$WS/invite" -H "x-api-key: $KEY" -H "x-workspace-id: $WS" \
  -d '{"email":"erin@example.com","role":"viewer"}'

step "Branding, on a second workspace: its emails come from its sender and link to its own domain"
globex=$(api -X POST "$B/v1/admin/workspaces" -H "x-operator-key: $OP" -d '{"name":"Globex","owner":{"email":"gil@globex.example"}}')
api -X PUT "$B/v1/admin/workspaces/$(jq -r .workspace_id <<<"$globex")/branding" -H "x-operator-key: $OP" \
  -d '{"white_label":true,"sender_email":"team@globex.example","sender_email_verified":true,"custom_domain":"join.globex.example","custom_domain_verified":true}'
api -X POST "$B/v1/workspaces/$(jq -r .workspace_id <<<"$globex")/invitations" -H "x-api-key: $(jq -r .api_key <<<"$globex")" \
  -d '{"email":"fay@example.com","role":"viewer"}'
# Fay's email (in the viewer) is from team@globex.example and links to https://join.globex.example/invitations/accept#token=...,
# a host only that customer serves. To follow it here, keep the #token=... part and put this service in front of it:
# http://localhost:8080/invitations/accept#token=...

step "The webhook's deliveries: each event, its attempts and their status"
sleep 1
api "$B/v1/workspaces/$WS/webhooks/$HOOK/deliveries" -H "x-api-key: $KEY" | jq -c '.items[] | {event_type, status}'

step "Three mistakes, and what they are answered (no --fail-with-body: these are meant to fail)"
curl -s -X POST "$B/v1/workspaces/$WS/invitations" -H "x-api-key: $KEY" -H 'content-type: application/json' \
  -d '{"email":"erin@example.com","role":"viewer"}'; echo    # 409: Erin's invitation is still pending
curl -s -X POST "$B/v1/workspaces/$WS/invitations" -H "x-api-key: $KEY" -H 'content-type: application/json' \
  -d '{"email":"gus@example.com","role":"viewer","sendEmail":false}'; echo    # 400: did you mean send_email?
curl -s "$B/v1/workspaces/$(jq -r .workspace_id <<<"$globex")/invitations" -H "x-api-key: $KEY"; echo    # 403: names both workspaces
# --- end ---

# The receiver is stopped on exit; first let it print what is still on its way (each event arrives within a second).
for _ in $(seq 1 60); do
  api "$B/v1/workspaces/$WS/webhooks/$HOOK/deliveries?status=pending" -H "x-api-key: $KEY" | jq -e '.items == []' >/dev/null && break
  sleep 0.5
done
printf '\nwalkthrough.sh: done\n'
