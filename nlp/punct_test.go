package nlp

import "testing"

func TestAttachPairedPunct(t *testing.T) {
	// "He said ( quietly ) no ." with the closing bracket misattached.
	toks := []Token{
		{Text: "He", UPOS: "PRON", Head: 1, Rel: "nsubj"},
		{Text: "said", UPOS: "VERB", Head: -1, Rel: "root"},
		{Text: "(", UPOS: "PUNCT", Head: 3, Rel: "punct"},
		{Text: "quietly", UPOS: "ADV", Head: 1, Rel: "advmod"},
		{Text: ")", UPOS: "PUNCT", Head: 1, Rel: "punct"},
		{Text: "no", UPOS: "INTJ", Head: 1, Rel: "obj"},
		{Text: ".", UPOS: "PUNCT", Head: 1, Rel: "punct"},
	}
	attachPairedPunct(toks)
	for i, want := range []int{1, -1, 3, 1, 3, 1, 1} {
		if toks[i].Head != want {
			t.Errorf("token %d %q: head %d, want %d", i, toks[i].Text, toks[i].Head, want)
		}
	}
	// Unmatched and empty pairs are left alone.
	toks = []Token{
		{Text: "(", UPOS: "PUNCT", Head: 1, Rel: "punct"},
		{Text: "yes", UPOS: "INTJ", Head: -1, Rel: "root"},
		{Text: "\"", UPOS: "PUNCT", Head: 1, Rel: "punct"},
		{Text: "\"", UPOS: "PUNCT", Head: 1, Rel: "punct"},
	}
	attachPairedPunct(toks)
	for i, want := range []int{1, -1, 1, 1} {
		if toks[i].Head != want {
			t.Errorf("unmatched: token %d %q: head %d, want %d", i, toks[i].Text, toks[i].Head, want)
		}
	}
}
