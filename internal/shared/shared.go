// Package shared locates the data sets that sit beside the checkout in
// ../shared (gold sets, corpora, the seed example) for tests, and skips the
// test with a clear message when they are absent: the suite must pass
// without them.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository root (the directory holding go.mod) above the
// working directory, or "" when there is none.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns ../shared/elems... beside the repository, or "" when it does
// not exist.
func Path(elems ...string) string {
	root := Root()
	if root == "" {
		return ""
	}
	p := filepath.Join(append([]string{root, "..", "shared"}, elems...)...)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Dir is Path for tests: it skips tb when the path is absent.
func Dir(tb testing.TB, elems ...string) string {
	tb.Helper()
	p := Path(elems...)
	if p == "" {
		tb.Skipf("skipping: ../shared/%s is absent (the shared data sets sit beside the checkout)", filepath.Join(elems...))
	}
	return p
}
