// Package nlp turns text into sentences of tokens with lemmas, part-of-speech
// tags and a dependency parse, using small models trained in Go and embedded
// in the binary.
package nlp

// Token is one word or punctuation mark.
type Token struct {
	Text string
	// Start and End are code-point offsets into Doc.Text (the contract's unit).
	Start, End int
	// BStart and BEnd are byte offsets into Doc.Text, for slicing in Go.
	BStart, BEnd int
	Lemma        string
	UPOS         string // Universal POS: NOUN VERB PROPN ...
	XPOS         string // Penn Treebank tag: NN VBD NNP ...
	// Head is the index within Sentence.Tokens of this token's head, or -1
	// for the root.
	Head int
	// Rel is the UD relation to the head: nsubj obj obl nsubj:pass ccomp ...
	Rel string
}

// Sentence is a run of tokens; Start/End are code-point offsets, BStart/BEnd
// byte offsets into Doc.Text.
type Sentence struct {
	Start, End   int
	BStart, BEnd int
	Tokens       []Token
}

// Doc is an analysed text.
type Doc struct {
	Text      string
	Sentences []Sentence
}
