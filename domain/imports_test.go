package domain_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainImportsOnlyTheStandardLibrary keeps the core pure: no package of
// this module's domain may depend, even indirectly, on anything outside the
// standard library.
func TestDomainImportsOnlyTheStandardLibrary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "github.com/bookshop/bookshop/domain/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if !strings.HasPrefix(pkg, "github.com/bookshop/bookshop/domain") {
			t.Errorf("domain depends on %s", pkg)
		}
	}
}
