-- The shared flow store (docs/scaling.md): every published version of every tenant's flow is one
-- row, written once and never changed. Engines LISTEN on channel tabula_flow_published.

-- The last version number claimed per flow. A publish increments it in its own transaction, which
-- locks the row until commit: two publishers of one flow take turns, each gets the next number,
-- and a publish that fails rolls its number back with it (no gaps, no duplicates).
create table flow_heads (
  tenant  text    not null,
  flow    text    not null,
  latest  integer not null check (latest > 0),
  primary key (tenant, flow)
);

create table flow_versions (
  tenant        text        not null,
  flow          text        not null,
  version       integer     not null check (version > 0),
  source        text        not null,
  published_at  timestamptz not null default now(),
  published_by  text        not null,
  note          text        not null default '',
  primary key (tenant, flow, version),
  -- A flow file is a page of YAML; a megabyte is a mistake, not a flow.
  constraint flow_versions_source_size check (octet_length(source) <= 1048576),
  constraint flow_versions_names check (
    tenant ~ '^[A-Za-z0-9_-]{1,64}$' and flow ~ '^[A-Za-z0-9_-]{1,64}$')
);

-- Immutable in the database too: the application role can never change or remove a version.
-- (A superuser can still disable the trigger; engines compile every version they read anyway.)
create function flow_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'published flow versions are immutable: % refused', tg_op
    using hint = 'publish a new version instead (a rollback publishes an earlier text anew)';
end;
$$;
create trigger flow_versions_no_update before update or delete on flow_versions
  for each row execute function flow_versions_immutable();
create trigger flow_versions_no_truncate before truncate on flow_versions
  for each statement execute function flow_versions_immutable();

-- Every new version is announced in the transaction that writes it: listeners hear of it at
-- commit, never of a version that was rolled back. The payload names the version, not its text.
create function flow_versions_announce() returns trigger language plpgsql as $$
begin
  perform pg_notify('tabula_flow_published', new.tenant || '/' || new.flow || '@' || new.version);
  return null;
end;
$$;
create trigger flow_versions_notify after insert on flow_versions
  for each row execute function flow_versions_announce();
