package nlp

import "github.com/tidings/tidings/nlp/perceptron"

// Values standing for "no such word" in parser features, distinct per slot
// kind so that they never collide with real hashes.
const (
	noWord  = 0x51ed270b27a3c5f1
	noTag   = 0x2c1b3c6dfa0f2d73
	noLabel = 0x6a09e667f3bcc909
)

// window holds the positions the feature templates look at (-1: none).
type window struct {
	s0, s1, n0, n1, n2 int
	s2, n3             int
	s0h, s0h2          int
	s0l, s0l2, s0r     int
	n0l, n0l2          int
	d                  uint64 // S0-N0 distance bucket
}

// window finds the stack, buffer, head and child positions in c.
func (c *config) window() window {
	child := func(h int, arr []int) int {
		if h < 0 || arr[h] == 0 {
			return -1
		}
		return arr[h]
	}
	var x window
	x.s0, x.s1 = c.s0(), -1
	if len(c.stack) > 1 {
		x.s1 = c.stack[len(c.stack)-2]
	}
	x.s2, x.n3 = -1, -1
	if len(c.stack) > 2 {
		x.s2 = c.stack[len(c.stack)-3]
	}
	if c.b+3 <= c.n {
		x.n3 = c.b + 3
	}
	x.n0, x.n1, x.n2 = -1, -1, -1
	if c.b <= c.n {
		x.n0 = c.b
	}
	if c.b+1 <= c.n {
		x.n1 = c.b + 1
	}
	if c.b+2 <= c.n {
		x.n2 = c.b + 2
	}
	x.s0h, x.s0h2 = -1, -1
	if x.s0 > 0 && c.head[x.s0] >= 0 {
		x.s0h = c.head[x.s0]
		if x.s0h > 0 && c.head[x.s0h] >= 0 {
			x.s0h2 = c.head[x.s0h]
		}
	}
	x.s0l, x.s0l2 = child(x.s0, c.lc1), child(x.s0, c.lc2)
	x.s0r = child(x.s0, c.rc1)
	x.n0l, x.n0l2 = child(x.n0, c.lc1), child(x.n0, c.lc2)
	if x.n0 > 0 && x.s0 > 0 {
		x.d = uint64(min(x.n0-x.s0, 5))
		if x.n0-x.s0 >= 10 {
			x.d = 6
		}
	}
	return x
}

// features computes the feature keys of the current configuration: the
// Zhang & Nivre (2011) templates adapted to arc-eager (S0 is the stack top,
// N0..N2 the buffer front, h/h2 heads, l/l2 and r/r2 leftmost/rightmost
// children, v valency, s label sets, d distance) with UPOS-only variants,
// then word-cluster and wider-context templates (moreFeatures). Template
// numbers are stable ids. The gaps are templates dropped in two rounds,
// each chosen by leaving one template out at parse time on GUM dev and
// retraining without those whose absence cost nothing: 21 that paid for the
// cluster templates (UAS 0.853 vs 0.850 with them), then 13 more (s0r2's
// word, tag and label, S0-N0 word-tag triples, S0's right child's tag and
// label, and cluster pairs), which left dev UAS/LAS unchanged over two
// seeds (0.8537/0.8230 and 0.8500/0.8192 against 0.8526/0.8215 and
// 0.8508/0.8195) and made tagging and parsing news ~15% faster: the weight
// lookups a move are the parser's main cost. Leaving out 7 or 12 more
// cost 0.3-0.5 UAS.
//
// The templates that read only the buffer front's words (bufferFeatures)
// come first: they stay the same while the buffer does not move, so parse
// sums their weights once per buffer position (see parseSums).
func (ps *Parser) features(s *parseScratch) []uint64 {
	f := ps.bufferFeatures(s, s.feats[:0])
	f = ps.stateFeatures(s, f)
	s.feats = f
	return f
}

// bufferFeatures appends to f the templates over N0..N3's words, tags and
// clusters and N0's distance to the sentence end (and the bias): those that
// depend on the buffer position alone.
func (ps *Parser) bufferFeatures(s *parseScratch, f []uint64) []uint64 {
	c := &s.cfg
	at := func(arr []uint64, i int, none uint64) uint64 {
		if i > c.n {
			return none
		}
		return arr[i]
	}
	n0, n1, n2, n3 := c.b, c.b+1, c.b+2, c.b+3
	n0w, n0p, n0u := at(s.w, n0, noWord), at(s.p, n0, noTag), at(s.u, n0, noTag)
	n1w, n1p, n2p, n3p := at(s.w, n1, noWord), at(s.p, n1, noTag), at(s.p, n2, noTag), at(s.p, n3, noTag)
	toEnd := uint64(9)
	if n0 <= c.n {
		toEnd = uint64(min(c.n-n0, 6))
	}
	h1, h2, h3 := perceptron.Tuple1, perceptron.Tuple2, perceptron.Tuple3
	return append(f,
		h1(0, 0),
		h2(4, n0w, n0p), h1(5, n0w), h1(6, n0p),
		h2(7, n1w, n1p), h1(8, n1w), h1(9, n1p),
		h1(12, n2p),
		h2(20, n0p, n1p),
		h3(21, n0p, n1p, n2p),
		h3(76, n0w, n1w, n0p), h3(89, n0u, at(s.u, n1, noTag), at(s.u, n2, noTag)),
		h1(121, at(s.cf, n0, noWord)), h1(122, at(s.cf, n1, noWord)),
		h1(142, n3p), h3(143, n1p, n2p, n3p),
		h2(144, n0u, toEnd),
	)
}

// stateFeatures appends to f the templates that read the stack, the arcs
// built so far or both ends of the buffer-stack gap.
func (ps *Parser) stateFeatures(s *parseScratch, f []uint64) []uint64 {
	c := &s.cfg
	w := func(i int) uint64 {
		if i < 0 {
			return noWord
		}
		return s.w[i]
	}
	p := func(i int) uint64 {
		if i < 0 {
			return noTag
		}
		return s.p[i]
	}
	lab := func(i int) uint64 {
		if i <= 0 || c.head[i] < 0 {
			return noLabel
		}
		return uint64(c.label[i]) + 1
	}
	x := c.window()
	s0, s1, n0, n1 := x.s0, x.s1, x.n0, x.n1
	s0h, s0h2, s0l, s0l2, s0r, n0l, n0l2, d := x.s0h, x.s0h2, x.s0l, x.s0l2, x.s0r, x.n0l, x.n0l2, x.d
	s0w, s0p, n0w, n0p := w(s0), p(s0), w(n0), p(n0)
	n1w, n1p := w(n1), p(n1)
	var s0vl, s0vr, n0vl, s0sl, s0sr, n0sl uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = uint64(c.nl[s0]), uint64(c.nr[s0]), c.lset[s0], c.rset[s0]
	}
	if n0 >= 0 {
		n0vl, n0sl = uint64(c.nl[n0]), c.lset[n0]
	}
	u := func(i int) uint64 {
		if i < 0 {
			return noTag
		}
		return s.u[i]
	}
	s0u, n0u := u(s0), u(n0)
	suf := func(i int) uint64 {
		if i < 0 {
			return noWord
		}
		return s.suf[i]
	}
	// between counts (capped at 3) what lies strictly between S0 and N0.
	between := func(cum []int) uint64 {
		if s0 <= 0 || n0 <= s0 {
			return 9
		}
		return uint64(min(cum[n0-1]-cum[s0], 3))
	}
	// prev is the word before N0 (when it is not S0).
	prev := -1
	if n0 > 0 && n0-1 != s0 {
		prev = n0 - 1
	}
	var rootTaken uint64
	if c.rootChild >= 0 {
		rootTaken = 1
	}
	h1, h2, h3 := perceptron.Tuple1, perceptron.Tuple2, perceptron.Tuple3
	f = append(f,
		h2(1, s0w, s0p), h1(2, s0w),
		h3(16, s0w, s0p, n0p), h3(26, s0p, n0p, p(n0l)),
		h2(27, s0w, d), h2(29, n0w, d), h2(30, n0p, d),
		h2(33, s0w, s0vr), h2(34, s0p, s0vr), h2(36, s0p, s0vl),
		h2(37, n0w, n0vl), h2(38, n0p, n0vl),
		h1(39, w(s0h)), h1(40, p(s0h)), h1(41, lab(s0)),
		h1(43, p(s0l)), h1(44, lab(s0l)),
		h1(45, w(s0r)), h1(46, p(s0r)),
		h1(48, w(n0l)), h1(49, p(n0l)), h1(50, lab(n0l)),
		h1(51, w(s0h2)), h1(52, p(s0h2)), h1(53, lab(s0h)),
		h1(54, w(s0l2)), h1(55, p(s0l2)), h1(56, lab(s0l2)),
		h1(60, w(n0l2)), h1(61, p(n0l2)), h1(62, lab(n0l2)),
		h3(63, s0p, p(s0l), p(s0l2)),
		h3(66, n0p, p(n0l), p(n0l2)),
		h2(67, s0w, s0sr), h2(68, s0p, s0sr), h2(70, s0p, s0sl),
		h2(71, n0w, n0sl), h2(72, n0p, n0sl),
		h2(73, w(s1), p(s1)), h3(74, p(s1), s0p, n0p),
		h3(77, s0w, n0p, n1p), h2(78, s0p, n1p),
		h2(79, s0u, n0u), h3(80, s0u, n0u, u(n1)), h3(81, u(s1), s0u, n0u),
		h2(82, s0w, n0u), h2(83, s0u, n0w),
		h3(85, u(s0h), s0u, n0u), h3(86, s0u, u(s0l), n0u), h3(87, s0u, u(s0r), n0u),
		h3(88, s0u, n0u, u(n0l)),
		h3(90, s0u, n0u, between(s.commas)), h3(91, s0u, n0u, between(s.verbs)),
		h2(92, suf(s0), n0u), h2(93, s0u, suf(n0)), h3(94, w(s0h), s0u, n0u),
		h3(95, s0w, lab(s0l), n0u), h2(96, w(s1), s0w),
		// Context next to S0 and N0, punctuation between them, the labels
		// of S0's outer children with both tags, and whether the root is
		// taken: aimed at punctuation, coordination and root errors.
		h3(97, s0u, n0u, between(s.puncts)), h3(98, lab(s0r), s0u, n0u),
		h3(99, n0w, n1w, s0u), h3(101, rootTaken, s0u, n0u),
		h3(102, s0u, n0u, u(prev)),
		h3(105, lab(s0l), s0u, n0u),
	)
	return ps.moreFeatures(s, &x, f)
}

// moreFeatures appends to f the word-cluster templates (Koo et al. 2008:
// flat classes and 4- and 6-bit path prefixes of S0, N0, N1 and S0's head
// and children, alone and with the other words' tags) and templates over a
// wider window: S2 and the labels already given to S1, S0 and N0's leftmost
// child (N3 and the distance to the sentence end are in bufferFeatures).
func (ps *Parser) moreFeatures(s *parseScratch, x *window, f []uint64) []uint64 {
	c := &s.cfg
	at := func(arr []uint64, i int, none uint64) uint64 {
		if i < 0 {
			return none
		}
		return arr[i]
	}
	c4 := func(i int) uint64 { return at(s.c4, i, noWord) }
	c6 := func(i int) uint64 { return at(s.c6, i, noWord) }
	cf := func(i int) uint64 { return at(s.cf, i, noWord) }
	p := func(i int) uint64 { return at(s.p, i, noTag) }
	u := func(i int) uint64 { return at(s.u, i, noTag) }
	lab := func(i int) uint64 {
		if i <= 0 || c.head[i] < 0 {
			return noLabel
		}
		return uint64(c.label[i]) + 1
	}
	s0, s1, n0, n1 := x.s0, x.s1, x.n0, x.n1
	s0p, n0p, n1p := p(s0), p(n0), p(n1)
	s0u, n0u := u(s0), u(n0)
	h1, h2, h3 := perceptron.Tuple1, perceptron.Tuple2, perceptron.Tuple3
	return append(f,
		h1(120, cf(s0)), h3(126, c4(s0), c4(n0), x.d),
		h2(127, cf(s0), cf(n0)), h3(128, s0u, c6(n0), c6(n1)),
		h3(129, c6(x.s0h), c6(s0), c6(n0)), h3(130, cf(x.s0r), s0u, c6(n0)),
		h3(131, cf(s1), s0p, n0p),
		h3(133, cf(s0), n0p, n1p), h3(134, s0p, cf(n0), n1p),
		h3(135, c4(s0), c4(n0), lab(s0)),

		h2(140, p(x.s2), p(s1)), h3(141, u(x.s2), u(s1), s0u),
		h3(145, s0u, n0u, lab(s1)),
		h3(147, p(x.s0h), lab(s0), n0p), h3(149, n0u, u(x.n0l), lab(x.n0l)),
	)
}
