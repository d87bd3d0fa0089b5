# The web half of the compose tests' two-service app (scripts/lib/images.sh): every two seconds it asks its database
# (DB_HOST, DB_USER, DB_PASSWORD, DB_NAME — what a template's magic variables give it) who it is connected as, and
# serves the answer with busybox httpd on port 80. /tmp/ready exists once the database answered: the compose file's
# health check waits on it. It stops on SIGTERM like a real server does.
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends busybox postgresql-client \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /www
COPY serve.sh /serve.sh
EXPOSE 80
CMD ["sh", "/serve.sh"]
