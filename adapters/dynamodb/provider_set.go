package dynamodb

import (
	"github.com/google/wire"

	"github.com/bookshop/bookshop/app"
)

// ProviderSet provides the DynamoDB BookRepository as app.BookRepository
// and ReviewRepository as app.ReviewRepository. Its inputs are a
// *dynamo.DB and a TableName; ClientSet builds the DB.
var ProviderSet = wire.NewSet(
	NewBookRepository, wire.Bind(new(app.BookRepository), new(*BookRepository)),
	NewReviewRepository, wire.Bind(new(app.ReviewRepository), new(*ReviewRepository)),
)

// ClientSet builds the *dynamo.DB that ProviderSet needs from an aws.Config
// and an Endpoint. Leave it out when the injector shares a DB built
// elsewhere.
var ClientSet = wire.NewSet(NewDB)
