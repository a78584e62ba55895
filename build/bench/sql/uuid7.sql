-- uuid7_at(t, n): a UUIDv7-shaped id whose time part is t, like the ids the service mints (Guid.CreateVersion7),
-- so seeded rows sit in the primary key and the (created_at, id) index where real ones would.
-- PostgreSQL 15 has no uuidv7(). The low bits come from md5(n): distinct for distinct n.
CREATE OR REPLACE FUNCTION pg_temp.uuid7_at(t timestamptz, n bigint) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || '7' || substr(md5(n::text), 1, 3)
          || '8' || substr(md5(n::text), 4, 15))::uuid
$$;
