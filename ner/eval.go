package ner

import (
	"time"
)

// PRF is precision, recall and F1 with the counts they come from.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

func (p *PRF) finish() {
	if p.TP+p.FP > 0 {
		p.Precision = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.Recall = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Scorer counts exact-span matches over the PER, ORG and LOC types the
// way conlleval does, after mapping types: PER/PERSON → PER, ORG → ORG,
// LOC/GPE → LOC. Spans of any other type (MISC, NORP, ...) are removed from
// gold and prediction alike before matching, so they neither count nor
// penalize; a predicted span matches only a gold span with the same
// boundaries and mapped type.
type Scorer struct {
	All     PRF
	PerType map[string]*PRF
}

// EvalType maps an entity type to the scored type ("PER", "ORG", "LOC") or
// "" for types that are ignored.
func EvalType(t string) string {
	switch normClass(t) {
	case classPER:
		return "PER"
	case classORG:
		if t == "GROUP" || t == "group" {
			return ""
		}
		return "ORG"
	case classLOC:
		return "LOC"
	}
	return ""
}

// Add scores one sentence's predicted tags against its gold tags (IOB1 or
// IOB2 each).
func (s *Scorer) Add(gold, pred []string) {
	if s.PerType == nil {
		s.PerType = map[string]*PRF{"PER": {}, "ORG": {}, "LOC": {}}
	}
	type key struct {
		start, end int
		typ        string
	}
	g := map[key]bool{}
	for _, sp := range spansFromIOB(gold) {
		if t := EvalType(sp.Type); t != "" {
			g[key{sp.Start, sp.End, t}] = true
		}
	}
	p := map[key]bool{}
	for _, sp := range spansFromIOB(pred) {
		if t := EvalType(sp.Type); t != "" {
			p[key{sp.Start, sp.End, t}] = true
		}
	}
	for k := range p {
		if g[k] {
			s.All.TP++
			s.PerType[k.typ].TP++
		} else {
			s.All.FP++
			s.PerType[k.typ].FP++
		}
	}
	for k := range g {
		if !p[k] {
			s.All.FN++
			s.PerType[k.typ].FN++
		}
	}
}

// Report is the result of Evaluate.
type Report struct {
	Task      string         `json:"task"`
	Precision float64        `json:"precision"`
	Recall    float64        `json:"recall"`
	F1        float64        `json:"f1"`
	PerType   map[string]PRF `json:"per_type"`
	Documents int            `json:"documents"`
	Sentences int            `json:"sentences"`
	Tokens    int            `json:"tokens"`
	// TokensPerSec is the tagging speed over the whole set (one goroutine).
	TokensPerSec float64 `json:"tokens_per_sec"`
	Peer         *Report `json:"peer,omitempty"`
	PeerName     string  `json:"peer_name,omitempty"`
}

// Report finishes the counts into a report.
func (s *Scorer) Report() Report {
	s.All.finish()
	rep := Report{Task: "ner", Precision: s.All.Precision, Recall: s.All.Recall, F1: s.All.F1, PerType: map[string]PRF{}}
	for t, p := range s.PerType {
		p.finish()
		rep.PerType[t] = *p
	}
	return rep
}

// Evaluate tags every document of a gold set with TagDocument (gold
// tokenization) and scores the result.
func (r *Recognizer) Evaluate(docs []Document) Report {
	var sc Scorer
	var dur time.Duration
	sents, toks := 0, 0
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
			toks += len(s.Words)
		}
		t0 := time.Now()
		tags := r.TagDocument(words)
		dur += time.Since(t0)
		for i, s := range d.Sentences {
			sc.Add(s.Tags, tags[i])
		}
		sents += len(d.Sentences)
	}
	rep := sc.Report()
	rep.Documents, rep.Sentences, rep.Tokens = len(docs), sents, toks
	if dur > 0 {
		rep.TokensPerSec = float64(toks) / dur.Seconds()
	}
	return rep
}
