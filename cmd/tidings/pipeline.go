package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

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
//
// The models decode independently, so they load concurrently: on two cores
// that halves the start-up of a one-shot command.
func loadAnalyzer(ctx context.Context) (*analyze.Pipeline, error) {
	var (
		np       *nlp.Pipeline
		db       *gazetteer.DB
		resolver *entities.Resolver
		coder    *events.Coder
		toner    *tone.Scorer
		errs     [4]error
		wg       sync.WaitGroup
	)
	wg.Add(4)
	go func() {
		defer wg.Done()
		if np, errs[0] = nlp.Load(); errs[0] != nil {
			errs[0] = fmt.Errorf("loading NLP models: %w", errs[0])
		}
	}()
	go func() { defer wg.Done(); db, resolver, errs[1] = loadEntities() }()
	go func() {
		defer wg.Done()
		if coder, errs[2] = events.New(); errs[2] != nil {
			errs[2] = fmt.Errorf("loading event dictionaries: %w", errs[2])
		}
	}()
	go func() {
		defer wg.Done()
		if toner, errs[3] = tone.New(); errs[3] != nil {
			errs[3] = fmt.Errorf("loading tone lexicon: %w", errs[3])
		}
	}()
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
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
	return db, entities.New(spot, db, entities.LowercaseWords(rec.Lowercase)), nil
}
