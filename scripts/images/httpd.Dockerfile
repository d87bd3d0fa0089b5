# A tiny web application for deployment tests (scripts/lib/images.sh): busybox httpd serving /www on port 80. It
# stops on SIGTERM like a real server does (busybox httpd as PID 1 would ignore it, and every replaced container
# would take its whole grace period).
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends busybox \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /www && echo 'hello from coolify-test/httpd' > /www/index.html
EXPOSE 80
CMD ["busybox", "sh", "-c", "trap 'exit 0' TERM; busybox httpd -f -v -p 80 -h /www & wait"]
