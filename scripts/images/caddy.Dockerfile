# The proxy image for tests (COOLIFY_PROXY_IMAGE_CADDY): Debian's caddy, laid out like the official image
# (configuration in /etc/caddy, certificates under /data, Caddy's own state under /config).
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends caddy ca-certificates \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /etc/caddy /data /config
ENV XDG_CONFIG_HOME=/config XDG_DATA_HOME=/data
EXPOSE 80 443 2019
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
