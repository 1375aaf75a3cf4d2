#!/usr/bin/env bash
# Builds a local stand-in MinIO server image without any container registry.
#
#   deploy/local/images/minio/build.sh IMAGE_TAG
#
# MinIO is compiled on the host from the Go module proxy (CGO off, static, symbols stripped) and copied into a
# FROM scratch image with a static busybox for /bin/sh; nothing is downloaded inside Docker. The compile takes
# about 2.5 minutes on 2 cores; the image is ~115 MB.
set -euo pipefail

LOG_TAG="minio"
# shellcheck source=deploy/local/images/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

readonly NAME="minio"
readonly MINIO_MODULE="github.com/minio/minio"
# Keep in sync with MINIO_PSEUDO_VERSION in deploy/local/provision.sh (it names the stand-in's tag).
readonly MINIO_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"

tag=${1:?usage: build.sh IMAGE_TAG}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
rootfs="${work}/rootfs"

# 1. The server binary. Built outside any module or workspace so the project's go.mod plays no part.
command -v go >/dev/null 2>&1 || die "go is not on PATH"
log "compiling ${MINIO_MODULE}@${MINIO_VERSION} (takes a few minutes)"
if ! (
  cd "${work}"
  GOBIN="${work}/bin" CGO_ENABLED=0 GOWORK=off GOFLAGS="" \
    go install -trimpath -ldflags "-s -w" "${MINIO_MODULE}@${MINIO_VERSION}"
) >"${work}/go-install.log" 2>&1; then
  tail -n 30 "${work}/go-install.log" >&2
  die "go install ${MINIO_MODULE}@${MINIO_VERSION} failed"
fi
install -D -m 0755 "${work}/bin/minio" "${rootfs}/usr/bin/minio"
install -D -m 0755 "${here}/docker-entrypoint.sh" "${rootfs}/usr/bin/docker-entrypoint.sh"

# 2. /bin/sh & co (testcontainers' wait strategies use it), /etc/passwd, /tmp, an empty /data.
add_base_files "${rootfs}"
add_busybox "${rootfs}"
install -d -m 0755 "${rootfs}/data"

# 3. The image, then a smoke test: the binary runs inside it.
cp "${here}/Dockerfile" "${work}/Dockerfile"
log "building ${tag}"
docker_build "${tag}" "${NAME}" "${work}"
docker run --rm "${tag}" --version >/dev/null 2>&1 || die "${tag} does not run minio"
log "built ${tag}"
