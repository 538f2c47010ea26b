-- The call journal's rep role (docs/journal.md): finds a caller's records and asks to re-identify.
alter table role_grants drop constraint role_grants_role_check;
alter table role_grants add constraint role_grants_role_check
  check (role in ('viewer', 'editor', 'publisher', 'auditor', 'admin', 'rep'));
alter table role_networks drop constraint role_networks_role_check;
alter table role_networks add constraint role_networks_role_check
  check (role in ('viewer', 'editor', 'publisher', 'auditor', 'admin', 'rep'));
