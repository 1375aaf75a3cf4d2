//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeHandler builds the stream handler over the configured notifier.
func initializeHandler(ctx context.Context, cfg config) (*dynamodb.OrderStreamHandler, error) {
	wire.Build(
		wire.FieldsOf(new(config), "Logging"), lambdaenv.Set,
		newNotifier, app.NewOrderNotifications, dynamodb.NewOrderStreamHandler,
	)
	return nil, nil
}
