package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteCognitoPoolWritesThePoolOnce checks the files cognito-local reads
// and that a second run keeps them (they hold the users).
func TestWriteCognitoPoolWritesThePoolOnce(t *testing.T) {
	dir := t.TempDir()
	if err := writeCognitoPool(dir, "us-east-1_bookshop", "bookshopwebclient", time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	var pool struct {
		Options struct {
			Id                 string
			UsernameAttributes []string
		}
		Groups map[string]any
	}
	readJSON(t, filepath.Join(dir, "db", "us-east-1_bookshop.json"), &pool)
	if pool.Options.Id != "us-east-1_bookshop" || len(pool.Options.UsernameAttributes) != 1 || pool.Groups["admin"] == nil {
		t.Errorf("pool file: %+v", pool)
	}
	var clients struct {
		Clients map[string]struct{ UserPoolId string }
	}
	readJSON(t, filepath.Join(dir, "db", "clients.json"), &clients)
	if clients.Clients["bookshopwebclient"].UserPoolId != "us-east-1_bookshop" {
		t.Errorf("clients file: %+v", clients)
	}

	users := filepath.Join(dir, "db", "us-east-1_bookshop.json")
	if err := os.WriteFile(users, []byte(`{"Users":{"x":{}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeCognitoPool(dir, "us-east-1_bookshop", "bookshopwebclient", time.Now()); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(users); string(b) != `{"Users":{"x":{}}}` {
		t.Errorf("a second run replaced the pool file: %s", b)
	}
	if err := writeCognitoPool(dir, "", "c", time.Now()); err == nil {
		t.Error("no pool id accepted")
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
