# The deployment benchmark's application (scripts/bench.sh): the test web server with a HEALTHCHECK, so that our
# rollout and the plain script wait for the same "healthy". It stops on SIGTERM like a real server does (busybox
# httpd as PID 1 would ignore it and make every graceful stop last the whole grace period).
ARG BASE
FROM ${BASE}
HEALTHCHECK --interval=1s --timeout=2s --start-period=1s --retries=30 CMD ["busybox", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]
CMD ["busybox", "sh", "-c", "trap 'exit 0' TERM; busybox httpd -f -p 80 -h /www & wait"]
