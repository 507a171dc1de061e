package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/nlp"
	"github.com/tidings/tidings/quotes"
)

// factsDoc analyses text with the NLP pipeline for the fact evaluations.
func factsDoc(ctx context.Context, text string) (*nlp.Doc, error) {
	p, err := nlp.Load()
	if err != nil {
		return nil, err
	}
	return p.AnalyzeContext(ctx, text)
}

// quotesReport is the result of "tidings eval quotes".
type quotesReport struct {
	Task            string  `json:"task"`
	Split           string  `json:"split"`
	Docs            int     `json:"docs"`
	Gold            int     `json:"gold"`
	Predicted       int     `json:"predicted"`
	Matched         int     `json:"matched"`
	Precision       float64 `json:"precision"`
	Recall          float64 `json:"recall"`
	F1              float64 `json:"f1"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	SpeakerScored   int     `json:"speaker_scored"`
	// Tune and Held split the documents by a hash of the file name
	// (fxHeldBack): rules are written from the tuning half's misses, the
	// held-back half is looked at last.
	Tune *quotesPart `json:"tune,omitempty"`
	Held *quotesPart `json:"held_back,omitempty"`
}

// quotesPart is the score of one half of the documents.
type quotesPart struct {
	Docs            int     `json:"docs"`
	Gold            int     `json:"gold"`
	Predicted       int     `json:"predicted"`
	Matched         int     `json:"matched"`
	F1              float64 `json:"f1"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	SpeakerScored   int     `json:"speaker_scored"`
	speakerRight    int
}

func (p *quotesPart) add(gold, pred, matched, scored, right int) {
	p.Docs++
	p.Gold += gold
	p.Predicted += pred
	p.Matched += matched
	p.SpeakerScored += scored
	p.speakerRight += right
}

func (p *quotesPart) done() {
	_, _, p.F1 = fxPRF(p.Matched, p.Predicted, p.Gold)
	p.SpeakerAccuracy = fxRatio(p.speakerRight, p.SpeakerScored)
}

// fxGoldQuote is a quoted part of a PolNeAR Content span with the Source
// spans of its attributions (code points).
type fxGoldQuote struct {
	start, end int
	sources    [][2]int
}

// evalQuotes scores the quote extractor on PolNeAR (brat .ann with Source,
// Cue and Content spans). gold is the PolNeAR directory (metadata.tsv, dev/
// and train/; the dev split is scored) or one split directory. The gold
// quotes are the quoted parts (double marks, as quotes.FindSpans pairs them)
// of Content spans. A prediction matches a gold quote when their overlap is
// at least half their union; its speaker is right when its speaker_mention
// overlaps a gold Source span. Entities are not run: speakers are scored by
// mention alone. The report also scores the tuning and held-back halves;
// with TIDINGS_EVAL_DEBUG=1 in the environment the misses of the tuning half
// are printed to stderr (TIDINGS_EVAL_DEBUG=all: of every document).
func evalQuotes(ctx context.Context, gold string, opts evalOptions) (any, error) {
	root, split := gold, "dev"
	if _, err := os.Stat(filepath.Join(gold, "metadata.tsv")); err != nil {
		root, split = filepath.Dir(gold), filepath.Base(gold)
	}
	docs, err := fxPolnearDocs(root, split)
	if err != nil {
		return nil, err
	}
	rep := quotesReport{Task: "quotes", Split: split, Tune: &quotesPart{}, Held: &quotesPart{}}
	x := quotes.New()
	speakerRight := 0
	for _, d := range docs {
		held := fxHeldBack(d[0])
		debug := os.Getenv("TIDINGS_EVAL_DEBUG") == "all" || os.Getenv("TIDINGS_EVAL_DEBUG") != "" && !held
		if opts.Limit > 0 && rep.Docs >= opts.Limit {
			break
		}
		text, gq, err := fxReadPolnear(root, split, d)
		if err != nil {
			return nil, err
		}
		doc, err := factsDoc(ctx, text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d[0], err)
		}
		a := &tidings.Article{Text: text}
		if err := x.Annotate(ctx, doc, a); err != nil {
			return nil, fmt.Errorf("%s: %w", d[0], err)
		}
		rep.Docs++
		rep.Gold += len(gq)
		defer fxDebugMissed(debug, opts.Stderr, text, gq, &a.Quotes)
		rep.Predicted += len(a.Quotes)
		m0, s0, r0 := rep.Matched, rep.SpeakerScored, speakerRight
		used := make([]bool, len(gq))
		for _, q := range a.Quotes {
			g := fxBestGold(q, gq, used)
			if g < 0 {
				if debug {
					fmt.Fprintf(opts.Stderr, "QUOTE FP %q\n", q.Text)
				}
				continue
			}
			used[g] = true
			rep.Matched++
			if len(gq[g].sources) == 0 {
				continue
			}
			rep.SpeakerScored++
			right := false
			if m := q.SpeakerMention; m != nil {
				for _, s := range gq[g].sources {
					if m.Start < s[1] && s[0] < m.End {
						right = true
						break
					}
				}
			}
			if right {
				speakerRight++
			} else if debug {
				fxDebugSpeaker(opts.Stderr, text, q, gq[g])
			}
		}
		part := rep.Tune
		if held {
			part = rep.Held
		}
		part.add(len(gq), len(a.Quotes), rep.Matched-m0, rep.SpeakerScored-s0, speakerRight-r0)
	}
	rep.Precision, rep.Recall, rep.F1 = fxPRF(rep.Matched, rep.Predicted, rep.Gold)
	rep.SpeakerAccuracy = fxRatio(speakerRight, rep.SpeakerScored)
	rep.Tune.done()
	rep.Held.done()
	return rep, nil
}

func fxBestGold(q tidings.Quote, gq []fxGoldQuote, used []bool) int {
	best, bestR := -1, 0.5
	for i, g := range gq {
		if used[i] {
			continue
		}
		inter := min(q.End, g.end) - max(q.Start, g.start)
		union := max(q.End, g.end) - min(q.Start, g.start)
		if inter <= 0 || union <= 0 {
			continue
		}
		if r := float64(inter) / float64(union); r >= bestR {
			best, bestR = i, r
		}
	}
	return best
}

func fxPRF(tp, pred, gold int) (p, r, f float64) {
	p, r = fxRatio(tp, pred), fxRatio(tp, gold)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func fxRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// polnearDocs lists [filename, annotator] of a split from metadata.tsv.
func fxPolnearDocs(root, split string) ([][2]string, error) {
	f, err := os.Open(filepath.Join(root, "metadata.tsv"))
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	var out [][2]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("polnear metadata: %w", err)
		}
		if len(rec) < 4 || rec[0] != split {
			continue
		}
		ann := strings.Split(rec[3], "|")[0]
		if _, err := os.Stat(filepath.Join(root, split, "attributions", rec[1]+"_"+ann+".ann")); err != nil {
			continue
		}
		out = append(out, [2]string{rec[1], ann})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("polnear: no %s documents under %s", split, root)
	}
	return out, nil
}

// readPolnear reads one document's text and its gold quotes.
func fxReadPolnear(root, split string, d [2]string) (string, []fxGoldQuote, error) {
	b, err := os.ReadFile(filepath.Join(root, split, "text", d[0]+".txt"))
	if err != nil {
		return "", nil, err
	}
	text := string(b)
	name := filepath.Join(root, split, "attributions", d[0]+"_"+d[1]+".ann")
	f, err := os.Open(name)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	spans := map[string][][2]int{}
	kinds := map[string]string{}
	var rels [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		switch {
		case len(p) >= 2 && strings.HasPrefix(p[0], "T"):
			kind, rng, _ := strings.Cut(p[1], " ")
			kinds[p[0]] = kind
			for _, seg := range strings.Split(rng, ";") {
				var s, e int
				if _, err := fmt.Sscanf(seg, "%d %d", &s, &e); err != nil {
					return "", nil, fmt.Errorf("%s: bad span %q", name, seg)
				}
				spans[p[0]] = append(spans[p[0]], [2]int{s, e})
			}
		case len(p) >= 2 && strings.HasPrefix(p[0], "E"):
			rels = append(rels, strings.Fields(p[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, err)
	}
	// Source spans of each Content.
	src := map[string][][2]int{}
	for _, r := range rels {
		var content, source []string
		for _, arg := range r {
			role, id, _ := strings.Cut(arg, ":")
			switch role {
			case "Content":
				content = append(content, id)
			case "Source":
				source = append(source, id)
			}
		}
		for _, c := range content {
			for _, s := range source {
				src[c] = append(src[c], spans[s]...)
			}
		}
	}
	return text, fxGoldQuotes(text, spans, kinds, src), nil
}

// goldQuotes intersects the quoted stretches of text with Content spans.
func fxGoldQuotes(text string, spans map[string][][2]int, kinds map[string]string, src map[string][][2]int) []fxGoldQuote {
	var out []fxGoldQuote
	cpOf := fxCPTable(text)
	for _, sp := range quotes.FindSpans(text) {
		qs, qe := cpOf[sp.B], cpOf[sp.E]
		g := fxGoldQuote{start: -1}
		for id, kind := range kinds {
			if kind != "Content" {
				continue
			}
			hit := false
			for _, c := range spans[id] {
				s, e := max(qs, c[0]), min(qe, c[1])
				if s >= e {
					continue
				}
				hit = true
				if g.start < 0 || s < g.start {
					g.start = s
				}
				g.end = max(g.end, e)
			}
			if hit {
				g.sources = append(g.sources, src[id]...)
			}
		}
		if g.start >= 0 {
			out = append(out, g)
		}
	}
	return out
}

// cpTable maps byte offsets of text to code-point offsets.
func fxCPTable(text string) []int {
	t := make([]int, len(text)+1)
	n := 0
	for i := range text {
		t[i] = n
		n++
	}
	for i := len(text) - 1; i >= 0; i-- {
		if t[i] == 0 && i > 0 {
			t[i] = t[i+1]
		}
	}
	t[len(text)] = n
	return t
}

// fxDebugMissed prints gold quotes no prediction matched.
func fxDebugMissed(debug bool, w io.Writer, text string, gq []fxGoldQuote, got *[]tidings.Quote) {
	if !debug {
		return
	}
	r := []rune(text)
	for _, g := range gq {
		hit := false
		for _, q := range *got {
			if q.Start < g.end && g.start < q.End {
				hit = true
			}
		}
		if !hit {
			fmt.Fprintf(w, "QUOTE MISS %q   ctx: %q\n", string(r[g.start:g.end]), string(r[max(0, g.start-80):g.start]))
		}
	}
}

// fxDebugSpeaker prints a wrongly attributed quote (TIDINGS_EVAL_DEBUG=1).
func fxDebugSpeaker(w io.Writer, text string, q tidings.Quote, g fxGoldQuote) {
	r := []rune(text)
	var gs []string
	for _, s := range g.sources {
		gs = append(gs, string(r[s[0]:s[1]]))
	}
	got := "-"
	if q.SpeakerMention != nil {
		got = q.SpeakerMention.Text
	}
	ctxS := max(0, q.Start-150)
	ctxE := min(len(r), q.End+80)
	fmt.Fprintf(w, "SPEAKER got=%q gold=%q cue=%q\n   %s\n", got, gs, q.Cue, strings.ReplaceAll(string(r[ctxS:ctxE]), "\n", " | "))
}
