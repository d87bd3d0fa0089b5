namespace Coolify.Core.Builds;

/// <summary>
/// The base images the <c>auto</c> and <c>static</c> build packs write into their Dockerfiles. Settings of the
/// instance (<c>COOLIFY_BUILD_IMAGE_*</c>), so an operator can pin or mirror them and tests can use local images.
/// </summary>
/// <param name="Node">Builds and runs Node.js applications (needs node and npm; corepack for yarn and pnpm).</param>
/// <param name="Python">Builds and runs Python applications (needs python and pip).</param>
/// <param name="Go">Compiles Go applications.</param>
/// <param name="Runtime">Runs compiled Go binaries.</param>
/// <param name="Static">Serves static sites: an nginx image with its configuration in <c>/etc/nginx/conf.d</c>.</param>
public sealed record BuildPackImages(
    string Node = "node:22-bookworm-slim",
    string Python = "python:3.12-slim-bookworm",
    string Go = "golang:1.23-bookworm",
    string Runtime = "debian:bookworm-slim",
    string Static = "nginx:alpine");
