package nlp

// FixPunct re-attaches punctuation (UPOS PUNCT leaves) by the UD
// convention, after udapi's ud.FixPunct: a mark depends on the highest
// node next to it that keeps the tree projective, preferring the lower of
// the left and right candidates. mode 0 keeps the parser's head when it is
// on a candidate path; mode 1 always uses the candidate.
func FixPunct(toks []Token, mode int) {
	n := len(toks)
	isP := func(i int) bool { return toks[i].UPOS == "PUNCT" }
	hasKids := make([]bool, n)
	for i := range toks {
		if h := toks[i].Head; h >= 0 && h < n {
			hasKids[h] = true
		}
	}
	// first/last non-punctuation descendant of every node.
	lo, hi := make([]int, n), make([]int, n)
	for i := range lo {
		lo[i], hi[i] = n, -1
	}
	for i := 0; i < n; i++ {
		if isP(i) {
			continue
		}
		for x, steps := i, 0; x >= 0 && steps <= n; x, steps = toks[x].Head, steps+1 {
			lo[x], hi[x] = min(lo[x], i), max(hi[x], i)
		}
	}
	head := func(x int) int { return toks[x].Head }
	isDesc := func(a, b int) bool { // a is a descendant of b (or b itself)
		for steps := 0; a >= 0 && steps <= n; a, steps = head(a), steps+1 {
			if a == b {
				return true
			}
		}
		return false
	}
	for i := 0; i < n; i++ {
		if !isP(i) || hasKids[i] {
			continue
		}
		l, r := -1, -1
		for j := i - 1; j >= 0; j-- {
			if !isP(j) {
				l = j
				break
			}
		}
		for j := i + 1; j < n; j++ {
			if !isP(j) {
				r = j
				break
			}
		}
		var lpath, rpath []int
		if l >= 0 {
			lpath = append(lpath, l)
			for head(l) >= 0 && head(l) < i && hi[l] < i {
				l = head(l)
				lpath = append(lpath, l)
			}
		}
		if r >= 0 {
			rpath = append(rpath, r)
			for head(r) >= 0 && head(r) > i && lo[r] > i {
				r = head(r)
				rpath = append(rpath, r)
			}
		}
		cand := -1
		var path []int
		switch {
		case l >= 0 && r >= 0 && isDesc(l, r):
			cand, path = l, lpath
		case r >= 0 && l >= 0 && isDesc(r, l):
			cand, path = r, rpath
		case l >= 0:
			cand, path = l, append(lpath, rpath...)
		case r >= 0:
			cand, path = r, append(lpath, rpath...)
		}
		if cand < 0 {
			continue
		}
		keep := false
		if mode == 0 {
			for _, x := range path {
				if x == toks[i].Head {
					keep = true
				}
			}
		}
		if !keep {
			toks[i].Head = cand
			toks[i].Rel = "punct"
		}
	}
}
