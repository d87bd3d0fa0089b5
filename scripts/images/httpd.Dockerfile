# A tiny web application for deployment tests (scripts/lib/images.sh): busybox httpd serving /www on port 80.
ARG BASE
FROM ${BASE}
RUN apt-get update -q && apt-get install -y -q --no-install-recommends busybox \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /www && echo 'hello from coolify-test/httpd' > /www/index.html
EXPOSE 80
CMD ["busybox", "httpd", "-f", "-v", "-p", "80", "-h", "/www"]
