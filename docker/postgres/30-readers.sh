#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume, after the demo schema
# and data (10-, 20-). One login role per tenant, each able to read its own table only, with the
# password from the compose secret the engine's tenant file names (passwordFile). To change a
# password later: ALTER ROLE, or 'docker compose down -v' to start from an empty volume.
set -e

city_password=$(tr -d '\r\n' < /run/secrets/city-db-password)
utility_password=$(tr -d '\r\n' < /run/secrets/utility-db-password)

# psql substitutes :'name' as a quoted literal, so a password cannot break out of the statement.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v city_password="$city_password" -v utility_password="$utility_password" <<'SQL'
create role city_reader login password :'city_password';
create role utility_reader login password :'utility_password';
grant select on parking_tickets to city_reader;
grant select on utility_accounts to utility_reader;
SQL
