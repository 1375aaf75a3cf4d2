package s3

import (
	"github.com/google/wire"

	"github.com/bookshop/bookshop/app"
)

// ProviderSet provides the S3 ObjectStore as app.ObjectStore. Its inputs are
// the AWS SDK's *s3.Client and *s3.PresignClient and a BucketName; ClientSet
// builds the clients.
var ProviderSet = wire.NewSet(New, wire.Bind(new(app.ObjectStore), new(*ObjectStore)))

// ClientSet builds the S3 clients ProviderSet needs from an aws.Config and
// Options. Leave it out when the injector shares clients built elsewhere.
var ClientSet = wire.NewSet(NewClient, NewPresignClient)
