package main

import (
	"bufio"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// Access log buffering, like nginx's access_log buffer=… flush=…: one write
// to the container's log pipe per request cost each request about 50 µs of
// the 2-core machines this stack runs on (the container runtime wakes up to
// copy every line), more than the rest of the gateway's own work.
const (
	accessLogBufferBytes   = 64 << 10
	accessLogFlushInterval = 200 * time.Millisecond
)

// accessLogger is the logger of the gateway's per-request lines (and of its
// asynchronous invocations), written through a logBuffer.
type accessLogger struct{ *slog.Logger }

// newAccessLogger returns the access logger writing JSON lines at the
// configured level to stderr, at most accessLogFlushInterval late; the
// cleanup writes out what is buffered.
func newAccessLogger(l lambdaenv.Logging) (accessLogger, func()) {
	buf := newLogBuffer(os.Stderr, accessLogBufferBytes, accessLogFlushInterval)
	return accessLogger{lambdaenv.NewLoggerTo(buf, l)}, func() { _ = buf.Close() }
}

// logBuffer is an io.Writer that collects writes and passes them on to out
// every interval, when they fill its buffer, and on Close. It is safe for
// concurrent use; a write is never split across two flushes unless it is
// larger than the buffer.
type logBuffer struct {
	mu   sync.Mutex
	w    *bufio.Writer
	stop chan struct{}
	done chan struct{}
}

func newLogBuffer(out io.Writer, size int, interval time.Duration) *logBuffer {
	b := &logBuffer{w: bufio.NewWriterSize(out, size), stop: make(chan struct{}), done: make(chan struct{})}
	go b.flushEvery(interval)
	return b
}

// Write buffers p, writing out the buffer first when p does not fit.
func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(p) > b.w.Available() && b.w.Buffered() > 0 {
		if err := b.w.Flush(); err != nil {
			return 0, err
		}
	}
	return b.w.Write(p)
}

func (b *logBuffer) flushEvery(interval time.Duration) {
	defer close(b.done)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			_ = b.flush()
		case <-b.stop:
			return
		}
	}
}

func (b *logBuffer) flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.w.Flush()
}

// Close stops the periodic flushes and writes out what is buffered. Writes
// after Close are buffered until the buffer fills.
func (b *logBuffer) Close() error {
	close(b.stop)
	<-b.done
	return b.flush()
}
