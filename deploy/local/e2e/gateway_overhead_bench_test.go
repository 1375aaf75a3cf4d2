package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkGatewayOverhead measures the local gateway's own overhead: GET
// /api/books/{id} through the gateway against a direct invoke of the catalog
// containers' emulators (POST /2015-03-31/functions/function/invocations
// with the API Gateway v2 event of that request), same stack, same book,
// alternating one of each per iteration. The gateway sends the route to the
// stack's two catalog containers in turn, so the direct invokes go to the
// same two in turn: invoking only one would compare the gateway's spread
// load with the hottest container (a container that serves every other
// request answers ~0.1 ms slower here than one that serves them all, which
// is not the gateway's cost). The shared stack publishes both containers'
// port 8080 on 127.0.0.1 (testdata/bench-publish.yml). Reports
// gateway-p50-ms, direct-p50-ms (and p99s) and gateway/direct, the ratio of
// the p50s.
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -run '^$' -bench GatewayOverhead -benchtime 1000x ./deploy/local/e2e
//
// Goal: gateway/direct ≤ 1.2.
func BenchmarkGatewayOverhead(b *testing.B) {
	s := sharedStack(b)
	var created book
	callAs(b, login(b, s, adminEmail, adminPassword), http.MethodPost, s.API+"/api/books", map[string]any{
		"title": "Gateway overhead", "author": "B. Mark", "category": "Computing", "priceCents": 100, "stock": 1,
	}, http.StatusCreated, &created)

	var invokeURLs []string
	for _, service := range []string{"catalog", "catalog-2"} {
		addr, err := s.compose(context.Background(), "port", service, "8080")
		if err != nil || !strings.HasPrefix(addr, "127.0.0.1:") {
			b.Fatalf("docker compose port %s 8080 = %q, %v; want a loopback address", service, addr, err)
		}
		invokeURLs = append(invokeURLs, "http://"+addr+"/2015-03-31/functions/function/invocations")
	}
	event := getBookEvent(created.ID)
	gatewayURL := s.API + "/api/books/" + created.ID

	viaGateway := func() error {
		resp, err := client.Get(gatewayURL)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte(created.ID)) {
			return fmt.Errorf("GET %s: %s: %s", gatewayURL, resp.Status, body)
		}
		return err
	}
	invokes := 0
	direct := func() error {
		invokeURL := invokeURLs[invokes%len(invokeURLs)]
		invokes++
		resp, err := client.Post(invokeURL, "application/json", strings.NewReader(event))
		if err != nil {
			return err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte(`"statusCode":200`)) ||
			!bytes.Contains(body, []byte(created.ID)) {
			return fmt.Errorf("invoke %s: %s: %s", invokeURL, resp.Status, body)
		}
		return err
	}
	timed := func(op func() error) time.Duration {
		start := time.Now()
		if err := op(); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	for range 50 { // warm up both paths (and both catalog containers behind the gateway)
		timed(viaGateway)
		timed(direct)
	}
	gw := make([]time.Duration, 0, b.N)
	dir := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		// Alternate which goes first, so neither always follows the other.
		if i%2 == 0 {
			gw = append(gw, timed(viaGateway))
			dir = append(dir, timed(direct))
		} else {
			dir = append(dir, timed(direct))
			gw = append(gw, timed(viaGateway))
		}
	}
	b.StopTimer()
	slices.Sort(gw)
	slices.Sort(dir)
	g50, d50 := percentile(gw, 50), percentile(dir, 50)
	b.ReportMetric(ms(g50), "gateway-p50-ms")
	b.ReportMetric(ms(percentile(gw, 99)), "gateway-p99-ms")
	b.ReportMetric(ms(d50), "direct-p50-ms")
	b.ReportMetric(ms(percentile(dir, 99)), "direct-p99-ms")
	b.ReportMetric(float64(g50)/float64(d50), "gateway/direct")
}

// getBookEvent is the API Gateway v2 event of an anonymous GET
// /api/books/{id} from the benchmark's HTTP client, shaped as the gateway
// builds it for the catalog function (the headers Go's client sends plus
// the X-Forwarded ones), so both paths give the function the same work.
func getBookEvent(id string) string {
	now := time.Now().UTC()
	return fmt.Sprintf(`{"version":"2.0","routeKey":"GET /api/books/{id}","rawPath":"/api/books/%[1]s","rawQueryString":"",`+
		`"headers":{"accept-encoding":"gzip","host":"127.0.0.1:8080","user-agent":"Go-http-client/1.1",`+
		`"x-forwarded-for":"127.0.0.1","x-forwarded-port":"8080","x-forwarded-proto":"http"},`+
		`"pathParameters":{"id":"%[1]s"},"isBase64Encoded":false,`+
		`"requestContext":{"accountId":"123456789012","apiId":"local","domainName":"127.0.0.1","domainPrefix":"127",`+
		`"http":{"method":"GET","path":"/api/books/%[1]s","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"Go-http-client/1.1"},`+
		`"requestId":"bench-direct","routeKey":"GET /api/books/{id}","stage":"$default","time":"%[2]s","timeEpoch":%[3]d}}`,
		id, now.Format("02/Jan/2006:15:04:05 -0700"), now.UnixMilli())
}
