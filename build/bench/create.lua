-- wrk script: every request POSTs a native create for a new address.
-- Usage: wrk ... -s create.lua <url of /v1/workspaces/{id}/invitations> -- <api key> <run tag>
-- Addresses are <tag>-<thread>-<salt>-<counter>@bench.invalid: the counter makes them unique within a thread,
-- the thread id across threads and the random salt across runs, so no request meets the one-pending-per-address
-- rule (a 409 would be a cheaper request than a real create).

local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count) -- becomes a global in that thread's own Lua state
end

function init(args)
  api_key = args[1] or ""
  tag = args[2] or "wrk"
  math.randomseed(os.time() + (thread_id or 0) * 7919)
  salt = math.random(1, 1000000000)
  counter = 0
  headers = { ["content-type"] = "application/json", ["x-api-key"] = api_key }
end

function request()
  counter = counter + 1
  local body = string.format('{"email":"%s-%d-%d-%d@bench.invalid","role":"teammate","send_email":true}',
    tag, thread_id or 0, salt, counter)
  return wrk.format("POST", nil, headers, body)
end
