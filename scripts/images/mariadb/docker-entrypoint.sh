#!/bin/bash
# The official mariadb image's start-up, reduced to what the product relies on: the first start creates the data
# directory, the root password, the database and the user from the environment (values quoted as SQL strings, so
# any printable password works); every start then runs mariadbd on all addresses.
set -euo pipefail
if [ "${1:-}" != "mariadbd" ]; then
  exec "$@"
fi
shift
datadir=/var/lib/mysql
sql_string() { local v="${1//\\/\\\\}"; printf "'%s'" "${v//\'/\\\'}"; }
sql_name() { printf '`%s`' "${1//\`/\`\`}"; }
if [ ! -d "$datadir/mysql" ]; then
  mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db --auth-root-authentication-method=normal >/dev/null
  mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket=/run/mysqld/init.sock &
  pid=$!
  for _ in $(seq 60); do mariadb-admin --socket=/run/mysqld/init.sock ping --silent 2>/dev/null && break; sleep 0.5; done
  root="$(sql_string "${MARIADB_ROOT_PASSWORD:?MARIADB_ROOT_PASSWORD is required}")"
  {
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $root;"
    echo "CREATE USER 'root'@'%' IDENTIFIED BY $root; GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    if [ -n "${MARIADB_DATABASE:-}" ]; then echo "CREATE DATABASE IF NOT EXISTS $(sql_name "$MARIADB_DATABASE");"; fi
    if [ -n "${MARIADB_USER:-}" ]; then
      echo "CREATE USER $(sql_string "$MARIADB_USER")@'%' IDENTIFIED BY $(sql_string "${MARIADB_PASSWORD:-}");"
      if [ -n "${MARIADB_DATABASE:-}" ]; then echo "GRANT ALL ON $(sql_name "$MARIADB_DATABASE").* TO $(sql_string "$MARIADB_USER")@'%';"; fi
    fi
  } | mariadb --socket=/run/mysqld/init.sock -uroot
  kill "$pid" && wait "$pid" || true
  echo "MariaDB init process done. Ready for start up."
fi
exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 "$@"
