package server

import (
	"net/http/httptest"
	"os"
	"testing"
	"time"
)

func TestZZOther(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	db := benchStore(&testing.B{}, 100000)
	h := New(db, nil, Options{})
	for _, p := range []string{"/api/entities/Rigurengu%20Chetesonka", "/api/entities/Kapulfe%20Stotes", "/api/facets", "/api/facets?q=stonarva",
		"/api/quotes", "/api/quotes?speaker=Rigurengu%20Chetesonka", "/api/events", "/api/events?type=ASSAULT", "/api/places", "/api/network", "/api/network?type=ASSAULT"} {
		best := time.Hour
		for i := 0; i < 3; i++ {
			rec := httptest.NewRecorder()
			t0 := time.Now()
			h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
			best = min(best, time.Since(t0))
			if rec.Code != 200 {
				t.Fatalf("%s %d %s", p, rec.Code, rec.Body)
			}
		}
		t.Logf("%7.1fms %s", float64(best.Microseconds())/1000, p)
	}
}
