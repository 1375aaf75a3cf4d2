//go:build wireinject

package main

import (
	"github.com/google/wire"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// initializeServer builds the gateway from its configuration and template.
func initializeServer(cfg config) (*emulator.Server, error) {
	wire.Build(newLogger, loadTemplate, newVerifiers, newEmulatorConfig, newServer)
	return nil, nil
}
