package nlp

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"io"
	"slices"
)

func writeStrings(w io.Writer, ss ...string) {
	var buf [binary.MaxVarintLen64]byte
	w.Write(buf[:binary.PutUvarint(buf[:], uint64(len(ss)))])
	for _, s := range ss {
		w.Write(buf[:binary.PutUvarint(buf[:], uint64(len(s)))])
		io.WriteString(w, s)
	}
}

func sortedMapKeys[V any, K cmp.Ordered](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// byteReader reads what writeStrings and binary.Write produced, remembering
// the first error.
type byteReader struct {
	br  *bufio.Reader
	err error
}

func newByteReader(r io.Reader) *byteReader { return &byteReader{br: bufio.NewReader(r)} }

func (r *byteReader) strings() []string {
	if r.err != nil {
		return nil
	}
	n, err := binary.ReadUvarint(r.br)
	if err != nil || n > 1<<24 {
		r.err = errors.New("bad string count")
		return nil
	}
	out := make([]string, 0, n)
	for i := uint64(0); i < n; i++ {
		l, err := binary.ReadUvarint(r.br)
		if err != nil || l > 1<<20 {
			r.err = errors.New("bad string length")
			return nil
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(r.br, b); err != nil {
			r.err = err
			return nil
		}
		out = append(out, string(b))
	}
	return out
}

func (r *byteReader) u64() uint64 {
	var v uint64
	if r.err == nil {
		r.err = binary.Read(r.br, binary.LittleEndian, &v)
	}
	return v
}

func (r *byteReader) u32() uint32 {
	var v uint32
	if r.err == nil {
		r.err = binary.Read(r.br, binary.LittleEndian, &v)
	}
	return v
}
