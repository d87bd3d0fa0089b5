# Redis for the database tests (the redis engine's image, and a protocol stand-in for KeyDB and Dragonfly), from
# Debian's redis-server 7.0: redis-server and redis-cli on the PATH, data in /data, as the official image.
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends redis-server redis-tools \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /data /usr/local/etc/redis
WORKDIR /data
EXPOSE 6379
CMD ["redis-server", "--protected-mode", "no"]
