package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"runtime"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/source"
	"github.com/tidings/tidings/warc"
)

func cmdAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: json (indented) or jsonl (one record a line)")
	raw := fs.Bool("raw", false, "analyze text exactly as given: no extraction or cleaning, offsets are input offsets")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles analysed at once")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tidings analyze FILE|DIR|- [--format json|jsonl] [--raw]\n\nPrints article records; stores nothing.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return errSilent
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errSilent
	}
	if *format != "json" && *format != "jsonl" {
		return fmt.Errorf("unknown --format %q (want json or jsonl)", *format)
	}
	p, err := loadAnalyzer(ctx)
	if err != nil {
		return err
	}
	out := newRecordWriter(stdout, *format)
	failed := 0
	for r := range p.Stream(ctx, readAll(ctx, fs.Args(), *raw), *workers) {
		if r.Err != nil {
			failed++
			fmt.Fprintf(stderr, "error: %v\n", r.Err)
			continue
		}
		if err := out.Write(r.Article); err != nil {
			return err
		}
	}
	if err := out.Close(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "%d input(s) failed\n", failed)
		return errSilent
	}
	return nil
}

// readAll reads every path in turn (files, directories, "-" for stdin).
func readAll(ctx context.Context, paths []string, raw bool) iter.Seq2[*tidings.Document, error] {
	return func(yield func(*tidings.Document, error) bool) {
		for _, path := range paths {
			for doc, err := range readPath(ctx, path, raw) {
				if doc != nil {
					doc.Raw = raw
				}
				if !yield(doc, err) {
					return
				}
			}
		}
	}
}

// recordWriter prints records as JSON lines, or as indented JSON: one object
// for a single record, an array for several.
type recordWriter struct {
	w      io.Writer
	format string
	first  *tidings.Article
	n      int
}

func newRecordWriter(w io.Writer, format string) *recordWriter {
	return &recordWriter{w: w, format: format}
}

func (rw *recordWriter) Write(a *tidings.Article) error {
	rw.n++
	if rw.format == "jsonl" {
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(rw.w, "%s\n", b)
		return err
	}
	switch rw.n {
	case 1:
		rw.first = a
		return nil
	case 2:
		if _, err := io.WriteString(rw.w, "[\n"); err != nil {
			return err
		}
		if err := rw.indented(rw.first, ",\n"); err != nil {
			return err
		}
		rw.first = nil
	default:
		if _, err := io.WriteString(rw.w, ",\n"); err != nil {
			return err
		}
	}
	return rw.indented(a, "")
}

func (rw *recordWriter) indented(a *tidings.Article, after string) error {
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(rw.w, "%s%s", b, after)
	return err
}

// Close ends the output: the single buffered record, or the array.
func (rw *recordWriter) Close() error {
	if rw.format == "jsonl" || rw.n == 0 {
		return nil
	}
	if rw.n == 1 {
		return rw.indented(rw.first, "\n")
	}
	_, err := io.WriteString(rw.w, "\n]\n")
	return err
}

// interleaved moves flags that follow positional arguments to the front, so
// "tidings analyze FILE --format jsonl" works as users expect (see
// reorderArgs); the flags that take a value are read off fs.
func interleaved(fs *flag.FlagSet, args []string) []string {
	valueFlags := map[string]bool{}
	fs.VisitAll(func(f *flag.Flag) {
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
			valueFlags[f.Name] = true
		}
	})
	return reorderArgs(args, valueFlags)
}

// readPath picks the reader for one path by its name: WARC archives go to
// package warc, everything else to package source.
func readPath(ctx context.Context, path string, raw bool) iter.Seq2[*tidings.Document, error] {
	if warc.IsArchive(path) {
		return warc.Read(ctx, path)
	}
	return source.ReadWith(ctx, path, source.Options{Raw: raw})
}
