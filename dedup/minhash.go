// Package dedup finds near-duplicate articles: syndicated copies, updates
// and lightly edited rewrites of a report already stored. It uses MinHash
// over word 5-grams with locality-sensitive hashing in 14 bands of 8 rows,
// the setting datatrove uses for web text (a pair is found with probability
// 1-(1-J^8)^14, about one half at Jaccard similarity J ≈ 0.72), and keeps its
// state in a Store so that detection works across ingests and restarts.
package dedup

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"
)

// Shape of the signature: Bands × Rows MinHash values.
const (
	Bands     = 14
	Rows      = 8
	NumHashes = Bands * Rows
	// ShingleSize is the number of words in one shingle.
	ShingleSize = 5
)

// Signature is the MinHash signature of one text: for each of NumHashes
// hash functions, the least hash value over the text's shingles.
type Signature [NumHashes]uint32

// hashParams are the multipliers and offsets of the NumHashes
// multiply-shift hash functions, derived once from a fixed seed so that
// signatures are stable across runs and machines.
var hashParams = func() (p [NumHashes][2]uint64) {
	s := uint64(0x7469_6469_6e67_7331) // "tidings1"
	for i := range p {
		p[i][0] = splitmix64(&s) | 1 // odd multiplier
		p[i][1] = splitmix64(&s)
	}
	return p
}()

func splitmix64(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	z := *s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// ErrNoText is returned for a text with no words: it has no signature.
var ErrNoText = errors.New("dedup: text has no words")

// Words splits text into lower-cased words: maximal runs of letters and
// digits. Punctuation, case and spacing differences between copies of one
// article therefore do not count.
func Words(text string) []string {
	var words []string
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, strings.ToLower(text[start:]))
	}
	return words
}

// Shingles returns the hashes of the text's word 5-grams (a text of fewer
// words has one shingle of all of them). Duplicates are kept: MinHash does
// not mind them.
func Shingles(text string) []uint64 {
	words := Words(text)
	if len(words) == 0 {
		return nil
	}
	wh := make([]uint64, len(words))
	for i, w := range words {
		wh[i] = xxh3.HashString(w)
	}
	n := len(wh) - ShingleSize + 1
	if n < 1 {
		n = 1
	}
	out := make([]uint64, n)
	var buf [ShingleSize * 8]byte
	for i := range out {
		k := min(ShingleSize, len(wh)-i)
		for j := 0; j < k; j++ {
			binary.LittleEndian.PutUint64(buf[j*8:], wh[i+j])
		}
		out[i] = xxh3.Hash(buf[:k*8])
	}
	return out
}

// Sign computes the MinHash signature of text.
func Sign(text string) (Signature, error) {
	var sig Signature
	sh := Shingles(text)
	if len(sh) == 0 {
		return sig, ErrNoText
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, x := range sh {
		for i := range sig {
			p := &hashParams[i]
			v := uint32((p[0]*x + p[1]) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig, nil
}

// Similarity estimates the Jaccard similarity of the shingle sets behind
// two signatures: the fraction of hash functions on which they agree.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// BandKeys returns the LSH keys of a signature, one per band: two texts
// become candidates when any key is equal. The band number is mixed into
// the key so equal rows in different bands do not collide.
func BandKeys(sig *Signature) [Bands]uint64 {
	var keys [Bands]uint64
	var buf [Rows * 4]byte
	for b := range keys {
		for r := 0; r < Rows; r++ {
			binary.LittleEndian.PutUint32(buf[r*4:], sig[b*Rows+r])
		}
		keys[b] = xxh3.HashSeed(buf[:], uint64(b)+1)
	}
	return keys
}

// MarshalBinary encodes the signature as NumHashes little-endian uint32s.
func (s *Signature) MarshalBinary() ([]byte, error) {
	out := make([]byte, NumHashes*4)
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[i*4:], v)
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) != NumHashes*4 {
		return errors.New("dedup: signature has wrong length")
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	return nil
}
