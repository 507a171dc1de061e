package ner

// Stacked (second-pass) feature templates.
const (
	tStackOwn byte = iota + 0x80
	tStackClass
	tStackMajor
	tStackSeen
	tStackLastPER
	tStackOwnShape
)

// wordVotes counts the first-pass labels of one normalized word in a
// document.
type wordVotes struct {
	total   int                 // occurrences
	classes [numClasses + 1]int // per class; numClasses counts O
	lastPER int                 // times it ends a multi-word PER span
}

// stackFeatures adds to each token's base features the document-level
// features of the second pass, computed from the first-pass labels pass1:
// the token's own first-pass label and, over the other occurrences of the
// same (case-folded) word in the document, which classes they got, the
// majority class, and whether the word ends a longer person name elsewhere.
// base and out are per sentence; out[i] receives base[i] plus the new
// features.
func stackFeatures(words [][]string, pass1 [][]label, base, out []sentFeatures) {
	votes := make(map[string]*wordVotes)
	norm := make([][]string, len(words))
	for si, ws := range words {
		norm[si] = make([]string, len(ws))
		for i, w := range ws {
			n := normWord(w)
			norm[si][i] = n
			if !hasLetter(w) {
				continue
			}
			v := votes[n]
			if v == nil {
				v = &wordVotes{}
				votes[n] = v
			}
			addVote(v, pass1[si], i, 1)
		}
	}
	for si, ws := range words {
		o := &out[si]
		if want := len(base[si].hashes) + 8*len(ws); cap(o.hashes) < want {
			o.hashes = make([]uint64, 0, want)
		}
		o.hashes = o.hashes[:0]
		o.offs = append(o.offs[:0], 0)
		for i := range ws {
			o.hashes = append(o.hashes, base[si].token(i)...)
			o.hashes = appendStacked(o.hashes, votes[norm[si][i]], pass1[si], i, shapeOf(ws[i]))
			o.offs = append(o.offs, len(o.hashes))
		}
	}
}

// appendStacked appends the stacked features of token i of a sentence
// labelled ls by the first pass: its own label and, when v (the votes of
// its word) is not nil, those of the word's other occurrences.
func appendStacked(h []uint64, v *wordVotes, ls []label, i int, shape string) []uint64 {
	l := ls[i]
	h = append(h, hashByte(hashTpl(tStackOwn), byte(l)),
		hashStr(hashByte(hashTpl(tStackOwnShape), byte(l)), shape))
	if v != nil {
		h = appendVoteFeatures(h, v, ls, i, shape)
	}
	return h
}

// addVote adds (d=1) or removes (d=-1) the vote of token i of a sentence
// labelled ls.
func addVote(v *wordVotes, ls []label, i, d int) {
	v.total += d
	l := ls[i]
	if l == labelO {
		v.classes[numClasses] += d
		return
	}
	v.classes[l.class()] += d
	if l.class() == classPER && l.pos() == posL {
		v.lastPER += d
	}
}

// appendVoteFeatures appends the features of the word's other occurrences
// (its own vote removed).
func appendVoteFeatures(h []uint64, v *wordVotes, ls []label, i int, shape string) []uint64 {
	addVote(v, ls, i, -1)
	defer addVote(v, ls, i, 1)
	if v.total == 0 {
		return append(h, hashByte(hashTpl(tStackSeen), 0))
	}
	h = append(h, hashByte(hashTpl(tStackSeen), 1))
	major, best := -1, 0
	for c := 0; c <= numClasses; c++ {
		if v.classes[c] == 0 {
			continue
		}
		h = append(h, hashStr(hashByte(hashTpl(tStackClass), byte(c)), shape))
		if v.classes[c] > best {
			major, best = c, v.classes[c]
		}
	}
	h = append(h, hashByte(hashTpl(tStackMajor), byte(major)))
	if v.lastPER > 0 {
		h = append(h, hashTpl(tStackLastPER))
	}
	return h
}
