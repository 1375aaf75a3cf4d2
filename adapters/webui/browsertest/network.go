package browsertest

import (
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
)

// Request is one HTTP request of the page (a redirect starts a new one), as
// the browser's network events describe it.
type Request struct {
	URL    string
	Method string
	// Body is the request body as the page sent it (a fetch's JSON), ""
	// when it had none or the browser did not report it (a large upload).
	Body string
	// Type is the resource type: network.ResourceTypeDocument, Script,
	// Stylesheet, Image, Fetch, XHR, ...
	Type     network.ResourceType
	Status   int64 // 0 until the response arrives, and for a failed load
	MIMEType string
	// FromCache is true when the browser did not fetch the response from the
	// network (HTTP cache, prefetch cache or a service worker).
	FromCache bool
	// Done is true once the load finished or failed; Failure is the browser's
	// reason for a failed one (e.g. "net::ERR_CONNECTION_REFUSED").
	Done    bool
	Failure string
	// TransferredBytes is what came over the network for the response,
	// headers included, as DevTools' "Transferred" column shows it.
	TransferredBytes int64
	// BodyBytes is the response body as sent: compressed when the server
	// compressed it, without headers (chunked transfer framing may count).
	BodyBytes int64
	// DecodedBytes is the response body after decompression.
	DecodedBytes int64

	headerBytes int64
}

// network records the network events of the tab; r.mu is held.
func (r *recorder) network(ev any) {
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		if i, ok := r.byID[e.RequestID]; ok && e.RedirectResponse != nil {
			// The browser reuses the id for the redirect's target.
			prev := &r.requests[i]
			prev.Status, prev.MIMEType, prev.Done = e.RedirectResponse.Status, e.RedirectResponse.MimeType, true
			prev.TransferredBytes = int64(e.RedirectResponse.EncodedDataLength)
		}
		r.byID[e.RequestID] = len(r.requests)
		var body []byte
		for _, p := range e.Request.PostDataEntries {
			body = append(body, p.Bytes...)
		}
		r.requests = append(r.requests, Request{URL: e.Request.URL, Method: e.Request.Method, Type: e.Type, Body: string(body)})
	case *network.EventResponseReceived:
		if req := r.request(e.RequestID); req != nil {
			resp := e.Response
			req.Status, req.MIMEType, req.headerBytes = resp.Status, resp.MimeType, int64(resp.EncodedDataLength)
			req.FromCache = req.FromCache || resp.FromDiskCache || resp.FromPrefetchCache || resp.FromServiceWorker
			if e.Type != "" {
				req.Type = e.Type
			}
		}
	case *network.EventRequestServedFromCache:
		if req := r.request(e.RequestID); req != nil {
			req.FromCache = true
		}
	case *network.EventDataReceived:
		if req := r.request(e.RequestID); req != nil {
			req.DecodedBytes += e.DataLength
		}
	case *network.EventLoadingFinished:
		if req := r.request(e.RequestID); req != nil {
			req.Done = true
			req.TransferredBytes = int64(e.EncodedDataLength)
			req.BodyBytes = max(int64(e.EncodedBodyLength), req.TransferredBytes-req.headerBytes, 0)
		}
	case *network.EventLoadingFailed:
		if req := r.request(e.RequestID); req != nil {
			req.Done = true
			req.Failure = e.ErrorText
			if e.BlockedReason != "" {
				req.Failure += " (blocked: " + string(e.BlockedReason) + ")"
			}
		}
	default:
		return
	}
	r.lastActivity = time.Now()
}

// request returns the latest request with id, nil when it started before the
// last ResetRequests.
func (r *recorder) request(id network.RequestID) *Request {
	i, ok := r.byID[id]
	if !ok {
		return nil
	}
	return &r.requests[i]
}

// Requests returns the page's requests since New or the last ResetRequests,
// in the order they started.
func (b *Browser) Requests() []Request {
	b.flushEvents()
	b.events.mu.Lock()
	defer b.events.mu.Unlock()
	return append([]Request(nil), b.events.requests...)
}

// ResetRequests forgets the requests seen so far, e.g. before a page view
// whose requests a test counts. Requests still in flight are forgotten too.
func (b *Browser) ResetRequests() {
	b.flushEvents()
	b.events.mu.Lock()
	defer b.events.mu.Unlock()
	b.events.requests = nil
	b.events.byID = map[network.RequestID]int{}
}

// CountRequests returns how many of Requests have a URL path that starts with
// pathPrefix, e.g. "/api/" for the API calls of a page view.
func (b *Browser) CountRequests(pathPrefix string) int {
	n := 0
	for _, r := range b.Requests() {
		if u, err := url.Parse(r.URL); err == nil && strings.HasPrefix(u.Path, pathPrefix) {
			n++
		}
	}
	return n
}

// PageWeight sums BodyBytes of the finished requests of Requests whose type
// is one of types (every type when none is given) and that came from the
// network. For the JavaScript and CSS of a page view:
//
//	b.PageWeight(network.ResourceTypeScript, network.ResourceTypeStylesheet)
func (b *Browser) PageWeight(types ...network.ResourceType) int64 {
	var sum int64
	for _, r := range b.Requests() {
		if r.Done && r.Failure == "" && !r.FromCache && (len(types) == 0 || slices.Contains(types, r.Type)) {
			sum += r.BodyBytes
		}
	}
	return sum
}

// networkQuiet is how long the network must stay idle for WaitNetworkIdle.
const networkQuiet = 500 * time.Millisecond

// WaitNetworkIdle waits until no request has been in flight and no network
// event has arrived for half a second, e.g. before counting a page view's
// requests. It fails the test after the step timeout.
func (b *Browser) WaitNetworkIdle() {
	b.tb.Helper()
	deadline := time.Now().Add(b.cfg.timeout)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		b.flushEvents()
		inFlight, quietFor := b.events.networkState()
		if inFlight == 0 && quietFor >= networkQuiet {
			return
		}
		if time.Now().After(deadline) {
			b.fatalf("wait for the network to be idle: %d request(s) still in flight after %v: %s",
				inFlight, b.cfg.timeout, strings.Join(b.events.inFlight(), ", "))
		}
		<-tick.C
	}
}

// inFlight lists the method and URL of the requests not done.
func (r *recorder) inFlight() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, req := range r.requests {
		if !req.Done {
			out = append(out, req.Method+" "+req.URL)
		}
	}
	return out
}

// networkState returns the number of requests in flight and how long the
// network has been quiet.
func (r *recorder) networkState() (inFlight int, quietFor time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, req := range r.requests {
		if !req.Done {
			inFlight++
		}
	}
	return inFlight, time.Since(r.lastActivity)
}
