# shellcheck shell=bash
# Helpers shared by provision.sh and the stand-in image builds under deploy/local/images/<name>/.
# Source this file; it defines functions only and changes no shell options.
#
# A stand-in is a locally built image that replaces an official image when no container registry answers
# (see /deploy/local/provision.sh). Each stand-in is described by the files in its folder plus this file; the
# hash of those files is stored as an image label, so an image built from an older recipe is rebuilt.

BOOKSHOP_IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BOOKSHOP_RECIPE_LABEL="org.bookshop.recipe"

log() { printf '%s: %s\n' "${LOG_TAG:-bookshop}" "$*" >&2; }
warn() { printf '%s: WARNING: %s\n' "${LOG_TAG:-bookshop}" "$*" >&2; }
die() {
  printf '%s: ERROR: %s\n' "${LOG_TAG:-bookshop}" "$*" >&2
  exit 1
}

# now prints the wall clock in seconds with a fraction; elapsed START prints seconds since START (one decimal).
# (EPOCHREALTIME uses the locale's decimal separator, hence the substitution.)
now() { printf '%s' "${EPOCHREALTIME/[^0-9]/.}"; }
elapsed() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1fs", e - s }'; }

# recipe_hash NAME prints a short hash of the files that define the stand-in image NAME.
recipe_hash() {
  local name=$1
  (cd "${BOOKSHOP_IMAGES_DIR}" && cat lib.sh "${name}"/*) | sha256sum | cut -c1-16
}

# image_exists IMAGE succeeds when the engine has IMAGE locally.
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# image_recipe IMAGE prints the recipe label of a local image (empty when absent or unlabelled).
image_recipe() {
  docker image inspect --format "{{ index .Config.Labels \"${BOOKSHOP_RECIPE_LABEL}\" }}" "$1" 2>/dev/null || true
}

# can_apt succeeds when this process may install Debian packages.
can_apt() { [[ ${EUID} -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }

# apt_run ARGS... runs apt-get quietly and non-interactively; on failure it refreshes the package lists once
# and retries, so a fresh machine (no lists) and a stale one (404 on old versions) both work.
apt_run() {
  can_apt || die "need root and apt-get to run: apt-get $*"
  local -a apt=(env DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o Dpkg::Use-Pty=0)
  if ! "${apt[@]}" "$@" >&2; then
    log "apt-get $* failed; running apt-get update and retrying"
    "${apt[@]}" update >&2
    "${apt[@]}" "$@" >&2
  fi
}

# apt_install PACKAGE... installs Debian packages.
apt_install() {
  log "installing Debian packages: $*"
  apt_run install "$@"
}

# add_busybox ROOTFS puts a static busybox at ROOTFS/bin/busybox with a symlink per applet (sh, cat, awk,
# grep, nc, wget, ...). testcontainers' port wait strategy runs /bin/sh inside the container, so every
# stand-in needs a shell; a FROM scratch image has none.
add_busybox() {
  local rootfs=$1 work applet
  work="$(mktemp -d)"
  # The .deb goes to a private temp folder, which apt's _apt sandbox user cannot write: download as root.
  (cd "${work}" && apt_run -o APT::Sandbox::User=root download busybox-static)
  dpkg-deb -x "${work}"/busybox-static_*.deb "${work}/x"
  install -D -m 0755 "${work}/x/bin/busybox" "${rootfs}/bin/busybox"
  rm -rf "${work}"
  for applet in $("${rootfs}/bin/busybox" --list); do
    [[ -e "${rootfs}/bin/${applet}" ]] || ln -s busybox "${rootfs}/bin/${applet}"
  done
}

# add_base_files ROOTFS creates the few files and folders every FROM scratch image here expects.
add_base_files() {
  local rootfs=$1
  install -d -m 0755 "${rootfs}/etc" "${rootfs}/root" "${rootfs}/usr/bin" "${rootfs}/usr/local/bin"
  install -d -m 1777 "${rootfs}/tmp"
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"${rootfs}/etc/passwd"
  printf 'root:x:0:\n' >"${rootfs}/etc/group"
  if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then
    install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "${rootfs}/etc/ssl/certs/ca-certificates.crt"
  fi
}

# add_host_libs ROOTFS copies into ROOTFS, at the same paths, every host shared library (and the dynamic
# loader) that the ELF files already in ROOTFS link against.
add_host_libs() {
  local rootfs=$1 file lib
  local -A libs=()
  while IFS= read -r -d '' file; do
    [[ "$(head -c 4 "${file}" | tr -d '\0')" == $'\x7fELF' ]] || continue
    # ldd lines look like "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)" or "/lib64/ld-linux-x86-64.so.2
    # (0x...)"; foreign-architecture files and libraries of the image itself ("not found") are skipped.
    while read -r lib; do
      libs["${lib}"]=1
    done < <(ldd "${file}" 2>/dev/null | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) { print $i; break } }' || true)
  done < <(find "${rootfs}" -type f \( -perm -u+x -o -name '*.so*' \) -print0)
  for lib in "${!libs[@]}"; do
    [[ "${lib}" == "${rootfs}"/* ]] && continue
    [[ -e "${rootfs}${lib}" ]] || install -D -m 0755 "$(readlink -f "${lib}")" "${rootfs}${lib}"
  done
}

# docker_build TAG NAME CONTEXT builds CONTEXT with the legacy builder (no buildx here), labelled with the
# recipe hash of stand-in NAME, and removes the image that TAG named before (a stale recipe's build).
docker_build() {
  local tag=$1 name=$2 context=$3 old out
  old="$(docker image inspect --format '{{.Id}}' "${tag}" 2>/dev/null || true)"
  if ! out="$(DOCKER_BUILDKIT=0 docker build --quiet \
    --label "${BOOKSHOP_RECIPE_LABEL}=$(recipe_hash "${name}")" \
    --tag "${tag}" "${context}" 2>&1)"; then
    printf '%s\n' "${out}" >&2
    return 1
  fi
  if [[ -n "${old}" && "${old}" != "$(docker image inspect --format '{{.Id}}' "${tag}")" ]]; then
    docker image rm "${old}" >/dev/null 2>&1 || true
  fi
}
