package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/tidings/tidings"
)

// ingestStats counts what one ingest run did.
type ingestStats struct {
	read, stored, duplicates, failed int
}

func (s ingestStats) String() string {
	return fmt.Sprintf("read %d, stored %d, duplicates %d, failed %d", s.read, s.stored, s.duplicates, s.failed)
}

func cmdIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "tidings.db", "store: SQLite file")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles analysed at once")
	quiet := fs.Bool("quiet", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tidings ingest FILE|DIR|- ... [--db tidings.db]\n\nReads .txt, .html/.htm, .jsonl, .warc (also gzipped) and directories of them,\nanalyses each article and stores it.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return errSilent
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errSilent
	}
	p, err := loadAnalyzer(ctx)
	if err != nil {
		return err
	}
	store, err := openWriter(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()

	bar := newProgress(stderr, *quiet)
	var st ingestStats
	start := time.Now()
	for r := range p.Stream(ctx, readAll(ctx, fs.Args(), false), *workers) {
		st.read++
		bar.Add(1)
		if r.Err != nil {
			st.failed++
			bar.Clear()
			fmt.Fprintf(stderr, "error: %v\n", r.Err)
			continue
		}
		status, err := store.Put(ctx, r.Article)
		switch {
		case err != nil:
			st.failed++
			bar.Clear()
			fmt.Fprintf(stderr, "error: %s: storing: %v\n", r.Doc.Name, err)
		case status == tidings.Duplicate:
			st.duplicates++
		default:
			st.stored++
		}
	}
	bar.Finish()
	fmt.Fprintf(stdout, "%s in %s (%s)\n", st, time.Since(start).Round(time.Millisecond), *db)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	if st.failed > 0 {
		return errSilent
	}
	return nil
}

// progress is the little the ingest loop needs of a progress bar.
type progress interface {
	Add(int) error
	Clear() error
	Finish() error
}

// newProgress shows a spinner with counts on a terminal, nothing elsewhere.
func newProgress(w io.Writer, quiet bool) progress {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return noProgress{}
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionClearOnFinish(),
	)
}

type noProgress struct{}

func (noProgress) Add(int) error { return nil }
func (noProgress) Clear() error  { return nil }
func (noProgress) Finish() error { return nil }
