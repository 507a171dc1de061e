package nlp

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/tidings/tidings/nlp/clusters"
	"github.com/tidings/tidings/nlp/perceptron"
)

// The parser's cluster features are only meaningful with the table it was
// trained with. A model records a probe: its training data's most frequent
// words and a fingerprint of their classes in that table, so that a test
// can tell when the embedded table has changed and the parser needs
// retraining (the features would then silently mean something else).

// probeSize is how many frequent words the probe holds: any re-clustering
// moves some of them.
const probeSize = 200

// clusterProbe returns the most frequent words of sents (ties by word).
func clusterProbe(sents []ParsedSentence) []string {
	counts := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			counts[w]++
		}
	}
	words := sortedMapKeys(counts)
	slices.SortStableFunc(words, func(a, b string) int { return cmp.Compare(counts[b], counts[a]) })
	return words[:min(len(words), probeSize)]
}

// clusterFingerprint hashes the classes that t gives words (hex).
func clusterFingerprint(t *clusters.Table, words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\t')
		if c, ok := t.Lookup(w); ok {
			b.WriteString(c.Path())
		}
		b.WriteByte('\n')
	}
	return strconv.FormatUint(perceptron.String(b.String()), 16)
}

// ClustersMatch reports whether the embedded cluster table gives the
// parser's probe words the classes they had in training.
func (ps *Parser) ClustersMatch() bool {
	return ps.clus != nil && len(ps.probe) > 1 && clusterFingerprint(ps.clus, ps.probe[1:]) == ps.probe[0]
}
