# PostgreSQL for the database tests (the postgresql engine's image), from Debian's postgresql 15, with the official
# image's contract: POSTGRES_USER/_PASSWORD/_DB/_INITDB_ARGS/_HOST_AUTH_METHOD, /docker-entrypoint-initdb.d, data in
# /var/lib/postgresql/data, `postgres [-c ...]` as the command (scripts/images/postgres/docker-entrypoint.sh).
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends postgresql-15 postgresql-client-15 \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /docker-entrypoint-initdb.d /var/lib/postgresql/data /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["postgres"]
