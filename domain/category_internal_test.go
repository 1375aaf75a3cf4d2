package domain

import "testing"

func TestSlugFastPathAgreesWithBuildSlug(t *testing.T) {
	for _, s := range []string{"science-fiction", "a", "x1-2y", "sci--fi", "-sf", "sf-", "Sci Fi", "é", "", "a-b-c",
		string(make([]byte, MaxCategoryLen+1))} {
		want, wantOK := buildSlug(s)
		got, ok := ParseCategory(s)
		if got != want || ok != wantOK {
			t.Errorf("ParseCategory(%q) = %q %v, buildSlug = %q %v", s, got, ok, want, wantOK)
		}
	}
}
