// Package memory implements the app's storage ports in process memory. It
// backs unit tests and the embedded, zero-dependency mode
// (go run ./cmd/bookshop), and passes the same contract suites as the
// DynamoDB and S3 adapters.
package memory
