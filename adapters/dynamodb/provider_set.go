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

// ProfileSet provides the DynamoDB ProfileRepository as
// app.ProfileRepository (the catalog's reviews read display names from it).
var ProfileSet = wire.NewSet(NewProfileRepository, wire.Bind(new(app.ProfileRepository), new(*ProfileRepository)))

// AuthSet provides what app.Auth keeps in the table: the AttemptStore as
// app.AttemptStore and the profiles (ProfileSet).
var AuthSet = wire.NewSet(ProfileSet, NewAttemptStore, wire.Bind(new(app.AttemptStore), new(*AttemptStore)))

// ClientSet builds the *dynamo.DB that ProviderSet needs from an aws.Config
// and an Endpoint. Leave it out when the injector shares a DB built
// elsewhere.
var ClientSet = wire.NewSet(NewDB)
