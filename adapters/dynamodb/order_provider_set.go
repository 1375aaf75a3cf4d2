package dynamodb

import (
	"github.com/google/wire"

	"github.com/bookshop/bookshop/app"
)

// OrderProviderSet provides the DynamoDB OrderRepository as
// app.OrderRepository. Its inputs are a *dynamo.DB and a TableName, like
// ProviderSet's; checkout also needs ProviderSet's BookRepository.
var OrderProviderSet = wire.NewSet(NewOrderRepository, wire.Bind(new(app.OrderRepository), new(*OrderRepository)))
