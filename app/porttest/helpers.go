package porttest

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// suiteCase is one case of a contract suite over fixtures of type F.
type suiteCase[F any] struct {
	// name is the subtest's name: a sentence stating the contract.
	name string
	// run exercises one fresh fixture.
	run func(t *testing.T, f F)
	// serial keeps the case out of the parallel ones: it runs alone, before
	// them, because it loads the store on purpose (its retries would starve
	// the other cases, and theirs it).
	serial bool
}

// runCases runs every case as a subtest of t named after it, with a fixture
// made by newFixture inside the subtest (after t.Parallel, so fixtures are
// made in parallel too).
func runCases[F any](t *testing.T, newFixture func(t *testing.T) F, cases []suiteCase[F]) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !c.serial {
				t.Parallel()
			}
			c.run(t, newFixture(t))
		})
	}
}

var (
	epoch = time.Date(2026, 11, 26, 10, 0, 0, 123456789, time.UTC)
	later = epoch.Add(time.Hour)
	idSeq atomic.Int64
	idRun = time.Now().UnixNano()
)

// newID returns ids that sort by creation order, like the ULIDs of
// production, and never repeat within a test binary.
func newID() domain.BookID {
	return domain.BookID(fmt.Sprintf("%016X%010X", idRun, idSeq.Add(1)))
}

func details(title, author, category string) domain.BookDetails {
	return domain.BookDetails{
		Title: title, Author: author, Category: category, Description: "A book about " + title + ".",
		PriceCents: 1299, Currency: "EUR", Stock: 4,
	}
}

func newBook(t *testing.T, d domain.BookDetails) domain.Book {
	t.Helper()
	b, err := domain.NewBook(newID(), d, epoch)
	must(t, err)
	return b
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
