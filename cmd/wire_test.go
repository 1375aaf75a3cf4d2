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
	for _, injector := range dirs {
		dir := filepath.Dir(injector)
		t.Run(dir, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(dir, "wire_gen.go")); err != nil {
				t.Fatalf("%s has wire.go but no checked-in wire_gen.go: %v", dir, err)
			}
			out, err := exec.Command("go", "tool", "wire", "diff", "./"+dir).CombinedOutput()
			if err != nil {
				t.Errorf("wire_gen.go in cmd/%s is stale (run `make generate`): %v\n%s", dir, err, out)
			}
		})
	}
}
