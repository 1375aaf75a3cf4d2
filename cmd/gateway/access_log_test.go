package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app/apptest"
)

// TestLogBufferWritesLinesOutLaterAndWhole: lines reach the output only at
// a flush (the interval, a full buffer, Close), whole and in order, also
// when written concurrently.
func TestLogBufferWritesLinesOutLaterAndWhole(t *testing.T) {
	var out apptest.LogBuffer
	buf := newLogBuffer(&out, 256, time.Hour) // no periodic flush during the test
	if _, err := buf.Write([]byte("first\n")); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "" {
		t.Fatalf("written out before a flush: %q", got)
	}

	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				fmt.Fprintf(buf, "line g%d-%02d %s\n", g, i, strings.Repeat("x", 20))
			}
		})
	}
	wg.Wait()
	if err := buf.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 1+8*50 || lines[0] != "first" {
		t.Fatalf("got %d lines starting %q; want 401 starting \"first\"", len(lines), lines[0])
	}
	next := map[string]int{}
	for _, l := range lines[1:] {
		var g, i int
		var pad string
		if _, err := fmt.Sscanf(l, "line g%d-%d %s", &g, &i, &pad); err != nil || len(pad) != 20 {
			t.Fatalf("line %q was split or mixed with another", l)
		}
		key := fmt.Sprint(g)
		if i != next[key] {
			t.Fatalf("goroutine %d's line %d came after its line %d", g, i, next[key]-1)
		}
		next[key]++
	}
}

// TestLogBufferFlushesEveryInterval: a line is written out within the
// interval without any further write.
func TestLogBufferFlushesEveryInterval(t *testing.T) {
	var out apptest.LogBuffer
	buf := newLogBuffer(&out, 4096, 10*time.Millisecond)
	defer buf.Close()
	if _, err := buf.Write([]byte("request\n")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for out.String() != "request\n" {
		if time.Now().After(deadline) {
			t.Fatalf("not written out after 5 s (interval 10 ms): %q", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}
