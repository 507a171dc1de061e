package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/tidings/tidings/counts"
	"github.com/tidings/tidings/internal/facttext"
)

// This file adds to the counts evaluation of eval_facts_events.go a
// reading of the IndiaPoliceEvents labels restricted to the counts the
// sentence attributes to the police (counts.ByPolice). The labels ask
// "did police kill (arrest) someone?", so a KILL count of a riot or a
// train fire is a false positive by them although the figure is right;
// the restricted figure is reported next to the unrestricted one
// (india_kill, india_arrest), never instead of it.

// countsIndiaPolice scores, per IndiaPoliceEvents sentence, "a KILL
// (ARREST) count was found" against the KILL (ARREST) label: unrestricted
// and restricted to police-attributed counts, over all sentences and split
// into the tuning and held-back halves by document as the events
// evaluation splits them (fxHeldBack).
type countsIndiaPolice struct {
	// Kill and Arrest count only figures the sentence attributes to the
	// police or security forces; an arrest is theirs unless another
	// agent is named.
	Kill   *fxPRF3 `json:"kill"`
	Arrest *fxPRF3 `json:"arrest"`
	// Tune and Held hold both readings per half: keys KILL, ARREST (all
	// counts) and KILL_police, ARREST_police.
	Tune map[string]*fxPRF3 `json:"tune"`
	Held map[string]*fxPRF3 `json:"held_back"`
}

// scoreCountsIndiaPolice scores the IndiaPoliceEvents sentences of file
// path (sents-dev.jsonl). With TIDINGS_EVAL_DEBUG set it prints the
// misses of the tuning half (all sentences when it is "all") to
// opts.Stderr.
func scoreCountsIndiaPolice(ctx context.Context, path string, opts evalOptions) (*countsIndiaPolice, error) {
	sents, err := fxReadIndia(path)
	if err != nil {
		return nil, err
	}
	newScores := func() map[string]*fxPRF3 {
		return map[string]*fxPRF3{"KILL": {}, "ARREST": {}, "KILL_police": {}, "ARREST_police": {}}
	}
	all, tune, held := newScores(), newScores(), newScores()
	debug := os.Getenv("TIDINGS_EVAL_DEBUG")
	for i, s := range sents {
		if opts.Limit > 0 && i >= opts.Limit {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		found, err := countsFound(ctx, s.Text)
		if err != nil {
			return nil, fmt.Errorf("india %d/%d: %w", s.Doc, s.Sent, err)
		}
		isHeld := fxHeldBack(strconv.Itoa(s.Doc))
		part := tune
		if isHeld {
			part = held
		}
		for key, pred := range found {
			g := slices.Contains(s.Labels, strings.TrimSuffix(key, "_police"))
			for _, sc := range []*fxPRF3{all[key], part[key]} {
				sc.add(g, pred)
			}
			if debug != "" && (!isHeld || debug == "all") && g != pred {
				fmt.Fprintf(opts.Stderr, "INDIA COUNT %s gold=%v pred=%v\n   %s\n", key, g, pred, s.Text)
			}
		}
	}
	for _, m := range []map[string]*fxPRF3{all, tune, held} {
		for _, sc := range m {
			sc.done()
		}
	}
	return &countsIndiaPolice{Kill: all["KILL_police"], Arrest: all["ARREST_police"], Tune: tune, Held: held}, nil
}

// add scores one sentence.
func (s *fxPRF3) add(gold, pred bool) {
	if gold {
		s.Gold++
	}
	if pred {
		s.Pred++
		if gold {
			s.TP++
		}
	}
}

// countsFound analyses text and reports which of KILL, ARREST,
// KILL_police and ARREST_police its counts show.
func countsFound(ctx context.Context, text string) (map[string]bool, error) {
	doc, err := factsDoc(ctx, text)
	if err != nil {
		return nil, err
	}
	t := facttext.New(doc, text)
	found := map[string]bool{"KILL": false, "ARREST": false, "KILL_police": false, "ARREST_police": false}
	for _, c := range counts.Extract(t, nil, nil) {
		if c.Kind != "KILL" && c.Kind != "ARREST" {
			continue
		}
		found[c.Kind] = true
		if counts.ByPolice(t, c) {
			found[c.Kind+"_police"] = true
		}
	}
	return found, nil
}

// countsWithPolice is the counts report with the police-attributed India
// figures beside the unrestricted ones.
type countsWithPolice struct {
	countsReport
	IndiaPolice *countsIndiaPolice `json:"india_police,omitempty"`
}

// addIndiaPolice adds the police-attributed India figures to rep when
// india (the sentences file) is set. evalCounts ends with
// "return addIndiaPolice(ctx, rep, india, opts)".
func addIndiaPolice(ctx context.Context, rep countsReport, india string, opts evalOptions) (any, error) {
	if india == "" {
		return rep, nil
	}
	ip, err := scoreCountsIndiaPolice(ctx, india, opts)
	if err != nil {
		return nil, err
	}
	return countsWithPolice{countsReport: rep, IndiaPolice: ip}, nil
}
