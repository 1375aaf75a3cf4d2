package dynamodb_test

import (
	"reflect"
	"testing"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

// TestIAMActionsNameEveryPortMethod: the table the deploy package's
// least-privilege test reads has one entry per method this adapter implements.
func TestIAMActionsNameEveryPortMethod(t *testing.T) {
	porttest.IAMActions(t, dynamodb.IAMActions, reflect.TypeFor[app.BookRepository](), reflect.TypeFor[app.ReviewRepository](), reflect.TypeFor[app.OrderRepository](),
		reflect.TypeFor[app.AttemptStore](), reflect.TypeFor[app.ProfileRepository](), reflect.TypeFor[app.BookBatchReader](),
		reflect.TypeFor[app.SearchIndex](), reflect.TypeFor[app.SalesLedger]())
}
