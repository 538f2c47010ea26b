insert into parking_tickets (ticket_number, plate, amount_due, currency, issued_on, due_date, status) values
  ('PT100234', '7ABC123', 45.00, 'USD', date '2026-10-30', date '2026-12-15', 'open'),
  ('PT100235', '7ABC123', 120.50, 'USD', date '2026-11-02', date '2026-12-18', 'open'),
  ('PT100236', '4XYZ987', 0.00, 'USD', date '2026-09-12', date '2026-10-27', 'paid'),
  ('PT100237', '9KLM456', 75.25, 'USD', date '2026-11-15', date '2026-12-31', 'disputed'),
  ('PT200001', 'B-CD 4711', 35.00, 'EUR', date '2026-11-20', date '2027-01-05', 'open');

insert into utility_accounts (account_number, zip_code, holder_name, balance, currency, due_date) values
  ('4001002003', '62704', 'Homer Simpson', 182.37, 'USD', date '2026-12-01'),
  ('4001002004', '62704', 'Marge Bouvier', 0.00, 'USD', date '2026-12-01'),
  ('4001002005', '62705', 'Ned Flanders', 54.10, 'USD', date '2026-12-03'),
  ('5009998887', '10115', 'Erika Mustermann', 96.40, 'EUR', date '2026-12-10');

-- The records the shipped flows are demonstrated with: ticket and account numbers a caller can key
-- on a phone (the same numbers the flow simulator's in-memory data uses).
insert into parking_tickets (ticket_number, plate, amount_due, currency, issued_on, due_date, status) values
  ('12345678', '7DEM001', 45.00, 'USD', date '2026-10-30', date '2026-12-15', 'open'),
  ('87654321', '4DEM002', 0.00, 'USD', date '2026-09-01', date '2026-10-01', 'paid'),
  ('55555555', '8DEM003', 120.50, 'USD', date '2026-11-01', date '2026-11-30', 'open');

insert into utility_accounts (account_number, zip_code, holder_name, balance, currency, due_date) values
  ('1002003004', '94110', 'Dana Demo', 82.17, 'USD', date '2026-12-05'),
  ('2003004005', '10001', 'Lee Demo', 0.00, 'USD', date '2026-12-20');
