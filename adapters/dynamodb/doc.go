// Package dynamodb implements the app's BookRepository, ReviewRepository,
// OrderRepository, SearchIndex and SalesLedger ports on Amazon DynamoDB with
// github.com/guregu/dynamo/v2, and decodes the table's stream records for
// the notifier (OrderStreamHandler) and the projector
// (ProjectionStreamHandler).
//
// Books live in one table shared with the shop's other entities (single-table
// design); table.go documents its layout and TableSpec describes it in code,
// once, for CreateTable, the tests and the deployment template's check.
// Writes are guarded by conditions (optimistic locking on a version
// attribute), and listings read sparse global secondary indexes with Query,
// never Scan.
//
// The package never loads configuration nor reads the environment: callers
// pass a *dynamo.DB (see NewDB, which takes an aws.Config and an Endpoint so
// the same code talks to AWS and to DynamoDB Local) and a TableName.
package dynamodb
