package e2e

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"github.com/bookshop/bookshop/adapters/webui/browsertest"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// BenchmarkGetBook compares GET /api/books/{id} through the whole local
// stack (host → gateway → catalog container under the emulator → DynamoDB
// Local) with a bare GetItem of the same item from the host, in the same run.
// Besides ns/op it reports the p50 and p99 latency of each.
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -run '^$' -bench GetBook -benchtime 2000x ./deploy/local/e2e
//
// Goal: gateway p50 ≤ 2× bare p50.
func BenchmarkGetBook(b *testing.B) {
	s := sharedStack(b)
	var created book
	callAs(b, login(b, s, adminEmail, adminPassword), http.MethodPost, s.API+"/api/books", map[string]any{
		"title": "Benchmark", "author": "B. Mark", "category": "Computing", "priceCents": 100, "stock": 1,
	}, http.StatusCreated, &created)

	db := dynamodb.NewFromConfig(aws.Config{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("bookshop", "bookshop-local-only", ""),
	}, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(s.DynamoDB) })
	key := map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "BOOK#" + created.ID},
		"sk": &types.AttributeValueMemberS{Value: "BOOK"},
	}
	url := s.API + "/api/books/" + created.ID
	p50 := map[string]time.Duration{}

	b.Run("gateway", func(b *testing.B) {
		p50["gateway"] = measure(b, func() error {
			resp, err := client.Get(url)
			if err != nil {
				return err
			}
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("GET %s: %s", url, resp.Status)
			}
			return err
		})
	})
	b.Run("bare-GetItem", func(b *testing.B) {
		p50["bare"] = measure(b, func() error {
			out, err := db.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("bookshop"), Key: key})
			if err == nil && out.Item == nil {
				err = fmt.Errorf("no item %v", key)
			}
			return err
		})
	})
	if p50["bare"] > 0 {
		b.Logf("gateway p50 %s / bare p50 %s = %.2f× (goal ≤ 2×)", p50["gateway"], p50["bare"],
			float64(p50["gateway"])/float64(p50["bare"]))
	}
}

// shared is the stack benchmarks share, so that -count N starts it once;
// TestMain removes it.
var shared struct {
	once  sync.Once
	stack *stack
	err   error
}

// sharedStack starts the shared stack on first use.
func sharedStack(b *testing.B) *stack {
	b.Helper()
	requireCompose(b)
	shared.once.Do(func() {
		shared.stack = newStack(freePorts(b, stackPorts))
		shared.stack.overrides = []string{"testdata/bench-publish.yml"}
		shared.err = shared.stack.up()
	})
	if shared.err != nil {
		b.Fatal(shared.err)
	}
	return shared.stack
}

// TestMain removes the benchmarks' shared stack after the run (printing its
// logs when the run failed) and stops the browser of the storefront test.
func TestMain(m *testing.M) {
	code := browsertest.Wrap(m.Run)()
	if shared.stack != nil {
		if code != 0 || shared.err != nil {
			fmt.Fprintf(os.Stderr, "logs of %s:\n%s\n", shared.stack.project, shared.stack.logs())
		}
		if err := shared.stack.down(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			code = 1
		}
	}
	os.Exit(code)
}

// measure warms op up, runs it b.N times, reports p50-ms and p99-ms and
// returns the p50.
func measure(b *testing.B, op func() error) time.Duration {
	for range 20 {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if err := op(); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	p50, p99 := percentile(lat, 50), percentile(lat, 99)
	b.ReportMetric(ms(p50), "p50-ms")
	b.ReportMetric(ms(p99), "p99-ms")
	return p50
}

// BenchmarkCatalogColdStart starts the catalog image under the emulator, as
// the local stack does, and measures per start: cold-ms (docker run → first
// 200 from the emulator's invoke endpoint), init-ms (the emulator's INIT
// REPORT: process start to the runtime's first /next) and first-invoke-ms
// (the emulator's INVOKE RTDONE duration of that first invoke). Medians over
// the iterations.
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -run '^$' -bench CatalogColdStart -benchtime 10x ./deploy/local/e2e
//
// Goals: init ≤ 12 ms, first invoke ≤ 15 ms (medians).
func BenchmarkCatalogColdStart(b *testing.B) {
	requireCompose(b)
	image := imageOf("catalog")
	var cold, initDur, first []time.Duration
	for range b.N {
		c, i, f := coldStart(b, image)
		cold, initDur, first = append(cold, c), append(initDur, i), append(first, f)
	}
	b.ReportMetric(ms(median(cold)), "cold-ms")
	b.ReportMetric(ms(median(initDur)), "init-ms")
	b.ReportMetric(ms(median(first)), "first-invoke-ms")
}

var (
	initReport  = regexp.MustCompile(`INIT REPORT\(durationMs: ([0-9.]+)\)`)
	invokeReady = regexp.MustCompile(`INVOKE RTDONE\(status: success.*duration: ([0-9.]+)ms\)`)
)

// healthEvent is an API Gateway v2 event for GET /api/health.
const healthEvent = `{"version":"2.0","routeKey":"$default","rawPath":"/api/health","headers":{},` +
	`"requestContext":{"http":{"method":"GET","path":"/api/health"},"requestId":"bench","stage":"$default"}}`

// coldStart runs one container of image and returns its cold start, init
// and first-invoke durations.
func coldStart(b *testing.B, image string) (cold, initDur, first time.Duration) {
	b.Helper()
	name := fmt.Sprintf("bookshop-coldstart-%d-%d", os.Getpid(), time.Now().UnixNano())
	port := freePorts(b, 1)[0]
	start := time.Now()
	out, err := exec.Command("docker", "run", "-d", "--name", name,
		"-p", fmt.Sprintf("127.0.0.1:%d:8080", port),
		"-e", "AWS_REGION=us-east-1", "-e", "AWS_ACCESS_KEY_ID=x", "-e", "AWS_SECRET_ACCESS_KEY=x",
		"-e", "BOOKSHOP_TABLE=bookshop", "-e", "BOOKSHOP_BUCKET=bookshop-covers",
		"-e", "BOOKSHOP_CURSOR_KEY=cold-start-benchmark-key",
		"--entrypoint", "/usr/local/bin/aws-lambda-rie", image, "/var/runtime/bootstrap").CombinedOutput()
	if err != nil {
		b.Fatalf("docker run %s: %v\n%s", image, err, out)
	}
	defer exec.Command("docker", "rm", "-f", name).Run()
	url := fmt.Sprintf("http://127.0.0.1:%d/2015-03-31/functions/function/invocations", port)
	// Poll every few milliseconds: `eventually` backs off, which would blur the measurement.
	invoke := func() error {
		resp, err := client.Post(url, "application/json", strings.NewReader(healthEvent))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte(`"statusCode":200`)) {
			return fmt.Errorf("invoke: %s: %s", resp.Status, body)
		}
		return nil
	}
	for deadline := start.Add(30 * time.Second); ; time.Sleep(2 * time.Millisecond) {
		err := invoke()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("no answer from %s within 30s: %v", image, err)
		}
	}
	cold = time.Since(start)
	logs, err := exec.Command("docker", "logs", name).CombinedOutput()
	if err != nil {
		b.Fatalf("docker logs: %v", err)
	}
	return cold, logDuration(b, initReport, logs), logDuration(b, invokeReady, logs)
}

// logDuration parses the milliseconds that re's first group matches in logs.
func logDuration(b *testing.B, re *regexp.Regexp, logs []byte) time.Duration {
	b.Helper()
	m := re.FindSubmatch(logs)
	if m == nil {
		b.Fatalf("no %s in the emulator's log:\n%s", re, logs)
	}
	f, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil {
		b.Fatal(err)
	}
	return time.Duration(f * float64(time.Millisecond))
}

// BenchmarkImageSizes reports, per program image, the stripped binary
// (binary-MB), the image (image-MB) and its largest layer, the one holding
// the function (layer-MB). One iteration is enough:
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -run '^$' -bench ImageSizes -benchtime 1x ./deploy/local/e2e
//
// Goals: binary ≤ 15 MB, function layer ≤ 25 MB.
func BenchmarkImageSizes(b *testing.B) {
	requireCompose(b)
	for _, program := range []string{"catalog", "thumbnailer", "gateway", "localinit"} {
		b.Run(program, func(b *testing.B) {
			image := imageOf(program)
			for range b.N {
				imageSize, layer := imageSizes(b, image)
				b.ReportMetric(mb(binarySize(b, image)), "binary-MB")
				b.ReportMetric(mb(imageSize), "image-MB")
				b.ReportMetric(mb(layer), "layer-MB")
			}
		})
	}
}

// imageOf names a program's image as provision.sh exports it.
func imageOf(program string) string {
	if v := os.Getenv("BOOKSHOP_" + strings.ToUpper(program) + "_IMAGE"); v != "" {
		return v
	}
	return "bookshop/" + program + ":dev"
}

// imageSizes returns the size of image and of its largest layer.
func imageSizes(b *testing.B, image string) (total, largest int64) {
	b.Helper()
	out, err := exec.Command("docker", "history", "--no-trunc", "--human=false", "--format", "{{.Size}}", image).CombinedOutput()
	if err != nil {
		b.Fatalf("docker history %s: %v\n%s", image, err, out)
	}
	for _, f := range strings.Fields(string(out)) {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			b.Fatalf("docker history %s: size %q: %v", image, f, err)
		}
		total += n
		largest = max(largest, n)
	}
	return total, largest
}

// binarySize returns the size of /var/runtime/bootstrap in image.
func binarySize(b *testing.B, image string) int64 {
	b.Helper()
	id, err := exec.Command("docker", "create", image).Output()
	if err != nil {
		b.Fatalf("docker create %s: %v", image, err)
	}
	ctr := strings.TrimSpace(string(id))
	defer exec.Command("docker", "rm", ctr).Run()
	out, err := exec.Command("docker", "cp", ctr+":/var/runtime/bootstrap", "-").Output()
	if err != nil {
		b.Fatalf("docker cp: %v", err)
	}
	h, err := tar.NewReader(bytes.NewReader(out)).Next()
	if err != nil {
		b.Fatalf("docker cp: %v", err)
	}
	return h.Size
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return percentile(s, 50)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
func mb(n int64) float64         { return float64(n) / 1e6 }
