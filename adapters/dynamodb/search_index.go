package dynamodb

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// SearchIndex is the app.SearchIndex in the shop table (see table.go,
// "Search"): one entry item per index key of a book, ranked by its sort
// key, and one document item per book that remembers the entries, the
// version and the fingerprint indexed. It is safe for concurrent use; the
// projector is its only writer, one change of a book at a time (the
// stream orders a book's changes).
type SearchIndex struct {
	db    *dynamo.DB
	table dynamo.Table
	// itemsWritten counts entry and document items put or deleted.
	itemsWritten atomic.Int64
}

var _ app.SearchIndex = (*SearchIndex)(nil)

// Search layout (see table.go).
const (
	searchEntryPKPrefix = "SEARCH#"
	searchDocPKPrefix   = "SEARCHDOC#"
	searchDocSK         = "SEARCHDOC"

	attrSearchWords    = "search_words"
	attrSearchCategory = "search_category"

	// searchQueryItems is how many entries one Query reads, and
	// searchPageBudget how many a page reads at most: a query whose words
	// rarely occur together ends its page early rather than reading on.
	searchQueryItems = 200
	searchPageBudget = 1000
)

// searchEntryItem is one index entry: the book under one key, at its rank.
type searchEntryItem struct {
	PK string `dynamo:"pk"`
	// SK is app.SearchDocument.SearchRank(key); it ends with the book id.
	SK string `dynamo:"sk"`
	// Words are the book's words, joined by spaces, to check the other
	// words of a query.
	Words    string `dynamo:"search_words"`
	Category string `dynamo:"search_category"`
}

// searchDocItem remembers what is indexed of a book.
type searchDocItem struct {
	PK          string `dynamo:"pk"`
	SK          string `dynamo:"sk"`
	Version     int64  `dynamo:"search_version"`
	Fingerprint string `dynamo:"search_fingerprint,omitempty"`
	// Entries are the keys of the book's entry items, as "<pk> <sk>".
	Entries []string `dynamo:"search_entries,omitempty"`
	// Removed marks the tombstone of a deleted book.
	Removed bool `dynamo:"search_removed,omitempty"`
}

// NewSearchIndex returns the index in the table named table, which must
// exist with the layout of TableSpec. Nothing is sent to DynamoDB.
func NewSearchIndex(db *dynamo.DB, table TableName) (*SearchIndex, error) {
	t, err := openTable(db, table)
	if err != nil {
		return nil, err
	}
	return &SearchIndex{db: db, table: t}, nil
}

func searchDocPK(id domain.BookID) string { return searchDocPKPrefix + string(id) }

// getDoc reads the document item of a book strongly consistently; found is
// false when there is none.
func (x *SearchIndex) getDoc(ctx context.Context, id domain.BookID) (doc searchDocItem, found bool, err error) {
	err = x.table.Get(attrPK, searchDocPK(id)).Range(attrSK, dynamo.Equal, searchDocSK).Consistent(true).One(ctx, &doc)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return searchDocItem{}, false, nil
	case err != nil:
		return searchDocItem{}, false, fmt.Errorf("read the search document of book %s: %w", id, err)
	}
	return doc, true, nil
}

// Index implements app.SearchIndex. A document whose fingerprint is the
// indexed one costs one read and no write; otherwise the entries of the
// new document are put, those of the old one it lacks deleted, then the
// document item is put on condition that nobody indexed the book since
// (else it starts over, under the package's retry policy). Entries are
// written before the document item, so a failure halfway is repaired by
// the retry of the same change.
func (x *SearchIndex) Index(ctx context.Context, doc app.SearchDocument) error {
	return x.write(ctx, doc.BookID, func(old searchDocItem, found bool) (searchDocItem, []searchEntryItem, bool) {
		if found && (old.Removed || old.Version >= doc.Version) {
			return searchDocItem{}, nil, false
		}
		if found && old.Fingerprint == doc.Fingerprint() {
			return searchDocItem{}, nil, false // indexed alike already: older versions are kept out all the same
		}
		next, entries := searchItems(doc)
		return next, entries, true
	})
}

// searchItems returns the document item and the entry items of doc.
func searchItems(doc app.SearchDocument) (searchDocItem, []searchEntryItem) {
	words, category := strings.Join(doc.Words(), " "), doc.Category.String()
	keys := doc.Keys()
	next := searchDocItem{PK: searchDocPK(doc.BookID), SK: searchDocSK, Version: doc.Version, Fingerprint: doc.Fingerprint()}
	entries := make([]searchEntryItem, len(keys))
	for i, k := range keys {
		entries[i] = searchEntryItem{PK: searchEntryPKPrefix + k, SK: doc.SearchRank(k), Words: words, Category: category}
		next.Entries = append(next.Entries, entries[i].PK+" "+entries[i].SK)
	}
	return next, entries
}

// Remove implements app.SearchIndex: it deletes the book's entries and
// leaves a tombstone document item (a few dozen bytes per deleted book,
// kept: book ids are never reused).
func (x *SearchIndex) Remove(ctx context.Context, id domain.BookID, version int64) error {
	return x.write(ctx, id, func(old searchDocItem, found bool) (searchDocItem, []searchEntryItem, bool) {
		if found && old.Removed && old.Version >= version {
			return searchDocItem{}, nil, false
		}
		return searchDocItem{PK: searchDocPK(id), SK: searchDocSK, Version: max(version, old.Version), Removed: true}, nil, true
	})
}

// write reads the book's document item, asks plan for the next one and its
// entries (ok false: nothing to do), replaces the entries and puts the
// document item conditioned on the one read.
func (x *SearchIndex) write(ctx context.Context, id domain.BookID, plan func(old searchDocItem, found bool) (searchDocItem, []searchEntryItem, bool)) error {
	return untilWon(ctx, "index book "+string(id), func() error {
		old, found, err := x.getDoc(ctx, id)
		if err != nil {
			return err
		}
		next, entries, ok := plan(old, found)
		if !ok {
			return nil
		}
		if err := x.replaceEntries(ctx, old.Entries, entries); err != nil {
			return fmt.Errorf("index book %s: %w", id, err)
		}
		put := x.table.Put(next)
		if found {
			put.If("$ = ?", "search_version", old.Version)
		} else {
			put.If("attribute_not_exists($)", attrPK)
		}
		err = put.Run(ctx)
		switch {
		case dynamo.IsCondCheckFailed(err):
			return errLostRace // indexed concurrently: read again
		case err != nil:
			return fmt.Errorf("index book %s: %w", id, err)
		}
		x.itemsWritten.Add(1)
		return nil
	})
}

// replaceEntries puts entries and deletes the old entries (as "<pk> <sk>")
// that are not among them, in batches.
func (x *SearchIndex) replaceEntries(ctx context.Context, old []string, entries []searchEntryItem) error {
	batch := x.table.Batch(attrPK, attrSK).Write()
	n := 0
	for _, e := range entries {
		batch.Put(e)
		n++
	}
	for _, o := range old {
		pk, sk, _ := strings.Cut(o, " ")
		if !slices.ContainsFunc(entries, func(e searchEntryItem) bool { return e.PK == pk && e.SK == sk }) {
			batch.Delete(dynamo.Keys{pk, sk})
			n++
		}
	}
	if n == 0 {
		return nil
	}
	if _, err := batch.Run(ctx); err != nil {
		return fmt.Errorf("write search entries: %w", err)
	}
	x.itemsWritten.Add(int64(n))
	return nil
}

// Search implements app.SearchIndex with Query on the entries of the
// driving key, in rank order, checking every word and the category of each
// entry. It reads at most searchPageBudget entries (searchQueryItems per
// Query): a page that runs out of budget ends early with a Next that
// continues after the last entry read.
func (x *SearchIndex) Search(ctx context.Context, q app.SearchQuery) (app.SearchPage, error) {
	after, err := decodeSearchPosition(q.After)
	if err != nil {
		return app.SearchPage{}, fmt.Errorf("search: %w", err)
	}
	in := &awsdynamodb.QueryInput{
		TableName:              aws.String(x.table.Name()),
		KeyConditionExpression: aws.String("#pk = :pk"),
		ExpressionAttributeNames: map[string]string{"#pk": attrPK, "#sk": attrSK, "#w": attrSearchWords,
			"#c": attrSearchCategory},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":pk": &types.AttributeValueMemberS{Value: searchEntryPKPrefix + q.Terms.DrivingKey()},
		},
		ProjectionExpression: aws.String("#sk, #w, #c"),
		Limit:                aws.Int32(searchQueryItems),
	}
	if after != "" {
		in.KeyConditionExpression = aws.String("#pk = :pk AND #sk > :after")
		in.ExpressionAttributeValues[":after"] = &types.AttributeValueMemberS{Value: after}
	}
	page := app.SearchPage{BookIDs: []domain.BookID{}}
	var lastHit, lastRead string
	for read := 0; read < searchPageBudget; {
		out, err := x.db.Client().Query(ctx, in)
		if err != nil {
			return app.SearchPage{}, fmt.Errorf("search entries of %q: %w", q.Terms.DrivingKey(), err)
		}
		for _, raw := range out.Items {
			read++
			var e searchEntryItem
			if err := dynamo.UnmarshalItem(raw, &e); err != nil {
				return app.SearchPage{}, fmt.Errorf("search: decode entry: %w", err)
			}
			lastRead = e.SK
			if (!q.Category.IsZero() && e.Category != q.Category.String()) || !q.Terms.Matches(strings.Fields(e.Words)) {
				continue
			}
			if len(page.BookIDs) == q.Limit {
				page.Next = encodeSearchPosition(lastHit) // a match follows the page
				return page, nil
			}
			_, id, _ := strings.Cut(e.SK, "\x01")
			page.BookIDs = append(page.BookIDs, domain.BookID(id))
			lastHit = e.SK
		}
		if len(out.LastEvaluatedKey) == 0 {
			return page, nil // every entry read
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
	page.Next = encodeSearchPosition(lastRead) // out of budget: continue after what was read
	return page, nil
}

// encodeSearchPosition returns the token of an entry's sort key.
func encodeSearchPosition(sk string) string { return base64.RawURLEncoding.EncodeToString([]byte(sk)) }

// decodeSearchPosition returns the sort key of a token ("" for none); a
// token this package cannot have issued wraps domain.ErrInvalid.
func decodeSearchPosition(token string) (string, error) {
	if token == "" {
		return "", nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || !strings.Contains(string(raw), "\x01") {
		return "", fmt.Errorf("malformed search position: %w", domain.ErrInvalid)
	}
	return string(raw), nil
}
