package dynamodb

// IAMActions maps each method of the ports this package implements
// (app.BookRepository, app.BookBatchReader, app.ReviewRepository,
// app.OrderRepository, app.AttemptStore, app.ProfileRepository,
// app.SearchIndex, app.SalesLedger, as "Port.Method") to the IAM actions its
// DynamoDB calls need. A transaction (TransactWriteItems) is authorized item
// by item: it needs the PutItem, UpdateItem, DeleteItem or
// ConditionCheckItem of each item, no action of its own; the batch calls
// (BatchGetItem, BatchWriteItem) are actions of their own. Query runs on the table's indexes (table.go). The deploy package's
// least-privilege test gives each function in deploy/template.yaml exactly the
// actions of the methods its use cases call; keep this table next to the
// code when a method starts or stops making a call.
var IAMActions = map[string][]string{
	"BookRepository.Create": {"dynamodb:PutItem"},
	"BookRepository.Get":    {"dynamodb:GetItem"},
	// Read, then a put conditioned on the version read.
	"BookRepository.Update": {"dynamodb:GetItem", "dynamodb:PutItem"},
	// A conditional delete; a failed condition is explained by a read.
	"BookRepository.Delete": {"dynamodb:DeleteItem", "dynamodb:GetItem"},
	"BookRepository.List":   {"dynamodb:Query"},
	// 100 keys per BatchGetItem.
	"BookBatchReader.GetBooks": {"dynamodb:BatchGetItem"},

	// The review's put and the book's rating UPDATE (or a condition check
	// when the rating does not change) in one transaction.
	"ReviewRepository.Add":    {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"},
	"ReviewRepository.Get":    {"dynamodb:GetItem"},
	"ReviewRepository.Update": {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"},
	"ReviewRepository.Delete": {"dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"},
	"ReviewRepository.List":   {"dynamodb:Query"},

	// Stock decrements (UPDATE), the order and the idempotency record (PUT)
	// in one transaction; a cancelled one is explained by reads.
	"OrderRepository.PlaceOrder":      {"dynamodb:UpdateItem", "dynamodb:PutItem", "dynamodb:GetItem"},
	"OrderRepository.FindIdempotency": {"dynamodb:GetItem"},
	"OrderRepository.Get":             {"dynamodb:GetItem"},
	"OrderRepository.ListByUser":      {"dynamodb:Query"},
	"OrderRepository.ListByStatus":    {"dynamodb:Query"},
	// Read, then a conditional put, or a transaction of the put and the
	// stock restored (UPDATE) on cancellation.
	"OrderRepository.Update": {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"},

	"AttemptStore.Get": {"dynamodb:GetItem"},
	// An ADD to a live record, or a put conditioned on the old one having
	// expired.
	"AttemptStore.Add":    {"dynamodb:UpdateItem", "dynamodb:PutItem"},
	"AttemptStore.Delete": {"dynamodb:DeleteItem"},

	"ProfileRepository.Put": {"dynamodb:PutItem"},
	"ProfileRepository.Get": {"dynamodb:GetItem"},

	// Read the book's document item; the entries put and deleted with
	// BatchWriteItem; the document item put on a condition.
	"SearchIndex.Index":  {"dynamodb:GetItem", "dynamodb:BatchWriteItem", "dynamodb:PutItem"},
	"SearchIndex.Remove": {"dynamodb:GetItem", "dynamodb:BatchWriteItem", "dynamodb:PutItem"},
	"SearchIndex.Search": {"dynamodb:Query"},

	// Transactions of a marker PUT and counter UPDATEs; a cancellation
	// reads the placement's marker first and checks each placed chunk.
	"SalesLedger.RecordPlaced":    {"dynamodb:PutItem", "dynamodb:UpdateItem"},
	"SalesLedger.RecordCancelled": {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"},
	// The sales-rank index (all time, categories, also-bought) or the day
	// partitions (30 days).
	"SalesLedger.BestSellers": {"dynamodb:Query"},
	"SalesLedger.AlsoBought":  {"dynamodb:Query"},
}
