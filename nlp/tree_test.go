package nlp

import "testing"

func TestTreeHelpers(t *testing.T) {
	// "The big dog barked loudly ." with a hand-made tree.
	s := Sentence{Tokens: []Token{
		{Text: "The", Head: 2, Rel: "det"}, {Text: "big", Head: 2, Rel: "amod"},
		{Text: "dog", Head: 3, Rel: "nsubj"}, {Text: "barked", Head: -1, Rel: "root"},
		{Text: "loudly", Head: 3, Rel: "advmod"}, {Text: ".", Head: 3, Rel: "punct"},
	}}
	if r := s.Root(); r != 3 {
		t.Errorf("Root = %d", r)
	}
	if c := s.Children(3); len(c) != 3 || c[0] != 2 {
		t.Errorf("Children(3) = %v", c)
	}
	if k := s.ChildWithRel(3, "nsubj"); k != 2 {
		t.Errorf("ChildWithRel = %d", k)
	}
	if f, l := s.Subtree(2); f != 0 || l != 2 {
		t.Errorf("Subtree(2) = %d, %d", f, l)
	}
	if f, l := s.Subtree(3); f != 0 || l != 5 {
		t.Errorf("Subtree(3) = %d, %d", f, l)
	}
	d := Doc{Text: "ab cd", Sentences: []Sentence{{Start: 0, End: 5, Tokens: []Token{{Start: 0, End: 2}, {Start: 3, End: 5}}}}}
	if si, ti := d.TokenAt(4); si != 0 || ti != 1 {
		t.Errorf("TokenAt(4) = %d, %d", si, ti)
	}
	if si, _ := d.TokenAt(2); si != -1 {
		t.Errorf("TokenAt(space) = %d", si)
	}
}
