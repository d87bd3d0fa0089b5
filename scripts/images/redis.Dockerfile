# Redis for the database tests (the redis engine's image, and a stand-in for KeyDB, whose server and client it plays
# under their names — KeyDB is a Redis fork with the same protocol and configuration), from Debian's redis-server
# 7.0: redis-server and redis-cli on the PATH, data in /data, as the official image.
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends redis-server redis-tools \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /data /usr/local/etc/redis /etc/keydb \
 && ln -s /usr/bin/redis-server /usr/local/bin/keydb-server && ln -s /usr/bin/redis-cli /usr/local/bin/keydb-cli
WORKDIR /data
EXPOSE 6379
CMD ["redis-server", "--protected-mode", "no"]
