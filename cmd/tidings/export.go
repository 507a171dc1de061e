package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/export"
)

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "tidings.db", "store: SQLite file")
	format := fs.String("format", "jsonl", "jsonl (full records), csv (one row per article) or gdelt (one tab-separated row per event)")
	query := fs.String("query", "", "full-text query (FTS5 syntax); empty: every article")
	from := fs.String("from", "", "published on or after this date (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "published on or before this date")
	source := fs.String("source", "", "only this source")
	lang := fs.String("lang", "", "only this language")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tidings export [--format jsonl|csv|gdelt] [--query Q] [--from D] [--to D] [--db tidings.db]\n\nWrites the stored articles, newest first, to standard output.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return errSilent
	}
	f := tidings.ArticleFilter{Text: strings.TrimSpace(*query), Source: *source, Language: *lang}
	var err error
	if f.From, err = parseDateFlag("from", *from, false); err != nil {
		return err
	}
	if f.To, err = parseDateFlag("to", *to, true); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(stdout, 64<<10)
	w, err := export.New(bw, *format)
	if err != nil {
		return err
	}
	store, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	n := 0
	err = store.EachArticle(ctx, f, func(h tidings.Hit) error {
		a, err := store.Get(ctx, h.ID)
		if err != nil {
			return fmt.Errorf("%s: %w", h.ID, err)
		}
		n++
		return w.Write(a)
	})
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "exported %d articles\n", n)
	return nil
}
