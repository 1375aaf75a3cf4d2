package dynamodb

// IAMActions maps each method of the ports this package implements
// (app.BookRepository, app.ReviewRepository, app.OrderRepository,
// app.AttemptStore, app.ProfileRepository, as
// "Port.Method") to the IAM actions its DynamoDB calls need. A transaction
// (TransactWriteItems) is authorized item by item: it needs the PutItem,
// UpdateItem, DeleteItem or ConditionCheckItem of each item, no action of its
// own. Query runs on the table's indexes (table.go). The deploy package's
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
}
