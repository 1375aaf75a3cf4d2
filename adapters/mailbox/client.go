package mailbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/bookshop/bookshop/app"
)

// URL is the address of a mailbox, e.g. http://gateway:8080/_local/mailbox.
type URL string

// Client is an app.Notifier that posts each notification to a Mailbox over
// HTTP. It is safe for concurrent use.
type Client struct {
	url    string
	secret Secret
	http   *http.Client
}

var _ app.Notifier = (*Client)(nil)

// NewClient returns a client posting to mailboxURL with the mailbox's
// secret, with hc (http.DefaultClient when nil).
func NewClient(mailboxURL URL, secret Secret, hc *http.Client) (*Client, error) {
	u, err := url.Parse(string(mailboxURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("mailbox.NewClient: %q is not an http(s) URL", string(mailboxURL))
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	if secret == "" {
		return nil, errors.New("mailbox.NewClient: no secret: the mailbox refuses posts without it")
	}
	return &Client{url: u.String(), secret: secret, http: hc}, nil
}

// Notify posts n as a Message; any answer but 2xx is an error.
func (c *Client) Notify(ctx context.Context, n app.Notification) error {
	body, err := json.Marshal(MessageOf(n))
	if err != nil {
		return fmt.Errorf("mailbox: encode message: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("mailbox: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(SecretHeader, string(c.secret))
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("mailbox: post to %s: %w", c.url, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("mailbox: post to %s: %w", c.url, errors.New(resp.Status))
	}
	return nil
}
