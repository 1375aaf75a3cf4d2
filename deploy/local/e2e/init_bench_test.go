package e2e

import (
	"bytes"
	"fmt"
	"github.com/bookshop/bookshop/app/apptest"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkInitVsMinimal compares the catalog function's init with the init
// of a minimal aws-lambda-go + aws-sdk-go-v2 GetItem function
// (testdata/minimal), both built as the images build functions
// (CGO_ENABLED=0 -tags lambda.norpc -trimpath -ldflags '-s -w') and run on
// the host under the Runtime Interface Emulator binary that provisioning
// builds (deploy/local/tools.sh ensure_rie; BOOKSHOP_RIE overrides it), one
// fresh emulator per start, alternating which goes first. Each start is
// invoked once (the emulator inits on the first invoke) and its INIT REPORT
// read from the emulator's log. Reports the medians catalog-init-ms,
// minimal-init-ms and their difference init-diff-ms.
//
//	go test -run '^$' -bench InitVsMinimal -benchtime 15x ./deploy/local/e2e
//
// Goal: init-diff-ms ≤ 1.
func BenchmarkInitVsMinimal(b *testing.B) {
	rie := rieBinary(b)
	dir := b.TempDir()
	catalog := buildFunction(b, "./cmd/catalog", filepath.Join(dir, "catalog"))
	minimal := buildFunction(b, "./deploy/local/e2e/testdata/minimal", filepath.Join(dir, "minimal"))
	commonEnv := []string{"AWS_REGION=us-east-1", "AWS_ACCESS_KEY_ID=x", "AWS_SECRET_ACCESS_KEY=x",
		"AWS_LAMBDA_FUNCTION_TIMEOUT=10", "PATH=" + os.Getenv("PATH"), "HOME=" + dir}
	catalogEnv := append(slicesClone(commonEnv), "BOOKSHOP_TABLE=bookshop", "BOOKSHOP_BUCKET=bookshop-covers",
		"BOOKSHOP_CURSOR_KEY=cold-start-benchmark-key")
	minimalEnv := append(slicesClone(commonEnv), "TABLE=bookshop")
	var catInit, minInit []time.Duration
	b.ResetTimer()
	for i := range b.N {
		if i%2 == 0 {
			catInit = append(catInit, rieInit(b, rie, catalog, catalogEnv))
			minInit = append(minInit, rieInit(b, rie, minimal, minimalEnv))
		} else {
			minInit = append(minInit, rieInit(b, rie, minimal, minimalEnv))
			catInit = append(catInit, rieInit(b, rie, catalog, catalogEnv))
		}
	}
	b.StopTimer()
	c, m := median(catInit), median(minInit)
	b.ReportMetric(ms(c), "catalog-init-ms")
	b.ReportMetric(ms(m), "minimal-init-ms")
	b.ReportMetric(ms(c-m), "init-diff-ms")
	b.Logf("init, ms, catalog: %s", fmtMs(catInit))
	b.Logf("init, ms, minimal: %s", fmtMs(minInit))
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

func fmtMs(d []time.Duration) string {
	parts := make([]string, len(d))
	for i, x := range d {
		parts[i] = fmt.Sprintf("%.2f", ms(x))
	}
	return strings.Join(parts, " ")
}

// rieBinary returns the path of aws-lambda-rie: $BOOKSHOP_RIE, or the one
// provisioning builds (deploy/local/tools.sh ensure_rie).
func rieBinary(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("BOOKSHOP_RIE"); p != "" {
		return p
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command("bash", "-c", `source deploy/local/tools.sh && ensure_rie`)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("ensure_rie: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// buildFunction compiles the package pkg (relative to the module root) to
// out as deploy/local/functions.sh builds a function.
func buildFunction(b *testing.B, pkg, out string) string {
	b.Helper()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off", "CGO_ENABLED=0")
	if o, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, o)
	}
	return out
}

// rieInit starts a fresh emulator running bootstrap on loopback ports,
// invokes it once with healthEvent, and returns the INIT REPORT duration of
// its log. The emulator and the function are stopped before it returns.
func rieInit(b *testing.B, rie, bootstrap string, env []string) time.Duration {
	b.Helper()
	ports := freePorts(b, 2)
	var log apptest.LogBuffer // the emulator's two output streams, read while they are written
	cmd := exec.Command(rie,
		"--runtime-interface-emulator-address", fmt.Sprintf("127.0.0.1:%d", ports[0]),
		"--runtime-api-address", fmt.Sprintf("127.0.0.1:%d", ports[1]),
		bootstrap)
	cmd.Dir = filepath.Dir(bootstrap)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // so the function, its child, stops with it
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	}()
	url := fmt.Sprintf("http://127.0.0.1:%d/2015-03-31/functions/function/invocations", ports[0])
	invoke := func() error {
		resp, err := client.Post(url, "application/json", strings.NewReader(healthEvent))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte(`"statusCode":`)) {
			return fmt.Errorf("invoke: %s: %s", resp.Status, body)
		}
		return nil
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(2 * time.Millisecond) {
		err := invoke()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("no answer from the emulator running %s within 20s: %v\n%s", bootstrap, err, log.String())
		}
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if logs := []byte(log.String()); initReport.Match(logs) || time.Now().After(deadline) {
			return logDuration(b, initReport, logs)
		}
	}
}
