package dynamodb

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// SalesLedger is the app.SalesLedger in the shop table (see table.go,
// "Sales"): counter items updated with ADD in transactions that also put
// a marker item of the order, conditioned on the marker not existing, so
// each order's placement and cancellation count once however often they
// are delivered. It is safe for concurrent use.
type SalesLedger struct {
	db    *dynamo.DB
	table dynamo.Table
}

var _ app.SalesLedger = (*SalesLedger)(nil)

// Sales layout (see table.go).
const (
	salesAllPK        = "SALES#ALL"
	salesDayPKPrefix  = "SALES#DAY#"
	alsoBoughtPrefix  = "ALSO#"
	saleMarkPKPrefix  = "SALE#"
	salePlacedPrefix  = "PLACED#"
	saleCancelPrefix  = "CANCELLED#"
	salesDayLayout    = "2006-01-02"
	attrSalesBoard    = "sales_board"
	attrSalesUnits    = "sales_units"
	attrSalesCategory = "sales_category"
	indexSalesRank    = "sales-rank"

	// salesOpsPerTx is how many counter updates one transaction carries
	// besides its marker and check (DynamoDB allows 100 items).
	salesOpsPerTx = 98
	// salesDayReaders bounds the concurrent Queries of a 30-day ranking.
	salesDayReaders = 6
)

// saleMarkItem records that one chunk of an order's counter updates was
// applied. The first chunk of a placement also keeps the sale, so that the
// cancellation takes back exactly what was counted.
type saleMarkItem struct {
	PK    string         `dynamo:"pk"`
	SK    string         `dynamo:"sk"`
	Day   string         `dynamo:"sale_day,omitempty"`
	Lines []saleLineItem `dynamo:"sale_lines,omitempty"`
}

type saleLineItem struct {
	BookID   string `dynamo:"book_id"`
	Category string `dynamo:"category,omitempty"`
	Qty      int    `dynamo:"qty"`
}

// counterOp adds delta to the counter item (pk, sk). board, when set, puts
// the item on the sales-rank index; category is kept on day items.
type counterOp struct {
	pk, sk, board, category string
	delta                   int
}

// NewSalesLedger returns the ledger in the table named table, which must
// exist with the layout of TableSpec. Nothing is sent to DynamoDB.
func NewSalesLedger(db *dynamo.DB, table TableName) (*SalesLedger, error) {
	t, err := openTable(db, table)
	if err != nil {
		return nil, err
	}
	return &SalesLedger{db: db, table: t}, nil
}

func salesCategoryPK(c domain.Category) string { return salesAllPK + "#" + c.String() }
func salesDayPK(day string) string             { return salesDayPKPrefix + day }
func saleMarkPK(id domain.OrderID) string      { return saleMarkPKPrefix + string(id) }
func chunkSK(prefix string, n int) string      { return fmt.Sprintf("%s%03d", prefix, n) }

// saleOps returns the counter updates of a sale in a fixed order (lines
// sorted by book id): per line the all-time, category and day counters,
// then one for every ordered pair of its books.
func saleOps(day string, lines []saleLineItem) []counterOp {
	lines = slices.Clone(lines)
	slices.SortFunc(lines, func(a, b saleLineItem) int { return cmp.Compare(a.BookID, b.BookID) })
	var ops []counterOp
	for _, l := range lines {
		ops = append(ops, counterOp{pk: salesAllPK, sk: l.BookID, board: salesAllPK, delta: l.Qty})
		if l.Category != "" {
			pk := salesAllPK + "#" + l.Category
			ops = append(ops, counterOp{pk: pk, sk: l.BookID, board: pk, delta: l.Qty})
		}
		ops = append(ops, counterOp{pk: salesDayPK(day), sk: l.BookID, category: l.Category, delta: l.Qty})
	}
	for _, a := range lines {
		for _, b := range lines {
			if a.BookID != b.BookID {
				pk := alsoBoughtPrefix + a.BookID
				ops = append(ops, counterOp{pk: pk, sk: b.BookID, board: pk, delta: 1})
			}
		}
	}
	return ops
}

// RecordPlaced implements app.SalesLedger. The counter updates are sent in
// chunks of salesOpsPerTx, each ONE transaction with the put of its marker
// (sk PLACED#<n>) conditioned on the marker not existing: a chunk applied
// before is skipped.
func (l *SalesLedger) RecordPlaced(ctx context.Context, s app.Sale) error {
	mark := saleMarkItem{PK: saleMarkPK(s.OrderID), Day: s.PlacedAt.UTC().Format(salesDayLayout)}
	for _, line := range s.Lines {
		mark.Lines = append(mark.Lines, saleLineItem{BookID: string(line.BookID), Category: line.Category.String(), Qty: line.Qty})
	}
	slices.SortFunc(mark.Lines, func(a, b saleLineItem) int { return cmp.Compare(a.BookID, b.BookID) })
	for n, ops := range chunks(saleOps(mark.Day, mark.Lines)) {
		m := saleMarkItem{PK: mark.PK, SK: chunkSK(salePlacedPrefix, n)}
		if n == 0 {
			m.Day, m.Lines = mark.Day, mark.Lines
		}
		tx := l.db.WriteTx().Put(l.table.Put(m).If("attribute_not_exists($)", attrPK))
		if err := l.runCounters(ctx, tx, ops, 1); err != nil {
			return fmt.Errorf("record order %s placed: %w", s.OrderID, err)
		}
	}
	return nil
}

// RecordCancelled implements app.SalesLedger. It reads the placement's
// first marker (nothing was counted without it), rebuilds its counter
// updates and sends them negated in the same chunks, each transaction with
// the put of its marker (sk CANCELLED#<n>) conditioned on it not existing
// and a check that the placement's chunk was applied.
func (l *SalesLedger) RecordCancelled(ctx context.Context, id domain.OrderID) error {
	var placed saleMarkItem
	err := l.table.Get(attrPK, saleMarkPK(id)).Range(attrSK, dynamo.Equal, chunkSK(salePlacedPrefix, 0)).Consistent(true).One(ctx, &placed)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return nil
	case err != nil:
		return fmt.Errorf("record order %s cancelled: %w", id, err)
	}
	for n, ops := range chunks(saleOps(placed.Day, placed.Lines)) {
		tx := l.db.WriteTx().
			Put(l.table.Put(saleMarkItem{PK: placed.PK, SK: chunkSK(saleCancelPrefix, n)}).If("attribute_not_exists($)", attrPK)).
			Check(l.table.Check(attrPK, placed.PK).Range(attrSK, chunkSK(salePlacedPrefix, n)).If("attribute_exists($)", attrPK))
		if err := l.runCounters(ctx, tx, ops, -1); err != nil {
			return fmt.Errorf("record order %s cancelled: %w", id, err)
		}
	}
	return nil
}

// chunks splits ops into the chunks one transaction each carries.
func chunks(ops []counterOp) [][]counterOp {
	var out [][]counterOp
	for len(ops) > 0 {
		n := min(len(ops), salesOpsPerTx)
		out = append(out, ops[:n])
		ops = ops[n:]
	}
	return out
}

// runCounters adds ops (times sign) to tx and runs it under the package's
// retry policy. A failed condition means the chunk was applied before (or,
// for a cancellation, never placed): nothing to do.
func (l *SalesLedger) runCounters(ctx context.Context, tx *dynamo.WriteTx, ops []counterOp, sign int) error {
	for _, op := range ops {
		u := l.table.Update(attrPK, op.pk).Range(attrSK, op.sk).Add(attrSalesUnits, sign*op.delta)
		if op.board != "" {
			u.Set(attrSalesBoard, op.board)
		}
		if op.category != "" {
			u.Set(attrSalesCategory, op.category)
		}
		tx.Update(u)
	}
	return untilWon(ctx, "count sales", func() error {
		err := tx.Run(ctx)
		if err == nil {
			return nil
		}
		failed, conflict, ok := orderTxCancellation(err)
		switch {
		case ok && len(failed) > 0:
			return nil
		case ok && conflict, !ok && retryable(err):
			return errLostRace
		}
		return err
	})
}

// counterItem is a counter as the rankings read it.
type counterItem struct {
	PK       string `dynamo:"pk"`
	SK       string `dynamo:"sk"`
	Units    int64  `dynamo:"sales_units"`
	Category string `dynamo:"sales_category"`
}

// BestSellers implements app.SalesLedger: all time, the top of a board of
// the sales-rank index (see topOfBoard); for the last 30 days, the sum of
// the 30 day counters' partitions, read with one Query each.
func (l *SalesLedger) BestSellers(ctx context.Context, q app.BestSellersQuery) ([]app.BookCount, error) {
	if q.Period != app.SalesLast30Days {
		board := salesAllPK
		if !q.Category.IsZero() {
			board = salesCategoryPK(q.Category)
		}
		return l.topOfBoard(ctx, board, q.Limit)
	}
	today := q.Now.UTC()
	days := make([]string, app.SalesDays)
	for i := range days {
		days[i] = today.AddDate(0, 0, -i).Format(salesDayLayout)
	}
	var (
		mu     sync.Mutex
		counts = map[domain.BookID]int64{}
		errs   []error
		wg     sync.WaitGroup
		slots  = make(chan struct{}, salesDayReaders)
	)
	for _, day := range days {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			var items []counterItem
			err := l.table.Get(attrPK, salesDayPK(day)).All(ctx, &items)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, fmt.Errorf("read the sales of %s: %w", day, err))
				return
			}
			for _, it := range items {
				if q.Category.IsZero() || it.Category == q.Category.String() {
					counts[domain.BookID(it.SK)] += it.Units
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return app.TopBookCounts(counts, q.Limit), nil
}

// AlsoBought implements app.SalesLedger with the top of the book's board.
func (l *SalesLedger) AlsoBought(ctx context.Context, id domain.BookID, limit int) ([]app.BookCount, error) {
	return l.topOfBoard(ctx, alsoBoughtPrefix+string(id), limit)
}

// topOfBoard returns the limit counters of board with the most units
// (above zero), most first, ties by book id. It queries the sales-rank
// index in descending order, a page of limit+10 at a time, until the
// counter after the limit-th has fewer units (so ties at the edge are cut
// by id, not by the index's order), at most 10 pages.
func (l *SalesLedger) topOfBoard(ctx context.Context, board string, limit int) ([]app.BookCount, error) {
	in := &awsdynamodb.QueryInput{
		TableName:                aws.String(l.table.Name()),
		IndexName:                aws.String(indexSalesRank),
		KeyConditionExpression:   aws.String("#b = :b AND #u > :zero"),
		ExpressionAttributeNames: map[string]string{"#b": attrSalesBoard, "#u": attrSalesUnits},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":b": &types.AttributeValueMemberS{Value: board}, ":zero": &types.AttributeValueMemberN{Value: "0"},
		},
		ScanIndexForward: aws.Bool(false),
		Limit:            aws.Int32(int32(limit + 10)),
	}
	counts := map[domain.BookID]int64{}
	var last int64
	for range 10 {
		out, err := l.db.Client().Query(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("read the ranking %s: %w", board, err)
		}
		for _, raw := range out.Items {
			var it counterItem
			if err := dynamo.UnmarshalItem(raw, &it); err != nil {
				return nil, fmt.Errorf("read the ranking %s: %w", board, err)
			}
			if len(counts) >= limit && it.Units < last {
				return app.TopBookCounts(counts, limit), nil
			}
			counts[domain.BookID(it.SK)], last = it.Units, it.Units
		}
		if len(out.LastEvaluatedKey) == 0 {
			break
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
	return app.TopBookCounts(counts, limit), nil
}
