package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/story"
)

// storyResponse is the answer of GET /api/stories/{id}: the story's
// reports, earliest first (near-duplicates included, marked by
// duplicate_of), and what they say of casualties, one range per kind with
// each source's own figure (near-duplicates left out).
type storyResponse struct {
	ID         string                `json:"id"`
	Reports    []tidings.StoryReport `json:"reports"`
	Casualties []story.CasualtyRange `json:"casualties"`
}

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	if _, err := query(r.URL.RawQuery); bad(w, err) {
		return
	}
	id := strings.TrimSpace(r.PathValue("id"))
	if id == "" {
		writeError(w, http.StatusBadRequest, "empty story id")
		return
	}
	reports, err := s.store.StoryReports(r.Context(), id)
	if errors.Is(err, tidings.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no story "+quoteID(id))
		return
	}
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	ranges, err := s.store.StoryCasualties(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	for i := range ranges {
		ranges[i].Figures = nonNil(ranges[i].Figures)
	}
	writeJSON(w, http.StatusOK, storyResponse{ID: id, Reports: reports, Casualties: nonNil(ranges)})
}
