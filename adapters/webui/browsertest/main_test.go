package browsertest_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

func TestMain(m *testing.M) { browsertest.Main(m) }
