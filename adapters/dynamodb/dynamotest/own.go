package dynamotest

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/internal/containertest"
)

// Own starts a DynamoDB Local that belongs to tb alone, for fault tests
// that pause it (Fault.Pause, Fault.Unpause); it is removed when tb ends.
// Tests that only need a table use Start and NewTable.
func Own(tb testing.TB) (*Server, *containertest.Fault) {
	tb.Helper()
	return containertest.Own(tb, "DynamoDB Local", ImageEnv, DefaultImage, start)
}
