// Package streams is the local stand-in for Lambda's event source mappings
// of DynamoDB streams: the gateway takes the functions with events of Type
// DynamoDB from the template it parsed at start-up (SourcesOf), finds each
// table's stream on DynamoDB Local (DescribeTable's LatestStreamArn), and a
// Poller reads its shards (StartingPosition at start, TRIM_HORIZON for
// shards found later, a child only after its parent is delivered), about
// once a second, and invokes the function with batches of at most BatchSize
// records as a genuine events.DynamoDBEvent. A failed invocation or function
// error is retried up to MaximumRetryAttempts; with ReportBatchItemFailures
// the batch is redelivered from the first failed sequence number. Positions
// are checkpointed in memory only: a restarted gateway starts again at
// StartingPosition.
package streams
