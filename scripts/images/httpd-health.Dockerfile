# The deployment benchmark's application (scripts/bench.sh): the test web server with a HEALTHCHECK, so that our
# rollout and the plain script wait for the same "healthy".
ARG BASE
FROM ${BASE}
HEALTHCHECK --interval=1s --timeout=2s --start-period=1s --retries=30 CMD ["busybox", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]
