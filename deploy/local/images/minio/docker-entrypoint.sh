#!/bin/sh
# Entrypoint of the MinIO stand-in image: `server /data` and `minio server /data` both start the server,
# as with the official image's entrypoint.
if [ "${1:-}" = "minio" ]; then
  shift
fi
exec minio "$@"
