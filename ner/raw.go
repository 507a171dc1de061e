package ner

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// ReadRaw reads unlabeled text for the lexicon (word clusters and
// capitalization priors) from the shared data directory root (the parent
// of the NER directory): the Voice of America stories and the words of the
// GUM training documents (dev and test documents, listed in splits.md, are
// left out). Missing sources are skipped; the names of those read are
// returned.
func ReadRaw(ctx context.Context, root string) ([][]string, []string, error) {
	var out [][]string
	var used []string
	voa := filepath.Join(root, "corpus", "voa", "voa_stories.jsonl")
	if s, err := readVOA(voa); err == nil {
		out = append(out, s...)
		used = append(used, "voa")
	} else if !os.IsNotExist(err) {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	gum := filepath.Join(root, "treebank", "gum")
	if s, err := readGUMTrain(gum); err == nil {
		out = append(out, s...)
		used = append(used, "gum-train")
	} else if !os.IsNotExist(err) {
		return nil, nil, err
	}
	return out, used, nil
}

// rawToken splits running text into words and punctuation, roughly as the
// CoNLL and UD corpora do.
var rawToken = regexp.MustCompile(`\p{L}+(?:[.'’\-]\p{L}+)*\.?|\d+(?:[.,:]\d+)*|\S`)

// rawSentenceEnd splits paragraphs into sentences at ". " before a capital.
var rawSentenceEnd = regexp.MustCompile(`([.!?]["”]?)\s+(\p{Lu})`)

func readVOA(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<22), 1<<22)
	for sc.Scan() {
		var story struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &story); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		text := rawSentenceEnd.ReplaceAllString(story.Text, "$1\n$2")
		for _, line := range append([]string{story.Title}, strings.Split(text, "\n")...) {
			if ws := rawToken.FindAllString(line, -1); len(ws) > 0 {
				out = append(out, ws)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// readGUMTrain reads the word forms of GUM documents that splits.md does
// not assign to dev or test.
func readGUMTrain(dir string) ([][]string, error) {
	held, err := gumHeldOut(filepath.Join(dir, "splits.md"))
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "dep", "*.conllu"))
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, p := range files {
		if held[strings.TrimSuffix(filepath.Base(p), ".conllu")] {
			continue
		}
		s, err := readCoNLLUForms(p)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}

func gumHeldOut(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	held := make(map[string]bool)
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimPrefix(line, "## ")
			continue
		}
		if section != "train" && strings.HasPrefix(line, "* ") {
			held[strings.TrimPrefix(line, "* ")] = true
		}
	}
	return held, sc.Err()
}

func readCoNLLUForms(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) < 2 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		cur = append(cur, cols[1])
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}
