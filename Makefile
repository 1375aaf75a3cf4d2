# Bookshop developer entry points. `make test` is the README's test command and what CI runs (.ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

GO ?= go
# Extra `go test` flags, e.g. make test GOTESTFLAGS='-run TestBook ./adapters/...' (packages default to ./...).
GOTESTFLAGS ?=
PKGS ?= ./...
PROVISION := deploy/local/provision.sh

.PHONY: test test-short bench images run generate up down logs deploy screenshots fuzz fuzz-smoke

## test: provision Docker + images (deploy/local/provision.sh), then run every test with the race detector, then
## every fuzz target for a few seconds (fuzz-smoke). The local stack's end-to-end package runs after the others:
## `docker compose up` creates networks, which Chromium takes for a network change (net::ERR_NETWORK_CHANGED) and
## aborts loads in flight, so it must not run beside the browser journeys.
STACK_PKG := github.com/bookshop/bookshop/deploy/local/e2e
test:
	source $(PROVISION) && pkgs="$$($(GO) list $(PKGS))" && \
	  $(GO) test -race -count=1 -v $(GOTESTFLAGS) $$(grep -vx '$(STACK_PKG)' <<<"$$pkgs") && \
	  if grep -qx '$(STACK_PKG)' <<<"$$pkgs"; then $(GO) test -race -count=1 -v $(GOTESTFLAGS) $(STACK_PKG); fi
	$(MAKE) --no-print-directory fuzz-smoke

## fuzz-smoke: every native fuzz target (func FuzzX in a _test.go, found by .ci/fuzz.sh) for FUZZTIME each.
## fuzz: the same for a minute each. FUZZ narrows the targets (a regexp), e.g. make fuzz FUZZ=Cursor FUZZTIME=5m.
FUZZTIME ?= 3s
FUZZ ?= .
fuzz-smoke:
	GO=$(GO) FUZZTIME=$(FUZZTIME) FUZZ='$(FUZZ)' .ci/fuzz.sh
fuzz:
	GO=$(GO) FUZZTIME=$(if $(filter command line environment,$(origin FUZZTIME)),$(FUZZTIME),60s) FUZZ='$(FUZZ)' .ci/fuzz.sh

## test-short: quick loop without Docker: container tests are skipped.
test-short:
	BOOKSHOP_SKIP_CONTAINER_TESTS=1 $(GO) test -race $(GOTESTFLAGS) $(PKGS)

## bench: every benchmark, six times, with containers provisioned; compare with benchstat.
BENCH ?= .
bench:
	source $(PROVISION) && $(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count 6 $(PKGS)

## images: provision only, printing the environment the tests get.
images:
	bash $(PROVISION) --print-env

## screenshots: the README's pictures of the storefront (docs/screenshots/*.png), taken in headless Chromium from the
## embedded mode by cmd/bookshop's TestScreenshots (skipped unless given a folder, so `make test` leaves them alone).
screenshots:
	$(GO) test -tags screenshots -count=1 -run '^TestScreenshots$$' ./cmd/bookshop/ -args -screenshots='$(CURDIR)/docs/screenshots'

## run: the whole shop in one local process.
run:
	$(GO) run ./cmd/bookshop

## generate: regenerate generated code (wire injectors, ...).
generate:
	$(GO) generate ./...

## up: the local stack (docker-compose.yml) from the current source: API on http://localhost:$${BOOKSHOP_PORT:-8080}.
up:
	source $(PROVISION) && docker compose up -d --wait

## down: stop the local stack and delete its data (containers, network, volumes).
down:
	docker compose down -v --remove-orphans

## logs: follow the local stack's logs.
logs:
	docker compose logs -f

## deploy: the shop on AWS (deploy/deploy.sh: ECR images, the stack, the web app); options in DEPLOY_FLAGS,
## e.g. make deploy DEPLOY_FLAGS='--region eu-west-1 --admin-email you@example.com' (--dry-run prints only).
DEPLOY_FLAGS ?=
deploy:
	bash deploy/deploy.sh $(DEPLOY_FLAGS)
