package domain_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/domain"
)

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func validDetails() domain.BookDetails {
	return domain.BookDetails{
		Title: "  The Left Hand of Darkness ", Author: "Ursula K. Le Guin", Category: "Science Fiction",
		Description: "Winter.\nA planet.", PriceCents: 1599, Stock: 3,
	}
}

func TestNewBookNormalizesAndDefaults(t *testing.T) {
	b, err := domain.NewBook("01J", validDetails(), now)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title() != "The Left Hand of Darkness" || b.Category().String() != "science-fiction" {
		t.Errorf("title %q category %q", b.Title(), b.Category())
	}
	if b.Price().Currency() != domain.DefaultCurrency || b.Price().Cents() != 1599 {
		t.Errorf("price %v", b.Price())
	}
	if b.Version() != 1 || !b.CreatedAt().Equal(now) || !b.UpdatedAt().Equal(now) {
		t.Errorf("version %d created %v updated %v", b.Version(), b.CreatedAt(), b.UpdatedAt())
	}
}

func TestNewBookReportsEveryInvalidField(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*domain.BookDetails)
		fields []string
	}{
		{"empty title", func(d *domain.BookDetails) { d.Title = "   " }, []string{"title"}},
		{"long title", func(d *domain.BookDetails) { d.Title = strings.Repeat("é", domain.MaxTitleLen+1) }, []string{"title"}},
		{"title at limit", func(d *domain.BookDetails) { d.Title = strings.Repeat("é", domain.MaxTitleLen) }, nil},
		{"control character in title", func(d *domain.BookDetails) { d.Title = "a\x01b" }, []string{"title"}},
		{"newline in author", func(d *domain.BookDetails) { d.Author = "a\nb" }, []string{"author"}},
		{"long author", func(d *domain.BookDetails) { d.Author = strings.Repeat("a", domain.MaxAuthorLen+1) }, []string{"author"}},
		{"long description", func(d *domain.BookDetails) { d.Description = strings.Repeat("a", domain.MaxDescriptionLen+1) }, []string{"description"}},
		{"invalid utf-8", func(d *domain.BookDetails) { d.Description = "\xff" }, []string{"description"}},
		{"missing category", func(d *domain.BookDetails) { d.Category = "" }, []string{"category"}},
		{"punctuation-only category", func(d *domain.BookDetails) { d.Category = "!!!" }, []string{"category"}},
		{"negative price", func(d *domain.BookDetails) { d.PriceCents = -1 }, []string{"priceCents"}},
		{"price above maximum", func(d *domain.BookDetails) { d.PriceCents = domain.MaxPriceCents + 1 }, []string{"priceCents"}},
		{"price at maximum", func(d *domain.BookDetails) { d.PriceCents = domain.MaxPriceCents }, nil},
		{"unknown currency", func(d *domain.BookDetails) { d.Currency = "XXY" }, []string{"currency"}},
		{"lower-case currency", func(d *domain.BookDetails) { d.Currency = "eur" }, nil},
		{"negative stock", func(d *domain.BookDetails) { d.Stock = -1 }, []string{"stock"}},
		{"everything wrong", func(d *domain.BookDetails) {
			*d = domain.BookDetails{PriceCents: -5, Currency: "US", Stock: -2}
		}, []string{"title", "author", "category", "currency", "priceCents", "stock"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := validDetails()
			tt.edit(&d)
			_, err := domain.NewBook("01J", d, now)
			if tt.fields == nil {
				if err != nil {
					t.Fatalf("NewBook = %v, want success", err)
				}
				return
			}
			var ve *domain.ValidationError
			if !errors.Is(err, domain.ErrInvalid) || !errors.As(err, &ve) {
				t.Fatalf("NewBook = %v, want a *domain.ValidationError", err)
			}
			var got []string
			for _, f := range ve.Fields {
				got = append(got, f.Field)
				if f.Message == "" {
					t.Errorf("field %s has no message", f.Field)
				}
			}
			if !slices.Equal(got, tt.fields) {
				t.Fatalf("invalid fields = %v, want %v", got, tt.fields)
			}
		})
	}
}

func TestReviseBumpsVersionAndLeavesBookAloneOnError(t *testing.T) {
	b, _ := domain.NewBook("01J", validDetails(), now)
	bad := validDetails()
	bad.PriceCents = -1
	if err := b.Revise(bad, now.Add(time.Hour)); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("Revise = %v, want ErrInvalid", err)
	}
	if b.Version() != 1 || b.Price().Cents() != 1599 {
		t.Fatalf("failed Revise changed the book: version %d price %d", b.Version(), b.Price().Cents())
	}
	good := validDetails()
	good.Stock = 9
	if err := b.Revise(good, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if b.Version() != 2 || b.Stock() != 9 || !b.UpdatedAt().Equal(now.Add(time.Hour)) || !b.CreatedAt().Equal(now) {
		t.Fatalf("after Revise: version %d stock %d updated %v", b.Version(), b.Stock(), b.UpdatedAt())
	}
}

func TestCheckVersion(t *testing.T) {
	b, _ := domain.NewBook("01J", validDetails(), now)
	if err := b.CheckVersion(1); err != nil {
		t.Fatal(err)
	}
	err := b.CheckVersion(2)
	var vc *domain.VersionConflictError
	if !errors.Is(err, domain.ErrVersionConflict) || !errors.As(err, &vc) || vc.Actual != 1 || vc.Expected != 2 {
		t.Fatalf("CheckVersion(2) = %#v", err)
	}
}

func TestRestoreBookRoundTripsAndRejectsCorruptRecords(t *testing.T) {
	b, _ := domain.NewBook("01J", validDetails(), now)
	if err := b.SetCover(domain.Cover{OriginalKey: "covers/01J/a.jpg"}, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	restored, err := domain.RestoreBook(b.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if restored != b {
		t.Fatalf("restored %+v, want %+v", restored.Snapshot(), b.Snapshot())
	}
	corrupt := b.Snapshot()
	corrupt.Details.Stock = -3
	if _, err := domain.RestoreBook(corrupt); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("RestoreBook(corrupt) = %v, want ErrInvalid", err)
	}
	noVersion := b.Snapshot()
	noVersion.Version = 0
	if _, err := domain.RestoreBook(noVersion); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("RestoreBook(version 0) = %v, want ErrInvalid", err)
	}
}

func TestParseCategory(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Science Fiction", "science-fiction", true},
		{"  --Kids & Teens__ ", "kids-teens", true},
		{"history-of-art", "history-of-art", true},
		{"Ünïcode Café", "ünïcode-café", true},
		{"", "", false},
		{"***", "", false},
		{strings.Repeat("a", domain.MaxCategoryLen+1), "", false},
	}
	for _, tt := range tests {
		got, ok := domain.ParseCategory(tt.in)
		if got.String() != tt.want || ok != tt.ok {
			t.Errorf("ParseCategory(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseCurrency(t *testing.T) {
	for in, want := range map[string]bool{"USD": true, "eur": true, " jpy ": true, "XXY": false, "US": false, "D A": false, "EDA": false, "": false} {
		if _, ok := domain.ParseCurrency(in); ok != want {
			t.Errorf("ParseCurrency(%q) ok = %v, want %v", in, ok, want)
		}
	}
}
