package main

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// TestComposeFunctionTimeoutsMatchTheTemplate checks that every function
// container tells its emulator the function's Timeout from the template
// (AWS_LAMBDA_FUNCTION_TIMEOUT; the RIE's default is 300 s), so the
// function's context carries Lambda's deadline and the emulator stops an
// invoke when the gateway does.
func TestComposeFunctionTimeoutsMatchTheTemplate(t *testing.T) {
	f := loadCompose(t)
	tmpl, err := samtemplate.Load("../../deploy/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	gateway, ok := f.Services["gateway"]
	if !ok {
		t.Fatal("no gateway service")
	}
	checked := 0
	for _, entry := range strings.Split(gateway.Environment["BOOKSHOP_FUNCTION_ENDPOINTS"], ";") {
		function, endpoints, _ := strings.Cut(entry, "=")
		want := strconv.Itoa(int(tmpl.FunctionTimeout(function).Seconds()))
		for _, e := range strings.Split(endpoints, ",") {
			u, err := url.Parse(e)
			if err != nil {
				t.Fatalf("endpoint %q: %v", e, err)
			}
			svc := f.Services[u.Hostname()]
			if got := svc.Environment["AWS_LAMBDA_FUNCTION_TIMEOUT"]; got != want {
				t.Errorf("service %s (%s): AWS_LAMBDA_FUNCTION_TIMEOUT %q, want the template's %s", u.Hostname(), function, got, want)
			}
			checked++
		}
	}
	if checked < len(tmpl.Functions) {
		t.Errorf("checked %d function containers, the template has %d functions", checked, len(tmpl.Functions))
	}
}
