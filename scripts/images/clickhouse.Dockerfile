# ClickHouse for the database tests (the clickhouse engine's image), from Debian's clickhouse-server 18.16, with the
# official clickhouse/clickhouse-server image's contract: CLICKHOUSE_USER/_PASSWORD/_DB, native port 9000 and HTTP
# 8123 on all addresses, data in /var/lib/clickhouse, clickhouse-client and wget inside
# (scripts/images/clickhouse/docker-entrypoint.sh).
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends clickhouse-server clickhouse-client wget \
 && rm -rf /var/lib/apt/lists/* /var/lib/clickhouse/* \
 && sed -i -e '/<listen_host>::1<\/listen_host>/d' -e '/<listen_host>127.0.0.1<\/listen_host>/d' /etc/clickhouse-server/config.xml \
 && mkdir -p /etc/clickhouse-server/config.d /etc/clickhouse-server/users.d /docker-entrypoint-initdb.d \
 && chown clickhouse:clickhouse /var/lib/clickhouse /etc/clickhouse-server/users.d
COPY docker_related_config.xml /etc/clickhouse-server/config.d/
COPY docker-entrypoint.sh /entrypoint.sh
EXPOSE 9000 8123
ENTRYPOINT ["/entrypoint.sh"]
