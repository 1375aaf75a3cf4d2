package emulator

import (
	"context"
	"time"
)

// invokeAsync invokes function with payload in the background, with Event
// invocation semantics: the caller does not wait, and a failed invocation
// (an error, a function error) is retried after each of AsyncRetryDelays.
func (s *Server) invokeAsync(function string, payload []byte, requestID string) {
	s.async.Add(1)
	go func() {
		defer s.async.Done()
		for attempt := 0; ; attempt++ {
			// The function's timeout bounds the run (invoker); this bounds
			// the wait for a free endpoint, as long again.
			ctx, cancel := context.WithTimeout(context.Background(), 2*s.cfg.Template.FunctionTimeout(function))
			inv, err := s.invoker.invoke(ctx, function, payload)
			cancel()
			if err == nil && !inv.functionError {
				s.cfg.Logger.Info("async invocation", "requestId", requestID, "function", function, "attempt", attempt+1)
				return
			}
			reason := "function error: " + truncate(string(inv.payload), 500)
			if err != nil {
				reason = err.Error()
			}
			if attempt >= len(s.cfg.AsyncRetryDelays) {
				s.cfg.Logger.Error("async invocation failed; giving up", "requestId", requestID, "function", function, "attempts", attempt+1, "error", reason)
				return
			}
			s.cfg.Logger.Warn("async invocation failed; retrying", "requestId", requestID, "function", function, "attempt", attempt+1, "error", reason)
			t := time.NewTimer(s.cfg.AsyncRetryDelays[attempt])
			select {
			case <-t.C:
			case <-s.closing:
				t.Stop()
				s.cfg.Logger.Error("async invocation abandoned at shutdown", "requestId", requestID, "function", function)
				return
			}
		}
	}()
}
