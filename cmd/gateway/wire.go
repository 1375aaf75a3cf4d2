//go:build wireinject

package main

import (
	"github.com/google/wire"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeServer builds the gateway from its configuration and the
// template parsed at start-up. The cleanup writes out the buffered access
// log.
func initializeServer(cfg config, tmpl *samtemplate.Template) (*emulator.Server, func(), error) {
	wire.Build(wire.FieldsOf(new(config), "Logging"), lambdaenv.NewLogger, newAccessLogger, newVerifiers, newEmulatorConfig, newServer)
	return nil, nil, nil
}
