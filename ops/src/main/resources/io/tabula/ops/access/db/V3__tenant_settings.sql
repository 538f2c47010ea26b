-- Access settings per tenant (docs/access.md): two-person publishing, set with tabula users tenant.
create table tenant_settings (
  tenant                 text primary key,
  two_person_publishing  boolean not null default false
);

-- The two-person rule asks the trail who saved a flow's draft last.
create index audit_trail_by_target on audit_trail (tenant, target, action, seq);
