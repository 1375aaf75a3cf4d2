package dynamostore

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
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
// schema, attribute definitions, the four listing indexes and on-demand
// billing. It is the only description of the table in code: CreateTable
// sends it, and tests compare it with the deployment template. Each call
// returns a new value that the caller may modify.
func TableSpec(name TableName) *dynamodb.CreateTableInput {
	return &dynamodb.CreateTableInput{
		TableName:   aws.String(string(name)),
		BillingMode: types.BillingModePayPerRequest,
		AttributeDefinitions: []types.AttributeDefinition{
			{AttributeName: aws.String(attrPK), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrSK), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrEntity), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrCategory), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrID), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String(attrTitleKey), AttributeType: types.ScalarAttributeTypeS},
		},
		KeySchema: keySchema(attrPK, attrSK),
		GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{
			listingIndex(indexCategoryNewest, attrCategory, attrID),
			listingIndex(indexCategoryTitle, attrCategory, attrTitleKey),
			listingIndex(indexAllNewest, attrEntity, attrID),
			listingIndex(indexAllTitle, attrEntity, attrTitleKey),
		},
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
	return nil
}

// checkExisting compares the key schemas of an existing table and of its
// indexes with spec.
func checkExisting(ctx context.Context, db *dynamo.DB, spec *dynamodb.CreateTableInput) error {
	out, err := db.Client().DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: spec.TableName})
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
	return nil
}

func sameKeySchema(a, b []types.KeySchemaElement) bool {
	return slices.EqualFunc(a, b, func(x, y types.KeySchemaElement) bool {
		return aws.ToString(x.AttributeName) == aws.ToString(y.AttributeName) && x.KeyType == y.KeyType
	})
}
