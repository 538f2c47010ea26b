-- Tabula access control: accounts, roles per tenant, sessions and the audit trail.
-- Times are timestamptz written by the application from its injected clock, never now(), so a
-- test's clock and the database agree.

create table accounts (
  id                    bigserial primary key,
  login                 text not null unique,
  -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash; null for a single-sign-on account.
  password_hash         text,
  must_change_password  boolean not null default true,
  password_changed_at   timestamptz,
  failed_attempts       integer not null default 0,
  locked_until          timestamptz,
  totp_secret           bytea,
  -- A secret being enrolled: the confirmed one above stays in force until this one is confirmed.
  totp_pending_secret   bytea,
  totp_confirmed        boolean not null default false,
  totp_last_step        bigint,
  -- CIDRs this account may sign in from; empty means "as its roles allow".
  allowed_networks      text[] not null default '{}',
  sso_subject           text unique,
  created_at            timestamptz not null
);

create table password_history (
  id             bigserial primary key,
  account_id     bigint not null references accounts(id) on delete cascade,
  password_hash  text not null,
  set_at         timestamptz not null
);
create index password_history_account on password_history(account_id, id desc);

create table recovery_codes (
  account_id  bigint not null references accounts(id) on delete cascade,
  code_hash   bytea not null,
  used_at     timestamptz,
  primary key (account_id, code_hash)
);

create table role_grants (
  account_id  bigint not null references accounts(id) on delete cascade,
  tenant      text not null,
  role        text not null check (role in ('viewer', 'editor', 'publisher', 'auditor', 'admin')),
  granted_at  timestamptz not null,
  primary key (account_id, tenant, role)
);

create table role_networks (
  role  text not null check (role in ('viewer', 'editor', 'publisher', 'auditor', 'admin')),
  cidr  text not null,
  primary key (role, cidr)
);

create table sessions (
  token_hash      bytea primary key,
  account_id      bigint not null references accounts(id) on delete cascade,
  client_address  text not null,
  created_at      timestamptz not null,
  last_seen_at    timestamptz not null,
  ended_at        timestamptz,
  ended_reason    text
);
create index sessions_account on sessions(account_id) where ended_at is null;

-- The audit trail: append-only, each record holds the hash of the one before it.
create table audit_trail (
  seq             bigint primary key,
  at              timestamptz not null,
  actor           text not null,
  action          text not null,
  tenant          text not null,
  target          text not null,
  source_address  text not null,
  outcome         text not null,
  detail          text not null,
  prev_hash       bytea not null,
  hash            bytea not null
);

-- Signed chain heads: the signature is made with an Ed25519 key that is not in this database.
create table audit_checkpoints (
  seq        bigint primary key,
  head_hash  bytea not null,
  signed_at  timestamptz not null,
  key_id     text not null,
  signature  bytea not null
);

-- Append-only in the database too: the application role can never update or delete a record.
-- (A superuser can still disable the trigger; the hash chain and the signed heads catch that.)
create function audit_trail_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only: % refused', tg_op;
end;
$$;
create trigger audit_trail_no_update before update or delete on audit_trail
  for each row execute function audit_trail_append_only();
create trigger audit_trail_no_truncate before truncate on audit_trail
  for each statement execute function audit_trail_append_only();
create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
  for each row execute function audit_trail_append_only();
