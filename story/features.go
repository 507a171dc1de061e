// Package story groups reports of one event into a story, online: each
// new article joins the most similar story active within a time window, or
// starts its own. Similarity is the cosine of TF-IDF vectors over words,
// entity names, places and event triples; document frequencies are kept
// as articles arrive, so nothing is trained beforehand.
package story

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/tidings/tidings"
)

// Vector is a sparse weighted term vector.
type Vector map[string]float64

// Term kinds are prefixed so a word and a name never mix: "w:" words,
// "e:" entity names, "p:" places, "v:" event triples.
const (
	prefixWord   = "w:"
	prefixEntity = "e:"
	prefixPlace  = "p:"
	prefixEvent  = "v:"
)

// Weights of the kinds of evidence relative to one word occurrence.
const (
	titleWeight  = 2.0
	entityWeight = 2.0
	placeWeight  = 2.0
	eventWeight  = 1.5
)

// TermFreqs returns the raw weighted term counts of an article: content
// words of the title (doubled) and text, entity names, places and event
// (type, actor country, recipient country) triples.
func TermFreqs(a *tidings.Article) Vector {
	tf := Vector{}
	for _, w := range contentWords(a.Title) {
		tf[prefixWord+w] += titleWeight
	}
	for _, w := range contentWords(a.Text) {
		tf[prefixWord+w]++
	}
	for _, e := range a.Entities {
		name := normName(e.Name)
		if name == "" {
			continue
		}
		n := max(len(e.Mentions), 1)
		tf[prefixEntity+name] += entityWeight * float64(n)
	}
	for _, p := range a.Places {
		if name := normName(p.Name); name != "" {
			tf[prefixPlace+name] += placeWeight
		}
	}
	for _, ev := range a.Events {
		if ev.Negated || ev.Hypothetical {
			continue
		}
		k := ev.Type + ":" + actorKey(ev.Actor) + ":" + actorKey(ev.Recipient)
		tf[prefixEvent+k] += eventWeight
	}
	return tf
}

func actorKey(a *tidings.Actor) string {
	if a == nil {
		return ""
	}
	if a.Country != "" {
		return a.Country
	}
	return normName(a.Name)
}

func normName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// contentWords splits text into lower-case words of three or more letters
// that are not stop words, with a light plural stemming so "strike" and
// "strikes" meet. Numbers of two or more digits are kept: figures are
// telling.
func contentWords(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		w = strings.ToLower(strings.Trim(w, "'"))
		w = strings.TrimSuffix(w, "'s")
		if len(w) < 3 && !(len(w) == 2 && isDigits(w)) {
			continue
		}
		if stopWords[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// stem strips a plural or third-person "s" (not "ss", "us", "is").
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// Weigh turns raw term counts into a unit-length TF-IDF vector of at most
// maxTerms terms: tf is dampened (1 + ln tf) and idf is ln((n+1)/(df+1))+1
// over n documents seen so far.
func Weigh(tf Vector, df map[string]int, n int, maxTerms int) Vector {
	v := make(Vector, len(tf))
	for t, c := range tf {
		if c <= 0 {
			continue
		}
		idf := math.Log(float64(n+1)/float64(df[t]+1)) + 1
		v[t] = (1 + math.Log(c)) * idf
	}
	return normalize(top(v, maxTerms))
}

// top keeps the k heaviest terms (ties broken by term, so it is stable).
func top(v Vector, k int) Vector {
	if k <= 0 || len(v) <= k {
		return v
	}
	terms := sortedTerms(v)
	out := make(Vector, k)
	for _, t := range terms[:k] {
		out[t] = v[t]
	}
	return out
}

// sortedTerms lists terms by descending weight, then by name.
func sortedTerms(v Vector) []string {
	terms := make([]string, 0, len(v))
	for t := range v {
		terms = append(terms, t)
	}
	sort.Slice(terms, func(i, j int) bool {
		if v[terms[i]] != v[terms[j]] {
			return v[terms[i]] > v[terms[j]]
		}
		return terms[i] < terms[j]
	})
	return terms
}

func normalize(v Vector) Vector {
	var s float64
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return v
	}
	s = math.Sqrt(s)
	for t := range v {
		v[t] /= s
	}
	return v
}

// Cosine is the cosine similarity of two vectors.
func Cosine(a, b Vector) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb float64
	for t, x := range a {
		dot += x * b[t]
	}
	for _, x := range a {
		na += x * x
	}
	for _, x := range b {
		nb += x * x
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// stopWords are function words and news boilerplate that say nothing of
// the event.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at
be because been before being below between both but by can cannot could couldn't did didn't do does doesn't
doing don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's
her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own
same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've this those through to too under until up very was
wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why
why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say told
according also would could will one two new year years last first week month monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november december
percent people news reporting report reported reuters associated press afp agency voa contributed just like
since still many much even well back now time get got make made including around told among while however
mr mrs ms per via`) {
		m[w] = true
	}
	return m
}()
