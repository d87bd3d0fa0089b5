#!/bin/sh
# Serves "<GREETING> from <database user> in <container>" once the database answers (see compose-app.Dockerfile).
trap 'exit 0' TERM
echo "waiting for the database" > /www/index.html
(
  while true; do
    if who="$(PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -U "$DB_USER" -d "$DB_NAME" -tAc 'select current_user' 2>&1)"; then
      echo "$GREETING from $who in $(hostname)" > /www/index.html.new && mv /www/index.html.new /www/index.html && touch /tmp/ready
    else
      echo "database error: $who" > /www/index.html
    fi
    sleep 2
  done
) &
busybox httpd -f -p 80 -h /www &
wait
