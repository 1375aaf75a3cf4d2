package app

import "context"

// Metric is a business event the shop counts, with the CloudWatch unit of
// its values.
type Metric struct {
	Name string
	Unit string // Count, None…: the units of CloudWatch's embedded metric format
}

// The shop's business metrics. The inbound adapters record them from the
// outcome of the use case they called (a placed order, a refusal…): each
// outcome is already a typed result or a domain error there.
var (
	MetricOrdersPlaced       = Metric{Name: "OrdersPlaced", Unit: "Count"}
	MetricOrderValueCents    = Metric{Name: "OrderValueCents", Unit: "None"}
	MetricCheckoutOutOfStock = Metric{Name: "CheckoutRefusedForStock", Unit: "Count"}
	MetricIdempotentReplays  = Metric{Name: "IdempotentReplays", Unit: "Count"}
	MetricThumbnailsMade     = Metric{Name: "ThumbnailsMade", Unit: "Count"}
	MetricThumbnailsRefused  = Metric{Name: "ThumbnailsRefused", Unit: "Count"}
	MetricSignInFailures     = Metric{Name: "SignInFailures", Unit: "Count"}
	MetricSignInsRateLimited = Metric{Name: "SignInsRateLimited", Unit: "Count"}
)

// Metrics records metric values. Implementations are safe for concurrent
// use and never fail the caller: a metric that cannot be written is lost.
type Metrics interface {
	Record(ctx context.Context, m Metric, value float64)
}

// NoMetrics discards every value.
type NoMetrics struct{}

// Record implements Metrics.
func (NoMetrics) Record(context.Context, Metric, float64) {}
