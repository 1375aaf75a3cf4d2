package containertest

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"
)

// Own runs a container that belongs to one test alone, so a test may pause
// it without disturbing the others: start runs it from image (see
// Shared.Start). It skips tb when SkipEnv is "1"; the container is removed
// when tb ends (unpaused first).
func Own[S any](tb testing.TB, name, imageEnv, defaultImage string,
	start func(ctx context.Context, image string) (S, testcontainers.Container, error)) (S, *Fault) {
	tb.Helper()
	if os.Getenv(SkipEnv) == "1" {
		tb.Skipf("container tests disabled by %s=1", SkipEnv)
	}
	image := os.Getenv(imageEnv)
	if image == "" {
		image = defaultImage
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	srv, ctr, err := start(ctx, image)
	f := &Fault{tb: tb, name: name, ctr: ctr}
	tb.Cleanup(f.remove)
	if err != nil {
		tb.Fatalf("start %s (%s): %v", name, image, err)
	}
	return srv, f
}

// Fault breaks and mends one container: Pause freezes its processes (the
// port still accepts connections, nothing answers: a hung dependency), and
// Unpause lets them run on where they stopped.
type Fault struct {
	tb     testing.TB
	name   string
	ctr    testcontainers.Container
	paused bool
}

// faultTimeout bounds one Docker call.
const faultTimeout = 30 * time.Second

func (f *Fault) docker(do func(ctx context.Context, cli *testcontainers.DockerClient, id string) error) error {
	ctx, cancel := context.WithTimeout(context.Background(), faultTimeout)
	defer cancel()
	cli, err := testcontainers.NewDockerClientWithOpts(ctx)
	if err != nil {
		return err
	}
	defer cli.Close()
	return do(ctx, cli, f.ctr.GetContainerID())
}

// pauseAttempts bounds Pause's tries. The kernel's cgroup freezer gives up
// when a process does not stop in time (a JVM busy in a system call on a
// loaded machine), and runc reports "unable to freeze" and thaws the
// container; trying again a moment later freezes it.
const pauseAttempts = 5

// Pause freezes the container.
func (f *Fault) Pause() {
	f.tb.Helper()
	var err error
	for attempt := range pauseAttempts {
		if attempt > 0 {
			time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
		}
		err = f.docker(func(ctx context.Context, cli *testcontainers.DockerClient, id string) error {
			_, err := cli.ContainerPause(ctx, id, client.ContainerPauseOptions{})
			return err
		})
		if err == nil || !strings.Contains(err.Error(), "unable to freeze") {
			break
		}
	}
	if err != nil {
		f.tb.Fatalf("pause %s: %v", f.name, err)
	}
	f.paused = true
}

// Unpause lets the container run again.
func (f *Fault) Unpause() {
	f.tb.Helper()
	if err := f.unpause(); err != nil {
		f.tb.Fatalf("unpause %s: %v", f.name, err)
	}
}

func (f *Fault) unpause() error {
	if !f.paused {
		return nil
	}
	err := f.docker(func(ctx context.Context, cli *testcontainers.DockerClient, id string) error {
		_, err := cli.ContainerUnpause(ctx, id, client.ContainerUnpauseOptions{})
		return err
	})
	if err == nil {
		f.paused = false
	}
	return err
}

// remove unpauses (a paused container cannot be stopped everywhere) and
// removes the container.
func (f *Fault) remove() {
	if f.ctr == nil {
		return
	}
	if err := f.unpause(); err != nil {
		f.tb.Errorf("unpause %s: %v", f.name, err)
	}
	if err := testcontainers.TerminateContainer(f.ctr); err != nil {
		f.tb.Errorf("remove %s container: %v", f.name, err)
	}
}
