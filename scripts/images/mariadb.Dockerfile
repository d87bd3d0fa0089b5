# MariaDB for the database tests (the mariadb engine's image), from Debian's mariadb-server 10.11, with the official
# image's contract: MARIADB_ROOT_PASSWORD/_DATABASE/_USER/_PASSWORD, data in /var/lib/mysql, mariadb-admin inside
# (scripts/images/mariadb/docker-entrypoint.sh).
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends mariadb-server mariadb-client \
 && rm -rf /var/lib/apt/lists/* /var/lib/mysql/* && mkdir -p /run/mysqld /etc/mysql/conf.d && chown mysql:mysql /run/mysqld /var/lib/mysql
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
EXPOSE 3306
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["mariadbd"]
