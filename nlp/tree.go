package nlp

// Root returns the index of the sentence's root token (Head == -1), or -1
// if the sentence is empty or unparsed.
func (s *Sentence) Root() int {
	for i := range s.Tokens {
		if s.Tokens[i].Head == -1 && s.Tokens[i].Rel == "root" {
			return i
		}
	}
	return -1
}

// Children returns the indices of the tokens whose head is i, in order.
func (s *Sentence) Children(i int) []int {
	var out []int
	for k := range s.Tokens {
		if s.Tokens[k].Head == i && k != i {
			out = append(out, k)
		}
	}
	return out
}

// ChildWithRel returns the first child of i with relation rel (exact match,
// e.g. "nsubj" or "nsubj:pass"), or -1.
func (s *Sentence) ChildWithRel(i int, rel string) int {
	for k := range s.Tokens {
		if s.Tokens[k].Head == i && s.Tokens[k].Rel == rel && k != i {
			return k
		}
	}
	return -1
}

// Subtree returns the first and last token index of the subtree headed by
// i (for a projective tree this is the phrase's span; for the rare
// non-projective one it is the span covering all descendants).
func (s *Sentence) Subtree(i int) (first, last int) {
	first, last = i, i
	for k := range s.Tokens {
		if k < first || k > last {
			if s.dominates(i, k) {
				first, last = min(first, k), max(last, k)
			}
		}
	}
	return first, last
}

// dominates reports whether a is an ancestor of (or equal to) k.
func (s *Sentence) dominates(a, k int) bool {
	for steps := 0; k >= 0 && k < len(s.Tokens) && steps <= len(s.Tokens); steps++ {
		if k == a {
			return true
		}
		k = s.Tokens[k].Head
	}
	return false
}

// TokenAt returns the sentence and token indices of the token covering
// code-point offset off, or -1, -1.
func (d *Doc) TokenAt(off int) (sent, tok int) {
	for si := range d.Sentences {
		s := &d.Sentences[si]
		if off < s.Start || off >= s.End {
			continue
		}
		for ti := range s.Tokens {
			if off >= s.Tokens[ti].Start && off < s.Tokens[ti].End {
				return si, ti
			}
		}
	}
	return -1, -1
}
