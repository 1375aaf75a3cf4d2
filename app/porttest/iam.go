package porttest

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// IAMActions checks an adapter's IAM table (such as dynamodb.IAMActions):
// its keys are exactly the methods of the given port interfaces, as
// "Port.Method", and every action is a single "service:Action" without a
// wildcard. Pass ports as reflect.TypeFor[app.BookRepository]().
func IAMActions(t *testing.T, table map[string][]string, ports ...reflect.Type) {
	t.Helper()
	var want []string
	for _, p := range ports {
		for i := range p.NumMethod() {
			want = append(want, p.Name()+"."+p.Method(i).Name)
		}
	}
	var got []string
	for key, actions := range table {
		got = append(got, key)
		for _, a := range actions {
			service, name, ok := strings.Cut(a, ":")
			if !ok || service == "" || name == "" || strings.ContainsAny(a, "*?") {
				t.Errorf("%s: action %q is not one service:Action", key, a)
			}
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Errorf("IAM table keys %v, want the ports' methods %v", got, want)
	}
}
