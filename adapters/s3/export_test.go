package s3

// SetListPageSize makes DeletePrefix list n keys per page, so tests cover
// several pages with few objects.
func SetListPageSize(s *ObjectStore, n int32) { s.pageSize = n }
