package dynamodb

import (
	"github.com/google/wire"

	"github.com/bookshop/bookshop/app"
)

// DiscoveryProviderSet provides the DynamoDB SearchIndex as app.SearchIndex
// and SalesLedger as app.SalesLedger. Its inputs are a *dynamo.DB and a
// TableName, like ProviderSet's.
var DiscoveryProviderSet = wire.NewSet(
	NewSearchIndex, wire.Bind(new(app.SearchIndex), new(*SearchIndex)),
	NewSalesLedger, wire.Bind(new(app.SalesLedger), new(*SalesLedger)),
)
