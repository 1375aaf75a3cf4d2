package apigw_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/apigw"
)

// TestDocListsEveryRoute: the route list in doc.go names exactly the routes
// of the table in router.go.
func TestDocListsEveryRoute(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(routeKeys(apigw.Routes()), routeKeys(docRoutes(string(src)))); d != "" {
		t.Errorf("doc.go's route list differs from the route table (-table +doc.go):\n%s", d)
	}
}

// TestREADMEListsEveryRoute: the API routes table of README.md names exactly
// the routes of the table in router.go.
func TestREADMEListsEveryRoute(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	got, err := readmeRoutes(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(routeKeys(apigw.Routes()), routeKeys(got)); d != "" {
		t.Errorf("README.md's API routes differ from the route table (-table +README.md):\n%s", d)
	}
}

// docRouteLine is a line of doc.go's route list: a method, then a path.
var docRouteLine = regexp.MustCompile(`(?m)^//\t([A-Z]+) +(/\S*)`)

// docRoutes returns the routes doc.go lists.
func docRoutes(src string) []apigw.Route {
	var out []apigw.Route
	for _, m := range docRouteLine.FindAllStringSubmatch(src, -1) {
		out = append(out, apigw.Route{Method: m[1], Path: m[2]})
	}
	return out
}

var (
	// codeSpan is a Markdown code span.
	codeSpan = regexp.MustCompile("`([^`]+)`")
	// methodList is one method or several joined with slashes: GET/PUT/DELETE.
	methodList = regexp.MustCompile(`^[A-Z]+(/[A-Z]+)*$`)
)

// readmeRoutes returns the routes of README.md's API routes table: the code
// spans of its first column that are methods and a path, such as
// `GET/PUT/DELETE /api/books/{id}/reviews/{userId}` (three routes) or
// `GET /api/books?limit=` (the query string is not part of the route).
func readmeRoutes(readme string) ([]apigw.Route, error) {
	const header = "| Route | Success | Notes |"
	_, table, ok := strings.Cut(readme, "\n"+header+"\n")
	if !ok {
		return nil, fmt.Errorf("README.md has no table headed %q", header)
	}
	var out []apigw.Route
	for line := range strings.Lines(table) {
		if !strings.HasPrefix(line, "|") {
			break
		}
		// An escaped bar belongs to the cell; the first cell follows the
		// leading bar.
		cells := strings.Split(strings.ReplaceAll(line, `\|`, ""), "|")
		for _, span := range codeSpan.FindAllStringSubmatch(cells[1], -1) {
			methods, path, ok := strings.Cut(span[1], " ")
			if !ok || !methodList.MatchString(methods) || !strings.HasPrefix(path, "/") {
				continue
			}
			path, _, _ = strings.Cut(path, "?")
			for _, m := range strings.Split(methods, "/") {
				out = append(out, apigw.Route{Method: m, Path: path})
			}
		}
	}
	return out, nil
}

// routeKeys returns "METHOD /path" for each route, sorted, so that lists in
// different orders compare equal and a route listed twice shows.
func routeKeys(routes []apigw.Route) []string {
	keys := make([]string, len(routes))
	for i, r := range routes {
		keys[i] = r.Method + " " + r.Path
	}
	slices.Sort(keys)
	return keys
}
