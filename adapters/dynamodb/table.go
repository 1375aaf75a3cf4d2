package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
)

// The shop's table (single-table design).
//
// Primary key: partition key "pk" (S) and sort key "sk" (S). Every entity
// type owns a pk prefix; a book is the item
//
//	pk = "BOOK#<id>", sk = "BOOK"
//
// with its fields as plain attributes (see bookItem). Times are stored as
// RFC 3339 strings with nanoseconds, in UTC, so they round-trip exactly.
// Every write carries "version", the book's optimistic-locking counter.
//
// Listings read four global secondary indexes, each projecting ALL
// attributes so a page needs no extra GetItem:
//
//	index            partition key   sort key    serves
//	category-newest  category        id          one category, newest first
//	category-title   category        title_key   one category, by title
//	all-newest       entity          id          every book, newest first
//	all-title        entity          title_key   every book, by title
//
// Only book items carry "entity" (always "BOOK"), "category", "id" and
// "title_key", so the indexes are sparse: they hold books and nothing else.
// Other entity types must not use these four attribute names. Book ids are
// ULIDs, which sort by creation time, so descending "id" is newest first.
// "title_key" is the lower-cased title, a U+0001 separator and the id: the id
// makes the key unique (titles repeat) and the separator, which the domain
// refuses in titles, sorts below every title character, so "abc" comes
// before "abc d" as with a plain string comparison ("#" would not: it sorts
// above a space). At most 200 runes of 4 bytes plus separator and id, the
// key stays below DynamoDB's 1024-byte limit for sort keys.
//
// Hot partition trade-off: the all-* indexes have a single partition key
// value ("BOOK"), so every book write (create, update, delete) lands in one
// partition of each of them, and every unfiltered listing reads from it. A
// partition serves about 1,000 write units and 3,000 read units per second,
// and because new ids always sort last, DynamoDB cannot split that partition
// "for heat" by sort key either. When an index is throttled its base-table
// writes are throttled too. A catalog changes rarely (staff edits) and its
// listing pages are cacheable, so one partition is fine for a bookstore: it
// keeps pages a single Query and cursors a single key. Shard the key when the
// index's ThrottledRequests metric shows up, or when sustained book writes or
// uncached listing reads approach those limits: write entity = "BOOK#<n>"
// with n = hash(id) mod N, query the N shards in parallel, merge them in
// order, and carry one position per shard in the cursor. The category
// indexes spread by category already; a single huge category would be
// sharded the same way.
//
// Reviews and ratings. A review lives in its book's partition:
//
//	pk = "BOOK#<bookId>", sk = "REVIEW#<userId>"
//
// so "one review per user and book" is a put conditioned on
// attribute_not_exists(pk), and no uniqueness item is needed. Review items
// carry "review_key": the creation time in a fixed-width UTC format
// (20060102T150405.000000000Z, so string order is time order), "#" and the
// user id (unique within the book, which breaks ties). The local secondary
// index
//
//	index           partition key   sort key     serves
//	reviews-newest  pk              review_key   a book's reviews, newest first
//
// is sparse (only reviews carry review_key), lists a book's reviews with one
// Query, and, being local, can be read strongly consistently, so a reader
// sees their own review at once. An LSI exists only if created with the
// table: TableSpec and ShopTable in deploy/template.yaml declare it alike.
// Its cost: a partition key with an LSI (book plus its reviews) is limited
// to 10 GB, about five million reviews of 2 KB per book.
//
// The book item keeps the rating as two integers, "rating_sum" and
// "rating_count". Every review write is ONE TransactWriteItems: the review's
// conditional put/delete and an UpdateItem of the book item that ADDs the
// change to both totals, conditioned on the book existing. ADD is
// commutative, so concurrent reviews never lose an increment; they
// serialize on the book item and retry TransactionConflict a bounded number
// of times. Rating changes do not touch the book's "version", which guards
// staff edits; instead BookRepository's full-item put is also conditioned on
// the rating totals it read, so an edit cannot overwrite a concurrent rating
// change (it retries like any lost race). Review items use none of the
// book-index attribute names (entity, category, id, title_key).
//
// Orders. An order is the item
//
//	pk = "ORDER#<orderId>", sk = "ORDER"
//
// with its lines as a list of maps (book_id, title, unit_price_cents, qty),
// one "currency", the amounts in cents and "version". Two more global
// indexes, projecting ALL, list orders newest first (order ids are ULIDs):
//
//	index             partition key   sort key   serves
//	orders-by-user    order_user      order_id   a customer's orders
//	orders-by-status  order_status    order_id   the admin listing by status
//
// Only order items carry order_user, order_status and order_id, so these
// indexes hold orders only, and order items carry none of the book-index
// attributes, so the book indexes stay sparse. orders-by-status has five
// partition key values; each status's orders land in one partition (the
// same hot-partition trade-off as all-newest, sharded the same way if the
// status listing outgrows it).
//
// Checkout is ONE TransactWriteItems (order_repository.go): per line an
// UpdateItem of the book item (ADD stock -qty, ADD version 1) conditioned on
// stock >= qty and on the price and currency the order was priced with, the
// order's put conditioned on attribute_not_exists(pk), and the put of the
// checkout's idempotency record
//
//	pk = "IDEMPOTENCY#<userId>#<Idempotency-Key>", sk = "IDEMPOTENCY"
//
// ("#" and "%" in the user id are percent-escaped) with "request_hash",
// "order_ref" and "expires_at" (Unix seconds), conditioned on the key being
// free or expired. expires_at is the table's TTL attribute
// (TimeToLiveSpecification in the template); TTL deletes lazily, so readers
// check expires_at themselves. Bumping the book's version makes a staff edit
// based on the stock before the checkout fail with 412. Cancelling an order
// gives the stock back in one transaction with the order's put conditioned
// on its version.
//
// Search (search_index.go). The projector keeps a search index of the
// books in the table, by the rules of app/search_text.go. A book has one
// entry item per index key (the first 2, 3 and 4 characters of each of its
// words, at most app.MaxSearchKeysPerBook = 48 keys, title words first):
//
//	pk = "SEARCH#<key>", sk = <rank>
//
// where rank is app.SearchDocument.SearchRank(key): "1" when a title word
// starts with key, else "2" (author or category only), the normalized
// title (48 characters at most), U+0001 and the book id. So a Query of
// one key returns its books best first, in a stable order, and the last
// sort key read is the position of the next page. Entry items carry
// "search_words" (all the book's normalized words) and "search_category",
// so the other words of a query and its category are checked on the items
// read: a search is one Query (or a few, at most 1,000 entries per page,
// 200 per Query) on the key of its longest word, never a Scan. A document
// item per book
//
//	pk = "SEARCHDOC#<bookId>", sk = "SEARCHDOC"
//
// holds the version indexed ("search_version"), a fingerprint of the
// indexed text and the keys of its entries, or, once the book is deleted,
// a tombstone ("search_removed"): a redelivered change of the same or an
// older version writes nothing. Writes per book change: creation = one
// entry per key (about 3 per word: 15 to 40 for typical books, never more
// than 48) + the document item; an update that keeps title, author and
// category (price, stock, cover, rating) = none; an update of the text =
// the new entries, deletes of the old entries it lacks, the document
// item; deletion = deletes of the entries + the tombstone. Entry items are
// hot for short common keys ("th", "the"); a query reads the longest key
// of its words, and adding keys never makes a page read more than its
// budget.
//
// Sales (sales_ledger.go). Counters, one item per book and scope, changed
// with ADD on "sales_units":
//
//	pk = "SALES#ALL",              sk = <bookId>   units sold, all time
//	pk = "SALES#ALL#<category>",   sk = <bookId>   units sold while in the category
//	pk = "SALES#DAY#<yyyy-mm-dd>", sk = <bookId>   units sold on that UTC day (with "sales_category")
//	pk = "ALSO#<bookId>",          sk = <otherId>  orders holding both books
//
// All-time and also-bought counters carry "sales_board" (their pk), which
// puts them on the sparse global index
//
//	index        partition key   sort key      serves
//	sales-rank   sales_board     sales_units   best sellers and also-bought, most first (KEYS_ONLY)
//
// The 30-day best sellers read the 30 day partitions (30 Queries, 6 at a
// time) and add them up. Placing an order adds its lines (3 counters each)
// and its pairs (n·(n-1) for n lines), in transactions of at most 98
// updates, each with the put of a marker item
//
//	pk = "SALE#<orderId>", sk = "PLACED#<nnn>"  (the first one also keeps the lines, categories and day)
//
// conditioned on the marker not existing: a redelivered or replayed
// change fails the condition and counts nothing. A cancellation reads the
// first marker and sends the same updates negated, each transaction with
// a "CANCELLED#<nnn>" marker and a check that its "PLACED#<nnn>" exists.
// Counters at zero stay, and are skipped by the rankings (sales_units >
// 0). The "SALES#ALL" board is one partition of sales-rank, the same
// hot-partition trade-off as all-newest. Marker items are kept.
const (
	// attrPK and attrSK form the table's primary key.
	attrPK = "pk"
	attrSK = "sk"
	// Index key attributes, present on book items only.
	attrEntity   = "entity"
	attrCategory = "category"
	attrID       = "id"
	attrTitleKey = "title_key"
	// attrVersion is the optimistic-locking counter.
	attrVersion = "version"
	// attrReviewKey is the sort key of the reviews-newest index, present on
	// review items only.
	attrReviewKey = "review_key"
	// attrRatingSum and attrRatingCount are a book's rating totals.
	attrRatingSum   = "rating_sum"
	attrRatingCount = "rating_count"

	// bookPKPrefix and bookSK form a book's primary key.
	bookPKPrefix = "BOOK#"
	bookSK       = "BOOK"
	// bookEntity is the "entity" value of every book.
	bookEntity = "BOOK"
	// titleKeySeparator joins the lower-cased title and the id in title_key.
	titleKeySeparator = "\x01"

	indexCategoryNewest = "category-newest"
	indexCategoryTitle  = "category-title"
	indexAllNewest      = "all-newest"
	indexAllTitle       = "all-title"
	indexReviewsNewest  = "reviews-newest"

	// reviewSKPrefix starts the sort key of a review: "REVIEW#<userId>".
	reviewSKPrefix = "REVIEW#"
)

// TableName names the DynamoDB table. DynamoDB accepts 3 to 255 characters
// among a-z, A-Z, 0-9, '_', '-' and '.'.
type TableName string

// validate checks the name the way DynamoDB does, so a typo in the
// configuration fails at start-up rather than at the first request.
func (n TableName) validate() error {
	if len(n) < 3 || len(n) > 255 {
		return fmt.Errorf("table name %q must be 3 to 255 characters", string(n))
	}
	for _, r := range string(n) {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return fmt.Errorf("table name %q may only contain letters, digits, '_', '-' and '.'", string(n))
		}
	}
	return nil
}

// TableSpec returns the definition of the shop's table named name: key
// schema, attribute definitions, the listing, order and sales-rank indexes, the reviews index and on-demand
// billing. It is the only description of the table in code: CreateTable
// sends it, and tests compare it with the deployment template. Each call
// returns a new value that the caller may modify.
func TableSpec(name TableName) *awsdynamodb.CreateTableInput {
	return &awsdynamodb.CreateTableInput{
		TableName:   aws.String(string(name)),
		BillingMode: types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{
			{AttributeName: aws.String(attrPK), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrSK), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrEntity), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrCategory), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrID), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrTitleKey), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrReviewKey), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrOrderUser), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrOrderStatus), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrOrderID), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrSalesBoard), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrSalesUnits), AttributeType: types.ScalarAttributeTypeN},
		},
		KeySchema: keySchema(attrPK, attrSK),
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{
			listingIndex(indexCategoryNewest, attrCategory, attrID),
			listingIndex(indexCategoryTitle, attrCategory, attrTitleKey),
			listingIndex(indexAllNewest, attrEntity, attrID),
			listingIndex(indexAllTitle, attrEntity, attrTitleKey),
			listingIndex(indexOrdersByUser, attrOrderUser, attrOrderID),
			listingIndex(indexOrdersByStatus, attrOrderStatus, attrOrderID),
			{
				IndexName:  aws.String(indexSalesRank),
				KeySchema:  keySchema(attrSalesBoard, attrSalesUnits),
				Projection: &types.Projection{ProjectionType: types.ProjectionTypeKeysOnly},
			},
		},
		// The stream feeds order notifications (cmd/notifier, order_stream.go)
		// and the discovery projections (cmd/projector, projection_stream_handler.go).
		StreamSpecification: &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewAndOldImages},
		LocalSecondaryIndexes: []types.LocalSecondaryIndex{{
			IndexName:  aws.String(indexReviewsNewest),
			KeySchema:  keySchema(attrPK, attrReviewKey),
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
		}},
	}
}

func keySchema(hash, rangeKey string) []types.KeySchemaElement {
	return []types.KeySchemaElement{
		{AttributeName: aws.String(hash), KeyType: types.KeyTypeHash},
		{AttributeName: aws.String(rangeKey), KeyType: types.KeyTypeRange},
	}
}

func listingIndex(name, hash, rangeKey string) types.GlobalSecondaryIndex {
	return types.GlobalSecondaryIndex{
		IndexName:  aws.String(name),
		KeySchema:  keySchema(hash, rangeKey),
		Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
	}
}

// CreateTable creates the table described by TableSpec(name) and waits until
// it is ACTIVE. It is idempotent: when the table exists already it only
// waits, after checking that the existing table has the same primary key and
// listing indexes (it returns an error otherwise). The deployment creates the
// production table from its template; CreateTable serves tests and the local
// stack.
func CreateTable(ctx context.Context, db *dynamo.DB, name TableName) error {
	if db == nil {
		return errors.New("create table: nil *dynamo.DB")
	}
	if err := name.validate(); err != nil {
		return fmt.Errorf("create table: %w", err)
	}
	spec := TableSpec(name)
	_, err := db.Client().CreateTable(ctx, spec)
	var inUse *types.ResourceInUseException
	switch {
	case errors.As(err, &inUse):
		if err := checkExisting(ctx, db, spec); err != nil {
			return fmt.Errorf("create table %s: %w", name, err)
		}
	case err != nil:
		return fmt.Errorf("create table %s: %w", name, err)
	}
	if err := db.Table(string(name)).Wait(ctx, dynamo.ActiveStatus); err != nil {
		return fmt.Errorf("wait for table %s to be active: %w", name, err)
	}
	if err := enableTTL(ctx, db, name); err != nil {
		return fmt.Errorf("create table %s: %w", name, err)
	}
	return nil
}

// TTLAttribute is the table's time-to-live attribute (Unix seconds), as in
// the template's TimeToLiveSpecification.
const TTLAttribute = attrExpiresAt

// enableTTL turns on time to live on TTLAttribute, as the template does, so
// local tables expire idempotency records too. It is idempotent.
func enableTTL(ctx context.Context, db *dynamo.DB, name TableName) error {
	out, err := db.Client().DescribeTimeToLive(ctx, &awsdynamodb.DescribeTimeToLiveInput{TableName: aws.String(string(name))})
	if err != nil {
		return fmt.Errorf("describe time to live: %w", err)
	}
	if d := out.TimeToLiveDescription; d != nil && aws.ToString(d.AttributeName) == TTLAttribute &&
		(d.TimeToLiveStatus == types.TimeToLiveStatusEnabled || d.TimeToLiveStatus == types.TimeToLiveStatusEnabling) {
		return nil
	}
	_, err = db.Client().UpdateTimeToLive(ctx, &awsdynamodb.UpdateTimeToLiveInput{
		TableName:               aws.String(string(name)),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String(TTLAttribute), Enabled: aws.Bool(true)},
	})
	if err != nil {
		return fmt.Errorf("enable time to live on %s: %w", TTLAttribute, err)
	}
	return nil
}

// checkExisting compares the key schemas of an existing table and of its
// indexes with spec.
func checkExisting(ctx context.Context, db *dynamo.DB, spec *awsdynamodb.CreateTableInput) error {
	out, err := db.Client().DescribeTable(ctx, &awsdynamodb.DescribeTableInput{TableName: spec.TableName})
	if err != nil {
		return fmt.Errorf("describe existing table: %w", err)
	}
	if !sameKeySchema(out.Table.KeySchema, spec.KeySchema) {
		return errors.New("the existing table has another primary key")
	}
	for _, want := range spec.GlobalSecondaryIndexes {
		i := slices.IndexFunc(out.Table.GlobalSecondaryIndexes, func(got types.GlobalSecondaryIndexDescription) bool {
			return aws.ToString(got.IndexName) == aws.ToString(want.IndexName)
		})
		if i < 0 || !sameKeySchema(out.Table.GlobalSecondaryIndexes[i].KeySchema, want.KeySchema) {
			return fmt.Errorf("the existing table lacks index %s or keys it differently", aws.ToString(want.IndexName))
		}
	}
	for _, want := range spec.LocalSecondaryIndexes {
		i := slices.IndexFunc(out.Table.LocalSecondaryIndexes, func(got types.LocalSecondaryIndexDescription) bool {
			return aws.ToString(got.IndexName) == aws.ToString(want.IndexName)
		})
		if i < 0 || !sameKeySchema(out.Table.LocalSecondaryIndexes[i].KeySchema, want.KeySchema) {
			return fmt.Errorf("the existing table lacks local index %s or keys it differently", aws.ToString(want.IndexName))
		}
	}
	return nil
}

func sameKeySchema(a, b []types.KeySchemaElement) bool {
	return slices.EqualFunc(a, b, func(x, y types.KeySchemaElement) bool {
		return aws.ToString(x.AttributeName) == aws.ToString(y.AttributeName) && x.KeyType == y.KeyType
	})
}

// openTable checks a repository's constructor arguments, reporting every
// problem at once, and returns the table handle. Nothing is sent to DynamoDB.
func openTable(db *dynamo.DB, name TableName) (dynamo.Table, error) {
	var errs []error
	if db == nil {
		errs = append(errs, errors.New("nil *dynamo.DB"))
	}
	if err := name.validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return dynamo.Table{}, fmt.Errorf("dynamodb: %w", err)
	}
	return db.Table(string(name)), nil
}
