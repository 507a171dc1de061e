package ner

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Sentence is one gold-tokenized sentence with its entity tags (IOB1 or
// IOB2 as read; use Spans to get typed spans).
type Sentence struct {
	Words []string
	Tags  []string
}

// Document is a run of sentences that share document-level context.
type Document struct {
	Sentences []Sentence
	// Weight is how many times training visits the document per epoch
	// (0 counts as 1).
	Weight int
}

// Gold file formats understood by ReadGold.
const (
	// FormatCoNLL is CoNLL-2003: whitespace-separated columns, the word
	// first and the IOB1/IOB2 tag last; -DOCSTART- lines separate documents.
	FormatCoNLL = "conll"
	// FormatIOB2 is tab-separated "ID WORD TAG ..." (UNER) or "WORD TAG"
	// (WNUT-17); "# newdoc" comments separate documents.
	FormatIOB2 = "iob2"
)

// ReadGold reads a gold file in format (FormatCoNLL or FormatIOB2) into
// documents. name labels errors. When a CoNLL file has no -DOCSTART-
// markers, documents are recovered from newswire datelines (see
// splitNewswire).
func ReadGold(r io.Reader, format, name string) ([]Document, error) {
	if format != FormatCoNLL && format != FormatIOB2 {
		return nil, fmt.Errorf("%s: unknown format %q (want conll or iob2)", name, format)
	}
	var (
		docs     []Document
		cur      Document
		sent     Sentence
		sawStart bool
	)
	flushSent := func() {
		if len(sent.Words) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		// Byte-order marks may start the file or stray lines (WNUT-17 dev).
		text := strings.TrimRight(strings.ReplaceAll(sc.Text(), "\ufeff", ""), "\r\n")
		if strings.TrimSpace(text) == "" {
			flushSent()
			continue
		}
		if format == FormatIOB2 && strings.HasPrefix(text, "#") && !strings.Contains(text, "\t") {
			if strings.HasPrefix(text, "# newdoc") {
				flushDoc()
			}
			continue
		}
		word, tag, err := parseLine(text, format)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if word == "-DOCSTART-" {
			sawStart = true
			flushDoc()
			continue
		}
		sent.Words = append(sent.Words, word)
		sent.Tags = append(sent.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flushDoc()
	if format == FormatCoNLL && !sawStart {
		var all []Sentence
		for _, d := range docs {
			all = append(all, d.Sentences...)
		}
		docs = splitNewswire(all)
	}
	return docs, nil
}

// parseLine extracts the word and the tag of one token line.
func parseLine(text, format string) (word, tag string, err error) {
	if format == FormatCoNLL {
		f := strings.Fields(text)
		if len(f) < 2 {
			return "", "", fmt.Errorf("want at least 2 columns, got %q", text)
		}
		return f[0], f[len(f)-1], nil
	}
	f := strings.Split(text, "\t")
	if len(f) < 2 {
		f = strings.Fields(text)
	}
	if len(f) < 2 {
		return "", "", fmt.Errorf("want at least 2 columns, got %q", text)
	}
	if len(f) >= 3 {
		if _, err := strconv.Atoi(f[0]); err == nil {
			return f[1], f[2], nil
		}
	}
	return f[0], f[1], nil
}

// datelineDate matches the date that closes a newswire dateline
// ("BRUSSELS 1996-08-22").
var datelineDate = regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)

// splitNewswire groups sentences into stories when a file has lost its
// document markers: a story opens with a headline followed by a short
// dateline sentence ending in a date, so a new document starts at the
// sentence before each dateline.
func splitNewswire(sents []Sentence) []Document {
	isDateline := func(s Sentence) bool {
		n := len(s.Words)
		return n >= 2 && n <= 8 && datelineDate.MatchString(s.Words[n-1])
	}
	var docs []Document
	var cur Document
	for i, s := range sents {
		if i+1 < len(sents) && isDateline(sents[i+1]) && len(cur.Sentences) > 0 {
			docs = append(docs, cur)
			cur = Document{}
		}
		cur.Sentences = append(cur.Sentences, s)
	}
	if len(cur.Sentences) > 0 {
		docs = append(docs, cur)
	}
	return docs
}

// spans returns the sentence's gold spans (IOB1 and IOB2 both read right).
func (s Sentence) spans() []tagSpan { return spansFromIOB(s.Tags) }
