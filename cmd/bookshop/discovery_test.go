package main

import (
	"encoding/json"
	"net/http"
	"testing"
)

// TestEmbeddedDiscovery: the embedded mode projects in-process, so the seed
// books are searchable at start-up, a new book at once, and an order shows
// in the best sellers and also-bought as soon as it is placed.
func TestEmbeddedDiscovery(t *testing.T) {
	e := startEmbedded(t, nil)
	type ranking struct {
		Items []struct {
			Book  struct{ ID, Title string }
			Count int64
		}
	}
	var found struct{ Items []struct{ ID, Title string } }
	status, body := e.call(t, "GET", "/api/search?q=garcia+marq", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &found) != nil || len(found.Items) != 1 ||
		found.Items[0].Title != "Cien años de soledad" {
		t.Fatalf("search of a seed book = %d %s", status, body)
	}
	admin := e.adminToken(t)
	status, body = e.call(t, "POST", "/api/books", admin, newBook)
	if status != http.StatusCreated {
		t.Fatalf("create book = %d %s", status, body)
	}
	var kindred struct{ ID string }
	if err := json.Unmarshal([]byte(body), &kindred); err != nil {
		t.Fatal(err)
	}
	status, body = e.call(t, "GET", "/api/search?q=KINDRED", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &found) != nil || len(found.Items) != 2 {
		t.Fatalf("search after creating a second Kindred = %d %s", status, body)
	}
	status, body = e.call(t, "GET", "/api/search?q=dune", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &found) != nil || len(found.Items) != 1 {
		t.Fatalf("search dune = %d %s", status, body)
	}
	dune := found.Items[0].ID

	reader := e.register(t, "reader@example.com", "Reader-pass-1")
	e.checkout(t, reader.AccessToken, kindred.ID, 2)
	var best ranking
	status, body = e.call(t, "GET", "/api/bestsellers", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &best) != nil || len(best.Items) != 1 ||
		best.Items[0].Book.ID != kindred.ID || best.Items[0].Count != 2 {
		t.Fatalf("best sellers = %d %s", status, body)
	}
	var also ranking
	status, body = e.call(t, "GET", "/api/books/"+dune+"/also-bought", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &also) != nil || len(also.Items) != 0 {
		t.Fatalf("also bought with dune = %d %s", status, body)
	}
}
