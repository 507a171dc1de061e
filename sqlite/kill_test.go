package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// killEnv names the store a re-executed test binary ingests into until it
// is killed (see TestKillHelper).
const killEnv = "TIDINGS_SQLITE_KILL_DB"

// killBatch is the batch the child ingests; re-running it must finish the job.
const killBatch = 400

// TestKillHelper is not a test: run as a child by TestKillNine, it ingests
// the kill batch over and over until the parent kills it.
func TestKillHelper(t *testing.T) {
	path := os.Getenv(killEnv)
	if path == "" {
		t.Skip("helper process for TestKillNine")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for {
		s := newSynth(99)
		for i := range killBatch {
			if _, err := db.Put(ctx, s.article(i)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestKillNine kills a process in the middle of ingesting, several times,
// and checks that the store stays whole and that re-running the batch
// completes it.
func TestKillNine(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGKILL")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	ctx := context.Background()
	for round, delay := range []time.Duration{0, 37 * time.Millisecond, 111 * time.Millisecond, 250 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), killEnv+"="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		before := waitForGrowth(t, path, round)
		time.Sleep(delay)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		n, _ := db.Count(ctx)
		t.Logf("round %d: killed after %v with %d articles (had %d)", round, delay, n, before)
		if err := checkFacts(ctx, db); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		db.Close()
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := newSynth(99)
	for i := range killBatch {
		if _, err := db.Put(ctx, s.article(i)); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := db.Count(ctx); n != killBatch {
		t.Errorf("after re-running the batch: %d articles, want %d", n, killBatch)
	}
	if err := checkFacts(ctx, db); err != nil {
		t.Fatal(err)
	}
	for i := range killBatch {
		if _, err := db.Get(ctx, newSynthID(i)); err != nil {
			t.Fatal(err)
		}
	}
}

// newSynthID is the id synth.article gives the i-th article.
func newSynthID(i int) string { return fmt.Sprintf("a%07d", i) }

// waitForGrowth waits until the child has committed at least one article
// beyond what the store held before, so the kill lands mid-ingest, and
// returns the count it saw.
func waitForGrowth(t *testing.T, path string, round int) int {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	start := -1
	for time.Now().Before(deadline) {
		n := peekCount(path)
		if start < 0 {
			start = n
		}
		if n > start || (round == 0 && n > 0) {
			return n
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("child stored nothing in 20 s")
	return 0
}

// peekCount reads the article count without migrating or writing; -1 when
// the store is not there yet.
func peekCount(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return -1
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return -1
	}
	return n
}
