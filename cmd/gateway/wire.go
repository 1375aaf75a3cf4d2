//go:build wireinject

package main

import (
	"github.com/google/wire"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeServer builds the gateway from its configuration and template.
func initializeServer(cfg config) (*emulator.Server, error) {
	wire.Build(wire.FieldsOf(new(config), "Logging"), lambdaenv.Set, loadTemplate, newVerifiers, newEmulatorConfig, newServer)
	return nil, nil
}
