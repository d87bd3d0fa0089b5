# A bare Debian server reached over SSH (scripts/lib/images.sh): user "deploy" with passwordless sudo, no Docker,
# no git. Each container is one more server at an address of its own; the key to accept comes in $AUTHORIZED_KEY.
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends openssh-server sudo \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /run/sshd && ssh-keygen -A \
 && useradd -m -s /bin/sh deploy && usermod -p '*' deploy \
 && echo 'deploy ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/deploy
CMD ["sh", "-c", "mkdir -p /home/deploy/.ssh && printf '%s\\n' \"$AUTHORIZED_KEY\" > /home/deploy/.ssh/authorized_keys && chown -R deploy /home/deploy/.ssh && chmod 700 /home/deploy/.ssh && exec /usr/sbin/sshd -D -e"]
