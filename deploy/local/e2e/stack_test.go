package e2e

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// upTimeout bounds `docker compose up --wait`, seeding included: well under
// a minute on an idle machine, two measured while `make test` loaded two
// cores with other container tests; the rest is slack.
const upTimeout = 300 * time.Second

// stack is one running compose project of docker-compose.yml.
type stack struct {
	project string
	env     []string
	// overrides are compose files (paths relative to this package) applied
	// over docker-compose.yml.
	overrides []string
	API       string // base URL of the gateway, e.g. http://127.0.0.1:41234
	S3        string // MinIO's S3 endpoint on the host
	DynamoDB  string // DynamoDB Local's endpoint on the host
	Cognito   string // cognito-local's endpoint on the host
}

// stackPorts is how many host ports a stack publishes (see newStack).
const stackPorts = 5

// confirmationCode is the code the stack's cognito-local sends every sign-up:
// newStack sets BOOKSHOP_CONFIRMATION_CODE to it.
const confirmationCode = "731905"

// repoRoot is the module root, which holds docker-compose.yml (go test runs
// in the package's folder).
var repoRoot = filepath.Join("..", "..", "..")

// requireCompose skips when container tests are switched off on purpose and
// fails when docker compose does not answer.
func requireCompose(tb testing.TB) {
	tb.Helper()
	if os.Getenv("BOOKSHOP_SKIP_CONTAINER_TESTS") == "1" {
		tb.Skip("BOOKSHOP_SKIP_CONTAINER_TESTS=1")
	}
	if out, err := exec.Command("docker", "compose", "version").CombinedOutput(); err != nil {
		tb.Fatalf("docker compose is not available (run deploy/local/provision.sh, or set "+
			"BOOKSHOP_SKIP_CONTAINER_TESTS=1 to skip): %v\n%s", err, out)
	}
}

// freePorts returns n distinct loopback ports that were free a moment ago.
func freePorts(tb testing.TB, n int) []int {
	tb.Helper()
	ports := make([]int, 0, n)
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		defer ln.Close()
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// startStack brings up the whole stack under a unique project name on free
// ports, waits until it is seeded (`up --wait`), and registers its removal
// (after printing the services' logs when tb failed).
func startStack(tb testing.TB) *stack {
	tb.Helper()
	requireCompose(tb)
	s := newStack(freePorts(tb, stackPorts))
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("logs of %s:\n%s", s.project, s.logs())
		}
		if err := s.down(); err != nil {
			tb.Error(err)
		}
	})
	start := time.Now()
	if err := s.up(); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("stack %s up and seeded in %s", s.project, time.Since(start).Round(time.Millisecond))
	return s
}

// newStack describes a project of docker-compose.yml on the host ports p
// (gateway, MinIO, MinIO console, DynamoDB Local, cognito-local).
func newStack(p []int) *stack {
	s := &stack{
		project:  fmt.Sprintf("bookshop-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()%1e6),
		API:      "http://127.0.0.1:" + strconv.Itoa(p[0]),
		S3:       "http://127.0.0.1:" + strconv.Itoa(p[1]),
		DynamoDB: "http://127.0.0.1:" + strconv.Itoa(p[3]),
		Cognito:  "http://127.0.0.1:" + strconv.Itoa(p[4]),
	}
	s.env = append(os.Environ(),
		"BOOKSHOP_PORT="+strconv.Itoa(p[0]),
		"BOOKSHOP_MINIO_PORT="+strconv.Itoa(p[1]),
		"BOOKSHOP_MINIO_CONSOLE_PORT="+strconv.Itoa(p[2]),
		"BOOKSHOP_DYNAMODB_PORT="+strconv.Itoa(p[3]),
		"BOOKSHOP_COGNITO_PORT="+strconv.Itoa(p[4]),
		"BOOKSHOP_CONFIRMATION_CODE="+confirmationCode,
	)
	return s
}

// up starts the project and waits until localinit reports it seeded.
func (s *stack) up() error {
	ctx, cancel := context.WithTimeout(context.Background(), upTimeout+30*time.Second)
	defer cancel()
	if out, err := s.compose(ctx, "up", "-d", "--wait", "--wait-timeout", strconv.Itoa(int(upTimeout.Seconds()))); err != nil {
		ps, _ := s.compose(context.Background(), "ps", "-a")
		return fmt.Errorf("docker compose up: %w\n%s\n%s", err, out, ps)
	}
	return nil
}

// down removes the project's containers, network and volumes.
func (s *stack) down() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if out, err := s.compose(ctx, "down", "-v", "--remove-orphans", "--timeout", "5"); err != nil {
		return fmt.Errorf("docker compose down: %w\n%s", err, out)
	}
	return nil
}

// logs returns the services' logs.
func (s *stack) logs() string {
	out, err := s.compose(context.Background(), "logs", "--no-color", "--timestamps")
	if err != nil {
		return fmt.Sprintf("docker compose logs: %v\n%s", err, out)
	}
	return out
}

// compose runs docker compose on this stack's project.
func (s *stack) compose(ctx context.Context, args ...string) (string, error) {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		return "", err
	}
	files := []string{"-f", filepath.Join(root, "docker-compose.yml")}
	for _, o := range s.overrides {
		abs, err := filepath.Abs(o)
		if err != nil {
			return "", err
		}
		files = append(files, "-f", abs)
	}
	cmd := exec.CommandContext(ctx, "docker", append(append([]string{"compose",
		"--project-directory", root}, files...), append([]string{"-p", s.project}, args...)...)...)
	cmd.Env = s.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	return strings.TrimSpace(out.String()), err
}
