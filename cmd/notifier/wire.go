//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	dynamostore "github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/app"
)

// initializeHandler builds the stream handler over the configured notifier.
func initializeHandler(ctx context.Context, cfg config) (*dynamostore.OrderStreamHandler, error) {
	wire.Build(newNotifier, app.NewOrderNotifications, newLogger, dynamostore.NewOrderStreamHandler)
	return nil, nil
}
