package domain

import "fmt"

// Rating summarizes the star ratings of a book's reviews. It keeps the sum
// and the count as integers, so concurrent increments in storage stay exact;
// the average is derived. The zero Rating is a book without reviews.
type Rating struct {
	sum, count int64
}

// NewRating returns the rating of count reviews whose stars add up to sum.
// It is how storage adapters rebuild a rating; the sum must be reachable by
// count ratings between MinRating and MaxRating.
func NewRating(sum, count int64) (Rating, error) {
	if count < 0 || sum < count*MinRating || sum > count*MaxRating {
		return Rating{}, &ValidationError{Fields: []FieldError{{
			Field: "rating", Message: fmt.Sprintf("sum %d is impossible for %d reviews", sum, count),
		}}}
	}
	return Rating{sum: sum, count: count}, nil
}

// Sum is the total of the stars of every review.
func (r Rating) Sum() int64 { return r.sum }

// Count is the number of reviews.
func (r Rating) Count() int64 { return r.count }

// Average is the mean number of stars, or 0 when there is no review.
func (r Rating) Average() float64 {
	if r.count == 0 {
		return 0
	}
	return float64(r.sum) / float64(r.count)
}

// RatingChange is what one review write does to its book's rating: storage
// adapters add Sum and Count to the stored totals in the same atomic
// operation that writes the review.
type RatingChange struct {
	Sum   int64
	Count int64
}

// RatingAdded is the change of a new review with the given stars.
func RatingAdded(stars int) RatingChange { return RatingChange{Sum: int64(stars), Count: 1} }

// RatingRevised is the change of a review whose stars go from old to new.
func RatingRevised(old, new int) RatingChange { return RatingChange{Sum: int64(new - old)} }

// RatingRemoved is the change of deleting a review with the given stars.
func RatingRemoved(stars int) RatingChange { return RatingChange{Sum: -int64(stars), Count: -1} }

// apply returns the rating after c, or an error when the result is
// impossible (more removals than reviews, for example).
func (r Rating) apply(c RatingChange) (Rating, error) {
	return NewRating(r.sum+c.Sum, r.count+c.Count)
}
