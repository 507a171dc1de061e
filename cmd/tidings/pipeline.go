package main

import (
	"context"
	"fmt"

	"github.com/tidings/tidings/analyze"
	"github.com/tidings/tidings/counts"
	"github.com/tidings/tidings/entities"
	"github.com/tidings/tidings/events"
	"github.com/tidings/tidings/extract"
	"github.com/tidings/tidings/gazetteer"
	"github.com/tidings/tidings/ner"
	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/places"
	"github.com/tidings/tidings/quotes"
	"github.com/tidings/tidings/themes"
	"github.com/tidings/tidings/tone"
)

// loadAnalyzer builds the full analysis pipeline with every shipped model.
// The order of annotators matters: entities first (the others resolve names
// through them), then places, events before counts (counts attach to
// events), tone and themes last (themes read event types).
func loadAnalyzer(ctx context.Context) (*analyze.Pipeline, error) {
	np, err := nlp.Load()
	if err != nil {
		return nil, fmt.Errorf("loading NLP models: %w", err)
	}
	db, resolver, err := loadEntities()
	if err != nil {
		return nil, err
	}
	coder, err := events.New()
	if err != nil {
		return nil, fmt.Errorf("loading event dictionaries: %w", err)
	}
	toner, err := tone.New()
	if err != nil {
		return nil, fmt.Errorf("loading tone lexicon: %w", err)
	}
	return analyze.New(extract.New(), np,
		resolver,
		places.New(db),
		quotes.New(),
		coder,
		counts.New(),
		toner,
		themes.New(),
	), nil
}

// loadEntities loads the gazetteer and builds the entity annotator of
// loadAnalyzer on it: the NER model and the gazetteer's names spot
// mentions, which resolve against the gazetteer.
func loadEntities() (*gazetteer.DB, *entities.Resolver, error) {
	db, err := gazetteer.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("loading gazetteer: %w", err)
	}
	rec, err := ner.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("loading NER model: %w", err)
	}
	spot := entities.Combine(entities.Adapt(rec.Recognize), entities.NewDictSpotter(db))
	return db, entities.New(spot, db), nil
}
