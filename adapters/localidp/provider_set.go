package localidp

import (
	"github.com/google/wire"

	"github.com/bookshop/bookshop/app"
)

// ProviderSet provides the embedded Provider as app.IdentityProvider; its
// input is Options.
var ProviderSet = wire.NewSet(New, wire.Bind(new(app.IdentityProvider), new(*Provider)))
