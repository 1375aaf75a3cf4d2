package cognito_test

import (
	"reflect"
	"testing"

	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

// TestIAMActionsNameEveryPortMethod: the table the deploy package's
// least-privilege test reads has one entry per method this adapter implements.
func TestIAMActionsNameEveryPortMethod(t *testing.T) {
	porttest.IAMActions(t, cognito.IAMActions, reflect.TypeFor[app.IdentityProvider]())
}
