package main

import (
	"context"
	"fmt"

	"github.com/tidings/tidings/analyze"
	"github.com/tidings/tidings/extract"
	"github.com/tidings/tidings/nlp"
)

// loadAnalyzer builds the full analysis pipeline with every shipped model.
func loadAnalyzer(ctx context.Context) (*analyze.Pipeline, error) {
	np, err := nlp.Load()
	if err != nil {
		return nil, fmt.Errorf("loading NLP models: %w", err)
	}
	return analyze.New(extract.New(), np), nil
}
