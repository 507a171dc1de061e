package ner

import "strings"

// Internal entity classes the sequence model predicts. NORP, GPE and LOC are
// told apart after decoding (see classify.go): the training corpora only
// distinguish persons, organisations, locations and "miscellaneous" names.
const (
	classPER = iota
	classORG
	classLOC
	classMISC
	numClasses
)

var classNames = [numClasses]string{"PER", "ORG", "LOC", "MISC"}

// BILOU positions.
const (
	posB = iota
	posI
	posL
	posU
	numPos
)

// numLabels is O plus one label per class and BILOU position.
const numLabels = 1 + numClasses*numPos

// label is an index into the model's label set: 0 is O, then
// 1 + class*numPos + position.
type label int

const labelO label = 0

func makeLabel(class, pos int) label { return label(1 + class*numPos + pos) }

func (l label) class() int { return (int(l) - 1) / numPos }
func (l label) pos() int   { return (int(l) - 1) % numPos }

// String renders a label as "O" or "B-PER", "U-LOC" ...
func (l label) String() string {
	if l == labelO {
		return "O"
	}
	return string("BILU"[l.pos()]) + "-" + classNames[l.class()]
}

// validTrans reports whether label b may follow label a under BILOU.
func validTrans(a, b label) bool {
	inside := a != labelO && (a.pos() == posB || a.pos() == posI)
	if inside {
		return b != labelO && (b.pos() == posI || b.pos() == posL) && b.class() == a.class()
	}
	return b == labelO || b.pos() == posB || b.pos() == posU
}

// validStart and validEnd say which labels may open or close a sentence.
func validStart(l label) bool { return l == labelO || l.pos() == posB || l.pos() == posU }
func validEnd(l label) bool   { return l == labelO || l.pos() == posL || l.pos() == posU }

// normClass maps a corpus's entity type to an internal class, or -1 for
// types that are dropped (treated as O).
func normClass(t string) int {
	switch strings.ToUpper(t) {
	case "PER", "PERSON":
		return classPER
	case "ORG", "ORGANIZATION", "ORGANISATION", "CORPORATION", "GROUP":
		return classORG
	case "LOC", "LOCATION", "GPE":
		return classLOC
	case "MISC", "OTH", "NORP", "PRODUCT", "CREATIVE-WORK", "EVENT", "FAC":
		return classMISC
	}
	return -1
}

// tagSpan is a typed run of tokens [Start, End) of one sentence.
type tagSpan struct {
	Start, End int
	Type       string
}

// spansFromIOB reads IOB1 or IOB2 tags ("B-X", "I-X", "O") into spans. An I-X
// that follows O or another type opens a span (IOB1); B-X always does. Tags
// without a prefix ("PER") count as I-.
func spansFromIOB(tags []string) []tagSpan {
	var spans []tagSpan
	open := -1
	cur := ""
	closeAt := func(i int) {
		if open >= 0 {
			spans = append(spans, tagSpan{open, i, cur})
		}
		open, cur = -1, ""
	}
	for i, t := range tags {
		prefix, typ := splitTag(t)
		switch {
		case typ == "":
			closeAt(i)
		case prefix == 'B' || prefix == 'U' || prefix == 'S' || typ != cur:
			closeAt(i)
			open, cur = i, typ
		}
		if prefix == 'L' || prefix == 'E' || prefix == 'U' || prefix == 'S' {
			closeAt(i + 1)
		}
	}
	closeAt(len(tags))
	return spans
}

// splitTag splits "B-PER" into 'B' and "PER"; "O" and "" give an empty type.
func splitTag(t string) (byte, string) {
	if t == "" || t == "O" || t == "-" || t == "_" {
		return 'O', ""
	}
	if len(t) > 2 && t[1] == '-' {
		if t[2:] == "O" { // UNER's stray "B-O"
			return 'O', ""
		}
		return t[0], t[2:]
	}
	return 'I', t
}

// bilouLabels encodes spans of n tokens as model labels; spans of unknown
// types become O.
func bilouLabels(n int, spans []tagSpan) []label {
	out := make([]label, n)
	for _, s := range spans {
		c := normClass(s.Type)
		if c < 0 {
			continue
		}
		if s.End-s.Start == 1 {
			out[s.Start] = makeLabel(c, posU)
			continue
		}
		out[s.Start] = makeLabel(c, posB)
		for i := s.Start + 1; i < s.End-1; i++ {
			out[i] = makeLabel(c, posI)
		}
		out[s.End-1] = makeLabel(c, posL)
	}
	return out
}

// spansFromLabels decodes a valid BILOU label sequence into class spans.
func spansFromLabels(ls []label) []tagSpan {
	var spans []tagSpan
	start := -1
	for i, l := range ls {
		if l == labelO {
			start = -1
			continue
		}
		switch l.pos() {
		case posU:
			spans = append(spans, tagSpan{i, i + 1, classNames[l.class()]})
			start = -1
		case posB:
			start = i
		case posL:
			if start >= 0 {
				spans = append(spans, tagSpan{start, i + 1, classNames[l.class()]})
			}
			start = -1
		}
	}
	return spans
}
