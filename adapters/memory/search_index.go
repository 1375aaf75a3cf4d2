package memory

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"sync"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// SearchIndex keeps search documents in a map guarded by a mutex and
// answers a search by checking every document: fine for the embedded
// mode's catalog, where it is the whole index. It follows app's search
// rules exactly (app.SearchTerms.Matches, app.SearchDocument.SearchRank),
// as the DynamoDB index does.
type SearchIndex struct {
	mu   sync.RWMutex
	docs map[domain.BookID]indexedDoc
}

// indexedDoc is a document, or the tombstone of a removed book (removed
// set, only version kept).
type indexedDoc struct {
	doc     app.SearchDocument
	removed bool
}

var _ app.SearchIndex = (*SearchIndex)(nil)

// NewSearchIndex returns an empty index.
func NewSearchIndex() *SearchIndex {
	return &SearchIndex{docs: make(map[domain.BookID]indexedDoc)}
}

// Index implements app.SearchIndex.
func (x *SearchIndex) Index(_ context.Context, doc app.SearchDocument) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if old, ok := x.docs[doc.BookID]; ok && (old.removed || old.doc.Version >= doc.Version) {
		return nil
	}
	x.docs[doc.BookID] = indexedDoc{doc: doc}
	return nil
}

// Remove implements app.SearchIndex.
func (x *SearchIndex) Remove(_ context.Context, id domain.BookID, version int64) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.docs[id] = indexedDoc{doc: app.SearchDocument{BookID: id, Version: version}, removed: true}
	return nil
}

// Search implements app.SearchIndex. Its position token is the rank of
// the last hit returned.
func (x *SearchIndex) Search(_ context.Context, q app.SearchQuery) (app.SearchPage, error) {
	var after string
	if q.After != "" {
		raw, err := base64.RawURLEncoding.DecodeString(q.After)
		if err != nil || len(raw) == 0 {
			return app.SearchPage{}, fmt.Errorf("search: malformed position: %w", domain.ErrInvalid)
		}
		after = string(raw)
	}
	key := q.Terms.DrivingKey()
	type hit struct {
		rank string
		id   domain.BookID
	}
	var hits []hit
	x.mu.RLock()
	for _, d := range x.docs {
		// A book beyond its key budget has no entry under key in any index.
		if d.removed || (!q.Category.IsZero() && d.doc.Category != q.Category) || !q.Terms.Matches(d.doc.Words()) ||
			!slices.Contains(d.doc.Keys(), key) {
			continue
		}
		if rank := d.doc.SearchRank(key); rank > after {
			hits = append(hits, hit{rank, d.doc.BookID})
		}
	}
	x.mu.RUnlock()
	slices.SortFunc(hits, func(a, b hit) int { return cmp.Compare(a.rank, b.rank) })
	page := app.SearchPage{BookIDs: []domain.BookID{}}
	for _, h := range hits[:min(q.Limit, len(hits))] {
		page.BookIDs = append(page.BookIDs, h.id)
	}
	if len(hits) > q.Limit {
		page.Next = base64.RawURLEncoding.EncodeToString([]byte(hits[q.Limit-1].rank))
	}
	return page, nil
}
