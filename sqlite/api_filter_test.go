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
