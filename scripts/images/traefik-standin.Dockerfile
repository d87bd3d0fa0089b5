# A stand-in for the Traefik image (COOLIFY_PROXY_IMAGE_TRAEFIK) in tests: Traefik is not packaged in Debian and no
# registry is reachable here, so this image only plays the container — a `traefik` that takes the arguments and
# runs until stopped, /traefik for its files, a shell for the product's file moves. It serves nothing: the tests that
# use it check what the product gives Traefik (command line, dynamic files, certificates), not Traefik itself.
ARG BASE
FROM ${BASE}
RUN mkdir -p /traefik \
 && printf '#!/bin/sh\ntrap "exit 0" TERM INT\nwhile :; do sleep 1 & wait $!; done\n' > /usr/local/bin/traefik \
 && chmod 755 /usr/local/bin/traefik
CMD ["traefik"]
