// Package entities groups the named-entity mentions of one article into
// canonical entities (people, organisations, places, nationalities) with
// their roles, ISO 3166-1 alpha-3 countries and CAMEO/PLOVER sectors.
//
// Mentions come from a Spotter: the statistical NER, the dictionary
// spotter of this package (countries, demonyms, cities, regions, PETRARCH
// actors, capitalised sequences after titles), or both through Combine.
// The Resolver then strips titles into roles ("Russian Foreign Minister
// Sergei Lavrov" -> Sergei Lavrov, role Foreign Minister, country RUS),
// links surnames to full names, acronyms to long forms and country aliases
// to one canonical country, and fills Article.Entities. On the way it
// repairs what the NER gets wrong in news: titles and names typed as
// organisations, institutions and venues typed as places, lower-case
// words and sentence-initial words typed as names. "tidings eval
// entities" measures the whole layer on the NER gold files.
package entities

import (
	"sort"

	"github.com/tidings/tidings/nlp"
)

// Mention is one entity span in a Doc, the shape of ner.Span.
type Mention struct {
	// Sent is the sentence index; Start and End are token indices within
	// it, End exclusive.
	Sent, Start, End int
	Type             string // PERSON ORG GPE LOC NORP, or MISC (a name of no kept type)
	Text             string
	// CStart and CEnd are code-point offsets into Doc.Text.
	CStart, CEnd int
	Score        float64
}

// Spotter finds entity mentions in a document.
type Spotter interface {
	Spot(doc *nlp.Doc) []Mention
}

// SpotterFunc adapts a function to a Spotter, e.g. a wrapper around the
// statistical NER that converts its spans.
type SpotterFunc func(doc *nlp.Doc) []Mention

// Spot calls f.
func (f SpotterFunc) Spot(doc *nlp.Doc) []Mention { return f(doc) }

// SpanShape is the field layout Mention shares with ner.Span, so that a
// recognizer's spans convert without this package importing ner.
type SpanShape interface {
	~struct {
		Sent, Start, End int
		Type             string
		Text             string
		CStart, CEnd     int
		Score            float64
	}
}

// Adapt turns a span-finding function such as (*ner.Recognizer).Recognize
// into a Spotter: entities.Adapt(rec.Recognize).
func Adapt[S SpanShape](find func(*nlp.Doc) []S) Spotter {
	return SpotterFunc(func(doc *nlp.Doc) []Mention {
		spans := find(doc)
		out := make([]Mention, len(spans))
		for i, s := range spans {
			out[i] = Mention(s)
		}
		return out
	})
}

// Combine returns a Spotter that takes every mention of primary and adds
// the mentions of extra that overlap none of them: the NER decides, the
// dictionary fills its gaps. A MISC mention of primary (a name of another
// kind, which the resolver drops) keeps extra out of it too ("U.S." of
// "U.S. Open").
func Combine(primary, extra Spotter) Spotter {
	return SpotterFunc(func(doc *nlp.Doc) []Mention {
		ms := primary.Spot(doc)
		out := append([]Mention(nil), ms...)
		for _, x := range extra.Spot(doc) {
			overlap := false
			for _, m := range ms {
				if x.Sent == m.Sent && x.Start < m.End && m.Start < x.End {
					overlap = true
					break
				}
			}
			if !overlap {
				out = append(out, x)
			}
		}
		sortMentions(out)
		return out
	})
}

func sortMentions(ms []Mention) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Sent != ms[j].Sent {
			return ms[i].Sent < ms[j].Sent
		}
		return ms[i].Start < ms[j].Start
	})
}

// mentionOf builds the Mention of tokens [start,end) of sentence si.
func mentionOf(doc *nlp.Doc, si, start, end int, typ string, score float64) Mention {
	toks := doc.Sentences[si].Tokens
	first, last := toks[start], toks[end-1]
	return Mention{Sent: si, Start: start, End: end, Type: typ,
		Text: doc.Text[first.BStart:last.BEnd], CStart: first.Start, CEnd: last.End, Score: score}
}
