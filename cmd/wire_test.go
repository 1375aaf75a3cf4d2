// Package cmd_test checks what every entry point under cmd/ shares.
package cmd_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestWireGenIsCurrent fails when a checked-in wire_gen.go differs from what
// `go tool wire` generates from its wire.go: run `make generate` to fix it.
func TestWireGenIsCurrent(t *testing.T) {
	dirs, err := filepath.Glob("*/wire.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 2 {
		t.Fatalf("found injectors %v; every function under cmd/ is wired with wire", dirs)
	}
	// One wire run over every package: loading the packages dominates, and
	// they share most of their dependencies.
	args := []string{"tool", "wire", "diff"}
	for _, injector := range dirs {
		dir := filepath.Dir(injector)
		if _, err := os.Stat(filepath.Join(dir, "wire_gen.go")); err != nil {
			t.Errorf("cmd/%s has wire.go but no checked-in wire_gen.go: %v", dir, err)
		}
		args = append(args, "./"+dir)
	}
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Errorf("a wire_gen.go under cmd/ is stale (run `make generate`): %v\n%s", err, out)
	}
}
