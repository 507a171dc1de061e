package sqlite

import (
	"errors"
	"testing"
)

func TestAPICursorRoundTrip(t *testing.T) {
	for _, c := range []apiCursor{{kind: 'd', key: noDate, seq: 7}, {kind: 'd', key: 1745485200, seq: 1}, {kind: 'r', offset: 40}} {
		got, err := parseAPICursor(c.String(), c.kind)
		if err != nil || got != c {
			t.Errorf("%+v: got %+v, %v", c, got, err)
		}
	}
	// A cursor of the other order is refused.
	if _, err := parseAPICursor(apiCursor{kind: 'r', offset: 2}.String(), 'd'); !errors.Is(err, ErrBadQuery) {
		t.Errorf("rank cursor accepted for date order: %v", err)
	}
}

func TestBucketExpr(t *testing.T) {
	for _, iv := range []string{"hour", "day", "week", ""} {
		if _, err := bucketExpr("a.published", iv); err != nil {
			t.Errorf("%q: %v", iv, err)
		}
	}
	var qe *QueryError
	if _, err := bucketExpr("a.published", "month"); !errors.As(err, &qe) || qe.Param != "interval" {
		t.Errorf("month: %v", err)
	}
}

func FuzzParseAPICursor(f *testing.F) {
	f.Add("ZHwxfDI", byte('d'))
	f.Add(apiCursor{kind: 'r', offset: 20}.String(), byte('r'))
	f.Add("", byte('d'))
	f.Fuzz(func(t *testing.T, s string, kind byte) {
		c, err := parseAPICursor(s, kind)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("error %v is not ErrBadQuery", err)
			}
			return
		}
		if c.kind != kind || c.offset < 0 {
			t.Fatalf("parsed %+v from %q", c, s)
		}
	})
}

func TestBucketStart(t *testing.T) {
	tests := []struct {
		t        int64
		interval string
		want     int64
	}{
		{1745485200 + 59, "hour", 1745485200},
		{1745485200 + 3700, "day", 1745452800},
		{1745485200, "week", 1745193600}, // Thursday 2025-04-24 → Monday 2025-04-21
		{345600, "week", 345600},
		{-1, "day", -86400},
		{-1, "week", 345600 - 604800},
	}
	for _, tt := range tests {
		if got := bucketStart(tt.t, tt.interval); got != tt.want {
			t.Errorf("bucketStart(%d, %s) = %d, want %d", tt.t, tt.interval, got, tt.want)
		}
	}
}
