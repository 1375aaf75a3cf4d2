// Package e2e tests the local stack (docker-compose.yml) from the outside,
// over HTTP only, as a browser and a developer use it, and measures it.
//
// Each test brings up its own compose project (a unique project name and free
// loopback ports, so it runs beside a developer's stack) and takes it down
// with `docker compose down -v` when it ends, also on failure, after dumping
// the services' logs when it failed. Benchmarks share one project, removed by
// TestMain, which also publishes the catalog container's emulator port on
// loopback (testdata/bench-publish.yml). The images come from
// deploy/local/provision.sh (`make test` sources it):
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -race -count=1 -v ./deploy/local/e2e
//
// Without Docker or docker compose the tests fail, unless
// BOOKSHOP_SKIP_CONTAINER_TESTS=1 skips them on purpose.
package e2e
