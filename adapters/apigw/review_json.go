package apigw

import (
	"math"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// reviewJSON is the API representation of a review. userId is the
// reviewer's stable id (the token's subject); author is their display name.
type reviewJSON struct {
	BookID    string    `json:"bookId"`
	UserID    string    `json:"userId"`
	Author    string    `json:"author"`
	Rating    int       `json:"rating"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
	Version   int64     `json:"version"`
}

func newReviewJSON(r domain.Review) reviewJSON {
	return reviewJSON{
		BookID: string(r.BookID()), UserID: string(r.UserID()), Author: r.Author(), Rating: r.Rating(),
		Text: r.Text(), CreatedAt: r.CreatedAt(), UpdatedAt: r.UpdatedAt(), Version: r.Version(),
	}
}

// reviewPageJSON is one page of a book's reviews. NextCursor is null on the
// last page.
type reviewPageJSON struct {
	Items      []reviewJSON `json:"items"`
	NextCursor *string      `json:"nextCursor"`
}

// reviewRequest is the body of POST /api/books/{id}/reviews and of PUT
// /api/books/{id}/reviews/{userId}. PUT replaces both fields: an omitted
// text is reset to empty.
type reviewRequest struct {
	Rating int    `json:"rating" apigw:"required"`
	Text   string `json:"text"`
}

var reviewRequestSchema = schemaOf[reviewRequest]()

func (r reviewRequest) draft() domain.ReviewDraft {
	return domain.ReviewDraft{Rating: r.Rating, Text: r.Text}
}

// ratingJSON is a book's rating: the average number of stars, rounded to
// two decimals (0 without reviews), and the number of reviews.
type ratingJSON struct {
	Average float64 `json:"average"`
	Count   int64   `json:"count"`
}

func newRatingJSON(r domain.Rating) ratingJSON {
	return ratingJSON{Average: math.Round(r.Average()*100) / 100, Count: r.Count()}
}
