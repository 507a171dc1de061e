package conllu

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	s, err := ReadFile("testdata/tb/dep/doc_a.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 {
		t.Fatalf("got %d sentences, want 2", len(s))
	}
	if !s[0].NewDoc || !s[0].NewPar || s[1].NewPar || s[0].Text != "I don't know." {
		t.Errorf("markers or text wrong: %+v", s[0])
	}
	if len(s[0].Words) != 5 || s[0].Words[3].Head != 0 || s[0].Words[0].Rel != "nsubj" || s[0].Words[3].SpaceAfter {
		t.Errorf("words wrong: %+v", s[0].Words)
	}
	forms, _ := s[0].Surface()
	if strings.Join(forms, " ") != "I don't know ." {
		t.Errorf("surface = %q", forms)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"1\tI\n",
		"2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n",
		"1\tI\tI\tPRON\tPRP\t_\t9\troot\t_\t_\n",
		"x-y\tI\t_\t_\t_\t_\t_\t_\t_\t_\n",
	} {
		if _, err := Read(strings.NewReader(in), "bad"); err == nil {
			t.Errorf("Read(%q): no error", in)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := filepath.Join("testdata", "tb")
	for split, want := range map[string]string{"train": "doc_a.conllu", "dev": "doc_b.conllu"} {
		got, err := Files(dir + "@" + split)
		if err != nil || len(got) != 1 || filepath.Base(got[0]) != want {
			t.Errorf("Files(@%s) = %v, %v; want %s", split, got, err, want)
		}
	}
	if _, err := Files(dir + "@test"); err == nil {
		t.Error("empty split: no error")
	}
	if _, err := Files(dir + "@bogus"); err == nil {
		t.Error("unknown split: no error")
	}
	if got, err := Files(filepath.Join(dir, "dep")); err != nil || len(got) != 2 {
		t.Errorf("Files(dir) = %v, %v", got, err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n\n")
	f.Add("# text = x\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Read(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, x := range s {
			x.Surface()
		}
	})
}
