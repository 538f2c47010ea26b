-- Tabula demo: what a city's parking system and a utility's billing system might hold.
-- Read-only for the lookup role; amounts are exact numerics with an ISO 4217 currency.
create table parking_tickets (
  ticket_number text primary key,
  plate         text not null,
  amount_due    numeric(10, 2) not null check (amount_due >= 0),
  currency      char(3) not null default 'USD',
  issued_on     date not null,
  due_date      date not null,
  status        text not null check (status in ('open', 'paid', 'disputed'))
);
create index parking_tickets_plate on parking_tickets (plate);

create table utility_accounts (
  account_number text primary key,
  zip_code       text not null,
  holder_name    text not null,
  balance        numeric(12, 2) not null,
  currency       char(3) not null default 'USD',
  due_date       date not null
);
