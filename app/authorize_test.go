package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// TestCatalogMutationsRequireAdmin runs every catalog mutation as each kind
// of caller: anonymous → ErrUnauthenticated, signed in without the admin
// group → ErrForbidden, admin or system → allowed. Refused calls write nothing.
func TestCatalogMutationsRequireAdmin(t *testing.T) {
	callers := []struct {
		name string
		ctx  context.Context
		want error
	}{
		{"anonymous", context.Background(), domain.ErrUnauthenticated},
		{"reader", app.WithPrincipal(context.Background(), app.Principal{UserID: "u1", Email: "r@example.com"}), domain.ErrForbidden},
		{"other group", app.WithPrincipal(context.Background(), app.Principal{UserID: "u2", Groups: []string{"editors", "Admin"}}), domain.ErrForbidden},
		{"admin", adminContext(), nil},
		{"system", app.AsSystem(context.Background()), nil},
	}
	mutations := []struct {
		name string
		call func(ctx context.Context, f fixture, id domain.BookID) error
	}{
		{"CreateBook", func(ctx context.Context, f fixture, _ domain.BookID) error {
			_, err := f.catalog.CreateBook(ctx, details("New", "x"))
			return err
		}},
		{"UpdateBook", func(ctx context.Context, f fixture, id domain.BookID) error {
			_, err := f.catalog.UpdateBook(ctx, id, 1, details("Renamed", "x"))
			return err
		}},
		{"DeleteBook", func(ctx context.Context, f fixture, id domain.BookID) error {
			return f.catalog.DeleteBook(ctx, id, 0)
		}},
		{"RequestCoverUpload", func(ctx context.Context, f fixture, id domain.BookID) error {
			_, err := f.catalog.RequestCoverUpload(ctx, id, app.CoverUploadRequest{ContentType: "image/png", ContentLength: 10})
			return err
		}},
	}
	for _, m := range mutations {
		for _, c := range callers {
			t.Run(m.name+"/"+c.name, func(t *testing.T) {
				f := newFixture(t)
				b, err := f.catalog.CreateBook(adminContext(), details("Old", "x"))
				if err != nil {
					t.Fatal(err)
				}
				err = m.call(c.ctx, f, b.ID())
				if c.want == nil {
					if err != nil {
						t.Fatalf("%s as %s: %v, want success", m.name, c.name, err)
					}
					return
				}
				if !errors.Is(err, c.want) {
					t.Fatalf("%s as %s: %v, want %v", m.name, c.name, err, c.want)
				}
				got, err := f.books.Get(context.Background(), b.ID())
				if err != nil || got.Version() != 1 || got.Title() != "Old" {
					t.Fatalf("after a refused %s the book is %+v, %v; want it untouched", m.name, got.Snapshot(), err)
				}
				page, _ := f.books.List(context.Background(), app.BookListQuery{Sort: app.SortNewest, Limit: 10})
				if len(page.Books) != 1 {
					t.Fatalf("after a refused %s there are %d books, want 1", m.name, len(page.Books))
				}
			})
		}
	}
}

// TestRecordCoverNeedsNoUser documents that RecordCover, which no route
// exposes, serves the shop's own processes without a principal.
func TestRecordCoverNeedsNoUser(t *testing.T) {
	f := newFixture(t)
	b, err := f.catalog.CreateBook(adminContext(), details("Covered", "x"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.catalog.RecordCover(context.Background(), b.ID(), domain.Cover{OriginalKey: app.CoverPrefix(b.ID()) + "a.jpg"}); err != nil {
		t.Fatalf("RecordCover without a principal: %v", err)
	}
}

func TestIsSystemOnlyThroughAsSystem(t *testing.T) {
	admin := adminContext()
	if app.IsSystem(admin) || app.IsSystem(context.Background()) {
		t.Fatal("a principal or a bare context counts as the system")
	}
	if !app.IsSystem(app.AsSystem(context.Background())) {
		t.Fatal("AsSystem is not the system")
	}
}
