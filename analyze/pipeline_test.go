package analyze

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/extract"
	"github.com/tidings/tidings/internal/facttext"
	"github.com/tidings/tidings/nlp"
)

// fakeExtractor returns fixed paragraphs, or an error for a page saying "fail".
type fakeExtractor struct{}

func (fakeExtractor) Extract(_ context.Context, page []byte, _ string) (*extract.Result, error) {
	if strings.Contains(string(page), "fail") {
		return nil, errors.New("no main text")
	}
	pub := time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC)
	return &extract.Result{
		Title:      "Page title",
		Authors:    []string{"A. Writer"},
		Published:  &pub,
		SiteName:   "Example News",
		Language:   "de", // a template's wrong lang attribute
		Paragraphs: []string{"The council met on Tuesday to discuss the budget for next year.", "Advertisement", "Members voted to approve the plan after a long debate."},
	}, nil
}

func TestAnalyze(t *testing.T) {
	p := New(fakeExtractor{}, nil)
	ctx := context.Background()
	tests := []struct {
		name    string
		doc     tidings.Document
		check   func(t *testing.T, a *tidings.Article)
		wantErr string
	}{{
		name: "text gets a hash id and its host as source",
		doc:  tidings.Document{Name: "a.txt", URL: "https://www.example.org/x", Format: tidings.FormatText, Body: []byte("First paragraph of the story.\n\nSecond paragraph of the story.")},
		check: func(t *testing.T, a *tidings.Article) {
			if a.ID != TextID(a.Text) || a.Source != "example.org" || a.Extractor != tidings.Version {
				t.Errorf("id %q source %q extractor %q", a.ID, a.Source, a.Extractor)
			}
			if a.Entities == nil || a.Quotes == nil || a.Events == nil || a.Themes == nil {
				t.Error("fact lists must be empty, not nil")
			}
		},
	}, {
		name: "raw keeps the text byte for byte",
		doc:  tidings.Document{Name: "-", Format: tidings.FormatText, Raw: true, Body: []byte("  Advertisement\n\nSame line.\n\nSame line.\n")},
		check: func(t *testing.T, a *tidings.Article) {
			if a.Text != "  Advertisement\n\nSame line.\n\nSame line.\n" || len(a.Removed) != 0 {
				t.Errorf("raw text changed: %q, removed %v", a.Text, a.Removed)
			}
		},
	}, {
		name: "html takes metadata the source lacks and cleans",
		doc:  tidings.Document{Name: "p.html", ID: "given", Title: "Own title", Format: tidings.FormatHTML, Body: []byte("<html>")},
		check: func(t *testing.T, a *tidings.Article) {
			if a.ID != "given" || a.Title != "Own title" || a.Source != "Example News" || a.Published == nil || len(a.Authors) != 1 {
				t.Errorf("metadata: %+v", a)
			}
			if a.Language != "en" {
				t.Errorf("language %q: the text is English whatever the page says", a.Language)
			}
			if strings.Contains(a.Text, "Advertisement") || len(a.Removed) != 1 {
				t.Errorf("not cleaned: %q %v", a.Text, a.Removed)
			}
		},
	}, {
		name:    "extraction failure names the input",
		doc:     tidings.Document{Name: "bad.html", Format: tidings.FormatHTML, Body: []byte("fail")},
		wantErr: "bad.html: no main text",
	}, {
		name:    "invalid UTF-8",
		doc:     tidings.Document{Name: "bin.txt", Format: tidings.FormatText, Body: []byte{0xff, 0xfe, 'a'}},
		wantErr: "bin.txt: text is not valid UTF-8",
	}, {
		name:    "empty",
		doc:     tidings.Document{Name: "empty.txt", Format: tidings.FormatText, Body: []byte(" \n\n ")},
		wantErr: "empty.txt: " + ErrEmpty.Error(),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := p.Analyze(ctx, &tt.doc)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				var ie *tidings.InputError
				if !errors.As(err, &ie) {
					t.Errorf("error %T is not an InputError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
}

func docs(n int, badEvery int) iter.Seq2[*tidings.Document, error] {
	return func(yield func(*tidings.Document, error) bool) {
		for i := range n {
			if badEvery > 0 && i%badEvery == 0 {
				if !yield(nil, &tidings.InputError{Name: fmt.Sprintf("in:%d", i), Err: errors.New("malformed")}) {
					return
				}
				continue
			}
			d := &tidings.Document{Name: fmt.Sprintf("in:%d", i), ID: fmt.Sprint(i), Format: tidings.FormatText, Body: []byte(fmt.Sprintf("Article number %d.", i))}
			if !yield(d, nil) {
				return
			}
		}
	}
}

func TestStreamKeepsOrderAndErrors(t *testing.T) {
	p := New(fakeExtractor{}, nil)
	i := 0
	for r := range p.Stream(context.Background(), docs(200, 7), 4) {
		if i%7 == 0 {
			if r.Err == nil || !strings.Contains(r.Err.Error(), fmt.Sprintf("in:%d", i)) {
				t.Fatalf("result %d: want the read error, got %v", i, r.Err)
			}
		} else if r.Err != nil || r.Article.ID != fmt.Sprint(i) {
			t.Fatalf("result %d: got %+v, %v", i, r.Article, r.Err)
		}
		i++
	}
	if i != 200 {
		t.Fatalf("got %d results, want 200", i)
	}
}

func TestStreamStopsEarly(t *testing.T) {
	p := New(fakeExtractor{}, nil)
	n := 0
	for range p.Stream(context.Background(), docs(10000, 0), 2) {
		n++
		if n == 5 {
			break
		}
	}
	if n != 5 {
		t.Fatalf("got %d", n)
	}
}

// viewRecorder is an annotator that records the facttext view it gets.
type viewRecorder struct{ views *[]*facttext.Text }

func (v viewRecorder) Annotate(ctx context.Context, doc *nlp.Doc, a *tidings.Article) error {
	*v.views = append(*v.views, facttext.For(ctx, doc, a.Text))
	return nil
}

// TestAnnotatorsShareView checks that the annotators of one article get one
// facttext view, and the next article a new one.
func TestAnnotatorsShareView(t *testing.T) {
	np, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	var views []*facttext.Text
	p := New(fakeExtractor{}, np, viewRecorder{&views}, viewRecorder{&views})
	for _, body := range []string{"The council met on Tuesday to discuss the budget.", "Members voted to approve the plan after a long debate."} {
		doc := &tidings.Document{Name: "a.txt", Format: tidings.FormatText, Body: []byte(body)}
		if _, err := p.Analyze(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	}
	if len(views) != 4 || views[0] != views[1] || views[2] != views[3] || views[1] == views[2] {
		t.Errorf("views %p, want two pairs of one view each", views)
	}
}
