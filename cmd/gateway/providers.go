package main

//go:generate go tool wire

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// newVerifiers builds a JWT verifier per authorizer configured by the
// environment. A name the template does not declare is a mistake.
func newVerifiers(cfg config, t *samtemplate.Template) (map[string]emulator.TokenVerifier, error) {
	out := make(map[string]emulator.TokenVerifier, len(cfg.JWT))
	var errs []error
	for name, s := range cfg.JWT {
		if _, ok := t.Authorizers[name]; !ok {
			errs = append(errs, fmt.Errorf("BOOKSHOP_JWT_*_%s: the template declares no JWT authorizer %s", name, name))
			continue
		}
		v, err := jwtauth.New(jwtauth.Config{Issuer: s.Issuer, Audience: s.Audience, JWKSURL: s.JWKSURL, TokenUse: s.TokenUse})
		if err != nil {
			errs = append(errs, fmt.Errorf("authorizer %s: %w", name, err))
			continue
		}
		out[name] = v
	}
	return out, errors.Join(errs...)
}

func newEmulatorConfig(cfg config, t *samtemplate.Template, verifiers map[string]emulator.TokenVerifier, access accessLogger) emulator.Config {
	return emulator.Config{
		Template:         t,
		Authorizers:      verifiers,
		Endpoints:        cfg.Endpoints,
		Buckets:          cfg.Buckets,
		WebOrigin:        cfg.WebOrigin,
		CoversOrigin:     cfg.CoversOrigin,
		Timeout:          cfg.Timeout,
		MaxQueue:         cfg.MaxQueue,
		AsyncRetryDelays: cfg.AsyncRetryDelays,
		Region:           cfg.Region,
		Logger:           access.Logger,
	}
}

// newServer builds the gateway and logs what its configuration leaves out.
func newServer(ecfg emulator.Config, logger *slog.Logger) (*emulator.Server, error) {
	srv, warnings, err := emulator.New(ecfg)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		logger.Warn(w)
	}
	return srv, nil
}
