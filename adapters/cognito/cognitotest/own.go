package cognitotest

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/internal/containertest"
)

// Own starts a cognito-local that belongs to tb alone, for fault tests that
// pause it (Fault.Pause, Fault.Unpause); it is removed when tb ends.
func Own(tb testing.TB) (*Server, *containertest.Fault) {
	tb.Helper()
	return containertest.Own(tb, "cognito-local", ImageEnv, DefaultImage, start)
}
