package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/dedup"
	"github.com/tidings/tidings/story"
)

// evalDedup scores near-duplicate detection and story clustering on a
// syndication test set built from a JSONL corpus of news stories (--gold,
// e.g. ../shared/data/corpus/voa/voa_stories.jsonl; fields id, title,
// text, published; analysed records from "tidings analyze --format jsonl"
// also work, and then story features include their entities, places and
// events).
//
// Duplicates: every story is indexed, then copies of it are checked, made
// with a fixed seed the way syndication and updates change a report: a new
// headline, ddBoilerplate lines, the last ddParagraphs cut, a paragraph
// appended, light rewording (one word in fifty, one in twenty changed,
// dropped or swapped), a heavy cut to the
// first half, and all of the light edits at once. A copy is found when its
// duplicate_of is its original; a false positive is any other story marked
// as a duplicate (a copy pointing at another copy of its own story counts
// as found; the corpus has several distinct reports of the same
// events, e.g. five on one train hijacking: hard negatives).
//
// Stories: the originals plus two rewrites of each (reworded; cut to its
// first half), clustered in time order with duplicate marking off, against
// labels that put each story with its rewrites and join the reports of the
// same event named in ddSameEvent. Reported: purity, inverse purity and
// B-cubed precision/recall/F1, with a sweep of the join threshold.
func evalDedup(ctx context.Context, gold string, opts evalOptions) (any, error) {
	stories, err := readDedupStories(gold, opts.Limit)
	if err != nil {
		return nil, err
	}
	if len(stories) < 2 {
		return nil, fmt.Errorf("%s: need at least 2 stories, got %d", gold, len(stories))
	}
	rng := rand.New(rand.NewPCG(7, 2025))
	var copies []ddCopy
	for i := range stories {
		copies = append(copies, ddMakeCopies(&stories[i], stories, rng)...)
	}
	dups, err := ddEvalDuplicates(ctx, stories, copies, rng)
	if err != nil {
		return nil, err
	}
	clusters, err := ddEvalStories(ctx, stories, rng)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"corpus":     gold,
		"stories":    len(stories),
		"copies":     len(copies),
		"duplicates": dups,
		"clustering": clusters,
	}, nil
}

// dedupStory is one line of the corpus.
type dedupStory struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	// Facts, when the corpus holds analysed records ("tidings analyze
	// --format jsonl" output): story features then include them.
	Entities []tidings.Entity `json:"entities"`
	Places   []tidings.Place  `json:"places"`
	Events   []tidings.Event  `json:"events"`
	when     time.Time
}

func readDedupStories(path string, limit int) ([]dedupStory, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []dedupStory
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var s dedupStory
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if s.ID == "" || strings.TrimSpace(s.Text) == "" {
			continue
		}
		for _, layout := range []string{"2006-01-02 15:04:05Z", time.RFC3339, "2006-01-02"} {
			if t, err := time.Parse(layout, s.Published); err == nil {
				s.when = t
				break
			}
		}
		out = append(out, s)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, sc.Err()
}

// ddCopy is an edited copy of a corpus story.
type ddCopy struct {
	Of, Kind    string
	Title, Text string
}

var ddSentenceEnd = regexp.MustCompile(`([.!?]["”’]?)\s+`)

// ddParagraphs splits text at blank lines, or, for one-block texts, into
// groups of three sentences.
func ddParagraphs(text string) []string {
	if ps := strings.Split(strings.TrimSpace(text), "\n\n"); len(ps) > 1 {
		return ps
	}
	var sents []string
	last := 0
	for _, m := range ddSentenceEnd.FindAllStringSubmatchIndex(text, -1) {
		sents = append(sents, strings.TrimSpace(text[last:m[3]]))
		last = m[1]
	}
	if rest := strings.TrimSpace(text[last:]); rest != "" {
		sents = append(sents, rest)
	}
	var out []string
	for i := 0; i < len(sents); i += 3 {
		out = append(out, strings.Join(sents[i:min(i+3, len(sents))], " "))
	}
	return out
}

var ddBoilerplate = []string{
	"Advertisement", "Read also: Markets rally as investors weigh rate outlook",
	"Follow us on social media for the latest updates.", "Subscribe to our newsletter to get the top stories every morning.",
	"© 2025 Wire Service. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
	"Reporting by staff correspondents; editing by the news desk.",
}

var ddHeadlinePrefixes = []string{"UPDATE: ", "BREAKING: ", "Analysis: ", "WATCH: ", ""}

// ddMakeCopies returns the edited copies of s; others supply appended text.
func ddMakeCopies(s *dedupStory, others []dedupStory, rng *rand.Rand) []ddCopy {
	ps := ddParagraphs(s.Text)
	join := func(p []string) string { return strings.Join(p, "\n\n") }
	other := ddParagraphs(others[rng.IntN(len(others))].Text)
	extra := other[rng.IntN(len(other))]
	headline := ddHeadlinePrefixes[rng.IntN(len(ddHeadlinePrefixes))] + ddRewordTitle(s.Title, rng)
	bp := func() []string {
		return []string{ddBoilerplate[rng.IntN(len(ddBoilerplate))], ddBoilerplate[rng.IntN(len(ddBoilerplate))]}
	}
	cut := max(1, len(ps)-max(1, len(ps)/5))
	out := []ddCopy{
		{Kind: "headline", Title: headline, Text: join(ps)},
		{Kind: "boilerplate", Title: s.Title, Text: join(append(append([]string{bp()[0]}, ps...), bp()...))},
		{Kind: "trim", Title: s.Title, Text: join(ps[:cut])},
		{Kind: "append", Title: s.Title, Text: join(append(append([]string{}, ps...), extra))},
		{Kind: "reword-2%", Title: s.Title, Text: ddReword(join(ps), 0.02, rng)},
		{Kind: "reword-5%", Title: s.Title, Text: ddReword(join(ps), 0.05, rng)},
		{Kind: "trim-half", Title: s.Title, Text: join(ps[:max(1, (len(ps)+1)/2)])},
		{Kind: "combined", Title: headline, Text: join(append(append([]string{bp()[0]}, ps[:cut]...), extra, bp()[1]))},
	}
	for i := range out {
		out[i].Of = s.ID
	}
	return out
}

var ddSynonyms = map[string]string{
	"said": "stated", "says": "states", "killed": "slain", "attack": "assault", "officials": "authorities",
	"government": "administration", "people": "persons", "country": "nation", "city": "town", "told": "informed",
	"after": "following", "before": "prior to", "about": "around", "more": "over", "also": "additionally",
	"president": "leader", "minister": "secretary", "military": "armed forces", "forces": "troops", "meeting": "talks",
}

// ddReword changes about rate of the words: a synonym where one is known,
// else the word is dropped or swapped with the next.
func ddReword(text string, rate float64, rng *rand.Rand) string {
	words := strings.Fields(text)
	for i := 0; i < len(words); i++ {
		if rng.Float64() >= rate {
			continue
		}
		if syn, ok := ddSynonyms[strings.ToLower(words[i])]; ok {
			words[i] = syn
			continue
		}
		switch {
		case rng.IntN(2) == 0 && i+1 < len(words):
			words[i], words[i+1] = words[i+1], words[i]
			i++
		default:
			words = append(words[:i], words[i+1:]...)
		}
	}
	return strings.Join(words, " ")
}

func ddRewordTitle(t string, rng *rand.Rand) string {
	w := strings.Fields(t)
	if len(w) > 3 {
		i := rng.IntN(len(w) - 1)
		w[i], w[i+1] = w[i+1], w[i]
	}
	return strings.Join(w, " ")
}

// ddReport is the duplicate-detection part of the report.
type ddReport struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// RecallByEdit is the share of copies found, per kind of edit.
	RecallByEdit map[string]float64 `json:"recall_by_edit"`
	// ExactHashRecall is what a hash of the whitespace-normalised text
	// (the store's exact check) finds alone.
	ExactHashRecall float64 `json:"exact_hash_recall"`
	FalsePositives  int     `json:"false_positives"`
	// Pairs lists the false positives, to inspect.
	FalsePairs   []string `json:"false_pairs,omitempty"`
	ChecksPerSec float64  `json:"checks_per_sec"`
}

func ddEvalDuplicates(ctx context.Context, stories []dedupStory, copies []ddCopy, rng *rand.Rand) (*ddReport, error) {
	ix := dedup.NewIndex(dedup.NewMemStore(), 0)
	rep := &ddReport{RecallByEdit: map[string]float64{}}
	hashes := map[string]bool{}
	var flagged, correct int
	start := time.Now()
	for _, s := range stories {
		dup, err := ix.Check(ctx, &tidings.Article{ID: s.ID, Title: s.Title, Text: s.Text})
		if err != nil {
			return nil, err
		}
		hashes[ddTextKey(s.Text)] = true
		if dup != "" {
			flagged++
			rep.FalsePairs = append(rep.FalsePairs, s.ID+"→"+dup)
		}
	}
	order := rng.Perm(len(copies))
	found := map[string]int{}
	total := map[string]int{}
	exact := 0
	for n, i := range order {
		c := copies[i]
		id := fmt.Sprintf("%s-copy-%d", c.Of, n)
		dup, err := ix.Check(ctx, &tidings.Article{ID: id, Title: c.Title, Text: c.Text})
		if err != nil {
			return nil, err
		}
		total[c.Kind]++
		if hashes[ddTextKey(c.Text)] {
			exact++
		}
		if dup == "" {
			continue
		}
		flagged++
		if dup == c.Of || strings.HasPrefix(dup, c.Of+"-copy-") {
			correct++
			found[c.Kind]++
		} else {
			rep.FalsePairs = append(rep.FalsePairs, id+"→"+dup)
		}
	}
	checks := len(stories) + len(copies)
	rep.ChecksPerSec = ddRound(float64(checks)/time.Since(start).Seconds(), 0)
	rep.FalsePositives = flagged - correct
	rep.Precision = ddRatio(correct, flagged)
	rep.Recall = ddRatio(correct, len(copies))
	rep.F1 = ddF1(rep.Precision, rep.Recall)
	rep.ExactHashRecall = ddRatio(exact, len(copies))
	for k, n := range total {
		rep.RecallByEdit[k] = ddRatio(found[k], n)
	}
	return rep, nil
}

// ddTextKey is the exact-duplicate key: lower-cased words.
func ddTextKey(text string) string {
	h := sha256.Sum256([]byte(strings.Join(dedup.Words(text), " ")))
	return string(h[:])
}

// ddSameEvent groups corpus stories that report one event (labelled by
// hand from the VOA corpus: titles, dates and first ddParagraphs).
var ddSameEvent = map[string]string{
	"8011076": "pakistan-train-hijack", "8009976": "pakistan-train-hijack", "8009314": "pakistan-train-hijack",
	"8007760": "pakistan-train-hijack", "8006651": "pakistan-train-hijack",
	"8008152": "beledweyne-hotel-siege", "8006503": "beledweyne-hotel-siege",
	"8010842": "g7-charlevoix", "8010030": "g7-charlevoix",
	"8008456": "jeddah-ceasefire-talks", "8005899": "jeddah-ceasefire-talks",
}

func ddEvalStories(ctx context.Context, stories []dedupStory, rng *rand.Rand) (map[string]any, error) {
	type doc struct {
		a    tidings.Article
		gold string
	}
	var docs []doc
	for _, s := range stories {
		g := s.ID
		if e, ok := ddSameEvent[s.ID]; ok {
			g = e
		}
		ps := ddParagraphs(s.Text)
		variants := []struct{ id, title, text string }{
			{s.ID, s.Title, s.Text},
			{s.ID + "-reworded", ddRewordTitle(s.Title, rng), ddReword(s.Text, 0.08, rng)},
			{s.ID + "-half", s.Title, strings.Join(ps[:max(1, (len(ps)+1)/2)], "\n\n")},
		}
		for k, v := range variants {
			t := s.when.Add(time.Duration(k*rng.IntN(12*60)) * time.Minute)
			a := tidings.Article{ID: v.id, Title: v.title, Text: v.text, Published: &t,
				Entities: s.Entities, Places: s.Places, Events: s.Events}
			docs = append(docs, doc{a: a, gold: g})
		}
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].a.Published.Before(*docs[j].a.Published) })
	gold := make([]string, len(docs))
	for i := range docs {
		gold[i] = docs[i].gold
	}
	// run clusters the documents (all, or only the corpus originals, where
	// the labelled same-event groups are the whole difficulty).
	run := func(threshold float64, originalsOnly bool) (map[string]float64, error) {
		c := story.New(story.NewMemStore(), story.Options{Threshold: threshold})
		var pred, g []string
		for i := range docs {
			a := docs[i].a
			if originalsOnly && strings.Contains(a.ID, "-") {
				continue
			}
			id, err := c.Assign(ctx, &a, time.Now())
			if err != nil {
				return nil, err
			}
			pred, g = append(pred, id), append(g, gold[i])
		}
		return ddClusterScores(pred, g), nil
	}
	best, err := run(story.DefaultThreshold, false)
	if err != nil {
		return nil, err
	}
	originals, err := run(story.DefaultThreshold, true)
	if err != nil {
		return nil, err
	}
	sweep := map[string]map[string]float64{}
	for _, th := range []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5} {
		all, err := run(th, false)
		if err != nil {
			return nil, err
		}
		orig, err := run(th, true)
		if err != nil {
			return nil, err
		}
		sweep[fmt.Sprint(th)] = map[string]float64{"bcubed_f1": all["bcubed_f1"], "originals_bcubed_f1": orig["bcubed_f1"],
			"purity": all["purity"], "inverse_purity": all["inverse_purity"]}
	}
	return map[string]any{
		"documents":       len(docs),
		"gold_stories":    ddDistinct(gold),
		"threshold":       story.DefaultThreshold,
		"window_hours":    story.DefaultWindow.Hours(),
		"scores":          best,
		"originals_only":  originals,
		"threshold_sweep": sweep,
	}, nil
}

// ddClusterScores compares predicted and gold cluster labels: purity (each
// predicted cluster's share of its majority gold label), inverse purity
// (the same from the gold side) and B-cubed precision, recall and F1.
func ddClusterScores(pred, gold []string) map[string]float64 {
	n := len(pred)
	joint := map[[2]string]int{}
	pSize, gSize := map[string]int{}, map[string]int{}
	for i := range pred {
		joint[[2]string{pred[i], gold[i]}]++
		pSize[pred[i]]++
		gSize[gold[i]]++
	}
	pMax, gMax := map[string]int{}, map[string]int{}
	var bp, br float64
	for k, c := range joint {
		pMax[k[0]] = max(pMax[k[0]], c)
		gMax[k[1]] = max(gMax[k[1]], c)
		bp += float64(c) * float64(c) / float64(pSize[k[0]])
		br += float64(c) * float64(c) / float64(gSize[k[1]])
	}
	sum := func(m map[string]int) (s int) {
		for _, v := range m {
			s += v
		}
		return s
	}
	p, r := bp/float64(n), br/float64(n)
	return map[string]float64{
		"purity":         ddRound(ddRatio(sum(pMax), n), 4),
		"inverse_purity": ddRound(ddRatio(sum(gMax), n), 4),
		"bcubed_p":       ddRound(p, 4),
		"bcubed_r":       ddRound(r, 4),
		"bcubed_f1":      ddRound(ddF1(p, r), 4),
		"clusters":       float64(len(pSize)),
	}
}

func ddDistinct(xs []string) int {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return len(m)
}

func ddRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return ddRound(float64(a)/float64(b), 4)
}

func ddF1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return ddRound(2*p*r/(p+r), 4)
}

func ddRound(x float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(x*p+0.5)) / p
}
