package server

import (
	"errors"
	"net/http"
	"strings"
	"sync"

	"github.com/tidings/tidings"
)

// bad answers 400 with err's message and reports whether err was non-nil.
func bad(w http.ResponseWriter, err error) bool {
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return true
	}
	return false
}

func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	v, err := query(r.URL.RawQuery, with(filterParams, []string{"interval", "split", "unit"})...)
	if bad(w, err) {
		return
	}
	q := tidings.TimelineQuery{MaxSeries: 8}
	q.ArticleFilter, err = parseFilter(v)
	if bad(w, err) {
		return
	}
	q.Interval, err = oneOf(v, "interval", tidings.IntervalDay, tidings.IntervalHour, tidings.IntervalDay, tidings.IntervalWeek)
	if bad(w, err) {
		return
	}
	q.Split, err = oneOf(v, "split", "", "source", "event_type")
	if bad(w, err) {
		return
	}
	q.Unit, err = parseUnit(v)
	if bad(w, err) {
		return
	}
	tl, err := s.store.Timeline(r.Context(), q)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if tl.Buckets == nil {
		tl.Buckets = []tidings.TimelineBucket{}
	}
	writeJSON(w, http.StatusOK, tl)
}

// facetQuery reads the parameters of the top-N endpoints.
func facetQuery(r *http.Request, def int) (tidings.FacetQuery, error) {
	v, err := query(r.URL.RawQuery, with(filterParams, []string{"limit", "unit"})...)
	if err != nil {
		return tidings.FacetQuery{}, err
	}
	q := tidings.FacetQuery{}
	if q.ArticleFilter, err = parseFilter(v); err != nil {
		return q, err
	}
	if q.Unit, err = parseUnit(v); err != nil {
		return q, err
	}
	q.Limit, err = parseLimit(v, def, 200)
	return q, err
}

func (s *Server) handleEntities(w http.ResponseWriter, r *http.Request) {
	q, err := facetQuery(r, 20)
	if bad(w, err) {
		return
	}
	ents, err := s.store.TopEntities(r.Context(), q)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"entities": nonNil(ents), "unit": q.Unit})
}

// handleFacets answers the side panels of the search page in one request:
// top entities, themes, sources and event types.
func (s *Server) handleFacets(w http.ResponseWriter, r *http.Request) {
	q, err := facetQuery(r, 10)
	if bad(w, err) {
		return
	}
	ctx := r.Context()
	var f tidings.Facets
	// The four rankings are independent queries: run them side by side.
	errs := make([]error, 4)
	var wg sync.WaitGroup
	wg.Add(4)
	go func() { defer wg.Done(); f.Entities, errs[0] = s.store.TopEntities(ctx, q) }()
	for i, x := range []struct {
		field string
		dst   *[]tidings.Facet
	}{{"theme", &f.Themes}, {"source", &f.Sources}, {"event_type", &f.EventTypes}} {
		go func() { defer wg.Done(); *x.dst, errs[i+1] = s.store.TopValues(ctx, x.field, q) }()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			s.storeError(w, r, err)
			return
		}
	}
	f.Themes, f.Sources, f.EventTypes = nonNil(f.Themes), nonNil(f.Sources), nonNil(f.EventTypes)
	f.Entities = nonNil(f.Entities)
	f.Unit = q.Unit
	writeJSON(w, http.StatusOK, f)
}

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) {
	v, err := query(r.URL.RawQuery, filterParams...)
	if bad(w, err) {
		return
	}
	f, err := parseFilter(v)
	if bad(w, err) {
		return
	}
	id := strings.TrimSpace(r.PathValue("id"))
	if id == "" {
		writeError(w, http.StatusBadRequest, "empty entity id")
		return
	}
	e, err := s.store.Entity(r.Context(), id, f)
	if errors.Is(err, tidings.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no entity named "+quoteID(id))
		return
	}
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	e.Roles = nonNil(e.Roles)
	e.Timeline = nonNil(e.Timeline)
	e.CoOccurring = nonNil(e.CoOccurring)
	e.Quotes = nonNil(e.Quotes)
	e.AsActor = nonNil(e.AsActor)
	e.AsRecipient = nonNil(e.AsRecipient)
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	v, err := query(r.URL.RawQuery, "speaker", "q", "from", "to", "limit")
	if bad(w, err) {
		return
	}
	q := tidings.QuoteQuery{Speaker: strings.TrimSpace(v.Get("speaker")), Text: strings.TrimSpace(v.Get("q"))}
	if q.From, q.To, err = parseRange(v); bad(w, err) {
		return
	}
	if q.Limit, err = parseLimit(v, 50, 500); bad(w, err) {
		return
	}
	qs, err := s.store.Quotes(r.Context(), q)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"quotes": nonNil(qs)})
}

// eventQuery reads the parameters of the event endpoints.
func eventQuery(r *http.Request, def, max int) (tidings.EventQuery, error) {
	v, err := query(r.URL.RawQuery, "type", "actor", "recipient", "country", "place", "from", "to", "limit")
	if err != nil {
		return tidings.EventQuery{}, err
	}
	q := tidings.EventQuery{
		Actor:     strings.TrimSpace(v.Get("actor")),
		Recipient: strings.TrimSpace(v.Get("recipient")),
		Place:     strings.TrimSpace(v.Get("place")),
	}
	if q.Type, err = code(v, "type", codeRe); err != nil {
		return q, err
	}
	if q.Country, err = code(v, "country", countryRe); err != nil {
		return q, err
	}
	if q.From, q.To, err = parseRange(v); err != nil {
		return q, err
	}
	q.Limit, err = parseLimit(v, def, max)
	return q, err
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	q, err := eventQuery(r, 100, 1000)
	if bad(w, err) {
		return
	}
	res, err := s.store.Events(r.Context(), q)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	res.Events = nonNil(res.Events)
	res.Aggregates = nonNil(res.Aggregates)
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request) {
	q, err := eventQuery(r, 60, 500)
	if bad(w, err) {
		return
	}
	n, err := s.store.Network(r.Context(), q)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	n.Nodes = nonNil(n.Nodes)
	n.Edges = nonNil(n.Edges)
	writeJSON(w, http.StatusOK, n)
}

func (s *Server) handlePlaces(w http.ResponseWriter, r *http.Request) {
	v, err := query(r.URL.RawQuery, filterParams...)
	if bad(w, err) {
		return
	}
	f, err := parseFilter(v)
	if bad(w, err) {
		return
	}
	ps, err := s.store.Places(r.Context(), f)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"places": nonNil(ps)})
}

// nonNil turns a nil slice into an empty one so JSON shows [] not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
