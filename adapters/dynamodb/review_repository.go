package dynamodb

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ReviewRepository stores reviews in the shop's table, in their book's
// partition, and keeps the book's rating totals in step with them through
// transactions (see table.go). It is safe for concurrent use.
type ReviewRepository struct {
	db    *dynamo.DB
	table dynamo.Table
}

var _ app.ReviewRepository = (*ReviewRepository)(nil)

// NewReviewRepository returns a repository over the table named table,
// which must exist with the layout of TableSpec. Nothing is sent to
// DynamoDB.
func NewReviewRepository(db *dynamo.DB, table TableName) (*ReviewRepository, error) {
	t, err := openTable(db, table)
	if err != nil {
		return nil, err
	}
	return &ReviewRepository{db: db, table: t}, nil
}

// Positions of the items in every review transaction.
const (
	txReview = 0
	txBook   = 1
)

// rateBook is the transaction's write of the book item: it adds c to the
// rating totals if the book exists. A change of nothing is only a
// condition check, which does not write the book item.
func (r *ReviewRepository) rateBook(tx *dynamo.WriteTx, id domain.BookID, c domain.RatingChange) {
	if c == (domain.RatingChange{}) {
		tx.Check(r.table.Check(attrPK, bookPK(id)).Range(attrSK, bookSK).IfExists())
		return
	}
	tx.Update(r.table.Update(attrPK, bookPK(id)).Range(attrSK, bookSK).
		Add(attrRatingSum, c.Sum).Add(attrRatingCount, c.Count).
		If("attribute_exists($)", attrPK))
}

// sendTx sends the transaction that build makes, once. It returns which
// items' conditions failed when DynamoDB cancelled it for a failed
// condition, and errLostRace when DynamoDB cancelled it for a
// TransactionConflict or throttling: concurrent reviews of one book all
// update the book item, and conflicting transactions are refused rather
// than queued. The operations run it under the package's retry policy (see
// untilWon), one attempt each.
func (r *ReviewRepository) sendTx(ctx context.Context, build func(tx *dynamo.WriteTx)) (failed map[int]bool, err error) {
	tx := r.db.WriteTx()
	build(tx)
	err = tx.Run(ctx)
	var txe *types.TransactionCanceledException
	if !errors.As(err, &txe) {
		return nil, err
	}
	failed = make(map[int]bool)
	conflict := false
	for i, reason := range txe.CancellationReasons {
		switch aws.ToString(reason.Code) {
		case "ConditionalCheckFailed":
			failed[i] = true
		case "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded":
			conflict = true
		}
	}
	switch {
	case len(failed) > 0:
		return failed, err
	case conflict:
		return nil, errLostRace
	}
	return nil, err
}

// Add implements app.ReviewRepository with one transaction: a put of the
// review conditioned on its key being free, and the ADD of its stars to the
// book's totals conditioned on the book existing. A transaction cancelled
// for a conflict is sent again under the package's retry policy (see
// untilWon), at most MaxWriteAttempts times in all.
func (r *ReviewRepository) Add(ctx context.Context, review domain.Review) error {
	it := newReviewItem(review)
	return untilWon(ctx, fmt.Sprintf("add review of book %s", review.BookID()), func() error {
		failed, err := r.sendTx(ctx, func(tx *dynamo.WriteTx) {
			tx.Put(r.table.Put(it).If("attribute_not_exists($)", attrPK))
			r.rateBook(tx, review.BookID(), domain.RatingAdded(review.Rating()))
		})
		switch {
		case failed[txBook]:
			return fmt.Errorf("add review: %w", notFound(review.BookID()))
		case failed[txReview]:
			return fmt.Errorf("add review: user %s has reviewed book %s already: %w", review.UserID(), review.BookID(), domain.ErrConflict)
		case errors.Is(err, errLostRace):
			return err
		case err != nil:
			return fmt.Errorf("add review of book %s: %w", review.BookID(), err)
		}
		return nil
	})
}

// Get implements app.ReviewRepository with a strongly consistent read.
func (r *ReviewRepository) Get(ctx context.Context, book domain.BookID, user domain.UserID) (domain.Review, error) {
	it, err := r.get(ctx, book, user)
	if err != nil {
		return domain.Review{}, fmt.Errorf("get review: %w", err)
	}
	return it.review()
}

func (r *ReviewRepository) get(ctx context.Context, book domain.BookID, user domain.UserID) (reviewItem, error) {
	var it reviewItem
	err := r.table.Get(attrPK, bookPK(book)).Range(attrSK, dynamo.Equal, reviewSK(user)).Consistent(true).One(ctx, &it)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return reviewItem{}, &domain.NotFoundError{Entity: "review", ID: string(book) + "/" + string(user)}
	case err != nil:
		return reviewItem{}, fmt.Errorf("read review %s/%s: %w", book, user, err)
	}
	return it, nil
}

// Update implements app.ReviewRepository: read, fn, then one transaction
// that puts the review on condition that its version is still the one read
// and adds the difference of stars to the book's sum. A lost race (another
// writer changed the review, or another transaction held the book) starts
// over with a new read under the package's retry policy (see untilWon), at
// most MaxWriteAttempts times in all.
func (r *ReviewRepository) Update(ctx context.Context, book domain.BookID, user domain.UserID, fn func(*domain.Review) error) (domain.Review, error) {
	var review domain.Review
	err := untilWon(ctx, fmt.Sprintf("update review %s/%s", book, user), func() (err error) {
		review, err = r.tryUpdate(ctx, book, user, fn)
		return err
	})
	return review, err
}

func (r *ReviewRepository) tryUpdate(ctx context.Context, book domain.BookID, user domain.UserID, fn func(*domain.Review) error) (domain.Review, error) {
	old, err := r.get(ctx, book, user)
	if err != nil {
		return domain.Review{}, fmt.Errorf("update review: %w", err)
	}
	review, err := old.review()
	if err != nil {
		return domain.Review{}, fmt.Errorf("update review: %w", err)
	}
	if err := fn(&review); err != nil {
		return domain.Review{}, err
	}
	if review.BookID() != book || review.UserID() != user {
		return domain.Review{}, fmt.Errorf("update review %s/%s: callback changed its key", book, user)
	}
	it := newReviewItem(review)
	failed, err := r.sendTx(ctx, func(tx *dynamo.WriteTx) {
		tx.Put(r.table.Put(it).If("$ = ?", attrVersion, old.Version))
		r.rateBook(tx, book, domain.RatingRevised(old.Stars, review.Rating()))
	})
	switch {
	case failed[txBook]:
		return domain.Review{}, fmt.Errorf("update review: %w", notFound(book))
	case failed[txReview], errors.Is(err, errLostRace):
		return domain.Review{}, errLostRace
	case err != nil:
		return domain.Review{}, fmt.Errorf("update review %s/%s: %w", book, user, err)
	}
	return review, nil
}

// Delete implements app.ReviewRepository: read, then one transaction that
// deletes the review on condition that its version is still the one read
// and takes its stars off the book's totals. A lost race starts over with a
// new read under the package's retry policy (see untilWon), at most
// MaxWriteAttempts times in all.
func (r *ReviewRepository) Delete(ctx context.Context, book domain.BookID, user domain.UserID, expectedVersion int64) (domain.Review, error) {
	var review domain.Review
	err := untilWon(ctx, fmt.Sprintf("delete review %s/%s", book, user), func() (err error) {
		review, err = r.tryDelete(ctx, book, user, expectedVersion)
		return err
	})
	return review, err
}

func (r *ReviewRepository) tryDelete(ctx context.Context, book domain.BookID, user domain.UserID, expectedVersion int64) (domain.Review, error) {
	old, err := r.get(ctx, book, user)
	if err != nil {
		return domain.Review{}, fmt.Errorf("delete review: %w", err)
	}
	review, err := old.review()
	if err != nil {
		return domain.Review{}, fmt.Errorf("delete review: %w", err)
	}
	if expectedVersion != 0 {
		if err := review.CheckVersion(expectedVersion); err != nil {
			return domain.Review{}, err
		}
	}
	failed, err := r.sendTx(ctx, func(tx *dynamo.WriteTx) {
		tx.Delete(r.table.Delete(attrPK, bookPK(book)).Range(attrSK, reviewSK(user)).If("$ = ?", attrVersion, old.Version))
		r.rateBook(tx, book, domain.RatingRemoved(old.Stars))
	})
	switch {
	case failed[txBook]:
		return domain.Review{}, fmt.Errorf("delete review: %w", notFound(book))
	case failed[txReview], errors.Is(err, errLostRace):
		return domain.Review{}, errLostRace
	case err != nil:
		return domain.Review{}, fmt.Errorf("delete review %s/%s: %w", book, user, err)
	}
	return review, nil
}

// List implements app.ReviewRepository with one strongly consistent Query
// of the reviews-newest index, asking for one review more than the page to
// know whether another page follows.
func (r *ReviewRepository) List(ctx context.Context, q app.ReviewListQuery) (app.ReviewListPage, error) {
	if q.Limit < 1 || q.Limit > app.MaxPageSize {
		return app.ReviewListPage{}, fmt.Errorf("list reviews: limit %d not in 1..%d: %w", q.Limit, app.MaxPageSize, domain.ErrInvalid)
	}
	after, err := decodeReviewPosition(q.After)
	if err != nil {
		return app.ReviewListPage{}, fmt.Errorf("list reviews: %w", err)
	}
	query := r.table.Get(attrPK, bookPK(q.BookID)).Index(indexReviewsNewest).Order(dynamo.Descending).
		Consistent(true).Limit(q.Limit + 1)
	if after != "" {
		query.Range(attrReviewKey, dynamo.Less, after)
	}
	var items []reviewItem
	if err := query.All(ctx, &items); err != nil {
		return app.ReviewListPage{}, fmt.Errorf("list reviews of book %s: %w", q.BookID, err)
	}
	more := len(items) > q.Limit
	items = items[:min(len(items), q.Limit)]
	page := app.ReviewListPage{Reviews: make([]domain.Review, 0, len(items))}
	for _, it := range items {
		rv, err := it.review()
		if err != nil {
			return app.ReviewListPage{}, fmt.Errorf("list reviews: %w", err)
		}
		page.Reviews = append(page.Reviews, rv)
	}
	if more {
		page.Next = encodePosition(items[len(items)-1].ReviewKey)
	}
	return page, nil
}

// decodeReviewPosition returns the review_key carried by a token from
// encodePosition, or "" for the first page; anything else wraps
// domain.ErrInvalid.
func decodeReviewPosition(token string) (string, error) {
	if token == "" {
		return "", nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	var p position
	if err != nil || json.Unmarshal(raw, &p) != nil || !validReviewKey(p.After) {
		return "", fmt.Errorf("malformed review position token: %w", domain.ErrInvalid)
	}
	return p.After, nil
}
