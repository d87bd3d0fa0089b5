# The auto build pack's Node.js base image for tests (COOLIFY_BUILD_IMAGE_NODE): Debian's node and npm.
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
