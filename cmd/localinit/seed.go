package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/bookshop/bookshop/cmd/internal/seed"
)

// listedBook is the part of the API's Book that seeding looks at.
type listedBook struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Cover *struct {
		URL string `json:"url"`
	} `json:"cover"`
}

// seed creates the seed books that do not exist yet (by title) and uploads
// a cover for every seed book that has none. It returns how many books it
// created.
func (s *stack) seed(ctx context.Context) (int, error) {
	existing, err := s.listBooks(ctx)
	if err != nil {
		return 0, err
	}
	created := 0
	for i, b := range seed.Books {
		book, ok := existing[b.Title]
		if !ok {
			if err := s.api(ctx, http.MethodPost, "/api/books", b, http.StatusCreated, &book); err != nil {
				return created, fmt.Errorf("create %q: %w", b.Title, err)
			}
			created++
		}
		if book.Cover != nil {
			continue
		}
		if err := s.uploadCover(ctx, book.ID, b.CoverJPEG(i)); err != nil {
			return created, fmt.Errorf("cover of %q: %w", b.Title, err)
		}
		s.log.Info("seed book", "id", book.ID, "title", b.Title)
	}
	return created, nil
}

// listBooks returns every book by title, following the listing's cursors.
func (s *stack) listBooks(ctx context.Context) (map[string]listedBook, error) {
	books := map[string]listedBook{}
	path := "/api/books?limit=100"
	for range 100 {
		var page struct {
			Items      []listedBook `json:"items"`
			NextCursor *string      `json:"nextCursor"`
		}
		if err := s.api(ctx, http.MethodGet, path, nil, http.StatusOK, &page); err != nil {
			return nil, fmt.Errorf("list books: %w", err)
		}
		for _, b := range page.Items {
			books[b.Title] = b
		}
		if page.NextCursor == nil {
			return books, nil
		}
		path = "/api/books?limit=100&cursor=" + *page.NextCursor
	}
	return nil, fmt.Errorf("list books: more than 100 pages")
}

// uploadCover asks the API for an upload URL and PUTs img to it.
func (s *stack) uploadCover(ctx context.Context, id string, img []byte) error {
	var upload struct {
		UploadURL string            `json:"uploadUrl"`
		Method    string            `json:"method"`
		Headers   map[string]string `json:"headers"`
	}
	in := map[string]any{"contentType": "image/jpeg", "contentLength": len(img)}
	if err := s.api(ctx, http.MethodPost, "/api/books/"+id+"/cover", in, http.StatusOK, &upload); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, upload.Method, upload.UploadURL, bytes.NewReader(img))
	if err != nil {
		return err
	}
	for k, v := range upload.Headers {
		req.Header.Set(k, v)
	}
	req.ContentLength = int64(len(img))
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		return fmt.Errorf("%s upload: %s: %s", upload.Method, resp.Status, body)
	}
	return nil
}

// api sends a JSON request to the gateway and decodes the answer into out
// when its status is want.
func (s *stack) api(ctx context.Context, method, path string, in any, want int, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.cfg.APIURL+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if s.token != "" {
		req.Header.Set("Authorization", "Bearer "+s.token)
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: %s (want %s): %.300s", method, path, resp.Status, strconv.Itoa(want), b)
	}
	return json.Unmarshal(b, out)
}
