package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// consistencyMinScore is how confident a first-pass span must be to label
// other mentions of the same name in the document.
const consistencyMinScore = 0.3

// consistencyDiscount scales the mean score of a name's mentions to score a
// mention added by the consistency pass (indirect evidence).
const consistencyDiscount = 0.9

// nameVotes sums the scores of the first-pass mentions of one name per
// class, and counts them.
type nameVotes struct {
	sum [numClasses]float64
	n   [numClasses]int
}

// maxNameLen bounds the names the consistency pass looks for, in tokens.
const maxNameLen = 6

// consistency makes a document's labels agree: a name tagged once is tagged
// with the same class wherever it recurs untagged, and the last (or only
// capitalized single) word of a multi-word person name is a person on its
// own ("Lavrov" after "Sergei Lavrov"). Matching is case-sensitive except in
// ALL-CAPS lines, which match case-insensitively.
func consistency(sents [][]string, spans [][]scoredSpan) [][]scoredSpan {
	votes := make(map[string]*nameVotes)
	vote := func(key string, class int, w float64) {
		v := votes[key]
		if v == nil {
			v = new(nameVotes)
			votes[key] = v
		}
		v.sum[class] += w
		v.n[class]++
	}
	for si, ss := range spans {
		for _, s := range ss {
			if s.Score < consistencyMinScore || s.End-s.Start > maxNameLen {
				continue
			}
			words := sents[si][s.Start:s.End]
			vote(nameKey(words), s.Class, s.Score)
			if s.Class == classPER && len(words) >= 2 {
				if last := words[len(words)-1]; isTitleWord(last) {
					vote(nameKey(words[len(words)-1:]), classPER, s.Score*0.5)
				}
			}
		}
	}
	if len(votes) == 0 {
		return spans
	}
	var upper map[string]*nameVotes // the votes by upper-case key, made when needed
	for si, ws := range sents {
		caps := capsSentence(ws)
		if upper == nil && caps {
			upper = make(map[string]*nameVotes, len(votes))
			for k, v := range votes {
				upper[strings.ToUpper(k)] = v
			}
		}
		spans[si] = fillSentence(ws, spans[si], caps, votes, upper)
	}
	return spans
}

// fillSentence adds spans for untagged recurrences of voted names; caps
// says whether ws is an ALL-CAPS line (capsSentence), where upper, the
// votes by upper-case key, is looked up too.
func fillSentence(ws []string, ss []scoredSpan, caps bool, votes, upper map[string]*nameVotes) []scoredSpan {
	covered := make([]bool, len(ws))
	for _, s := range ss {
		for i := s.Start; i < s.End; i++ {
			covered[i] = true
		}
	}
	added := false
	var buf []byte
	var ends [maxNameLen + 1]int
	for i := 0; i < len(ws); i++ {
		if covered[i] || !startsUpper(ws[i]) {
			continue
		}
		// The keys of the names from i, nameKey(ws[i:i+n]) = buf[:ends[n]],
		// built once and looked up without allocating.
		buf = buf[:0]
		for n := 1; n <= min(maxNameLen, len(ws)-i); n++ {
			if n > 1 {
				buf = append(buf, ' ')
			}
			buf = append(buf, ws[i+n-1]...)
			ends[n] = len(buf)
		}
		for n := min(maxNameLen, len(ws)-i); n >= 1; n-- {
			if anyCovered(covered[i : i+n]) {
				continue
			}
			v := votes[string(buf[:ends[n]])]
			if v == nil && caps {
				v = upper[strings.ToUpper(string(buf[:ends[n]]))]
			}
			if v == nil {
				continue
			}
			best := 0
			for c := range v.sum {
				if v.sum[c] > v.sum[best] {
					best = c
				}
			}
			score := consistencyDiscount * v.sum[best] / float64(v.n[best])
			ss = append(ss, scoredSpan{Start: i, End: i + n, Class: best, Score: score})
			for k := i; k < i+n; k++ {
				covered[k] = true
			}
			added = true
			i += n - 1
			break
		}
	}
	if added {
		sortSpans(ss)
	}
	return ss
}

func nameKey(words []string) string { return strings.Join(words, " ") }

func anyCovered(c []bool) bool {
	for _, x := range c {
		if x {
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isTitleWord reports whether w looks like a surname: capitalized, with a
// lower-case letter and at least three letters.
func isTitleWord(w string) bool {
	return startsUpper(w) && utf8.RuneCountInString(w) >= 3 && strings.IndexFunc(w, unicode.IsLower) >= 0
}

func sortSpans(ss []scoredSpan) {
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && ss[j].Start < ss[j-1].Start; j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}
