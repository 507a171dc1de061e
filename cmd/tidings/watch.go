package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/tidings/tidings"
	"github.com/tidings/tidings/feed"
)

// cmdWatch polls the feeds listed in a file and ingests every new item's
// page: "tidings watch FEEDS-FILE [--once] [--interval 15m]".
func cmdWatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "tidings.db", "store: SQLite file")
	once := fs.Bool("once", false, "poll every feed once, then stop")
	interval := fs.Duration("interval", 15*time.Minute, "time between passes")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds and pages on loopback, private and link-local addresses")
	delay := fs.Duration("delay", time.Second, "least time between two requests to one host")
	concurrency := fs.Int("concurrency", 4, "feeds polled at once")
	timeout := fs.Duration("timeout", feed.DefaultTimeout, "limit of one HTTP request")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tidings watch FEEDS-FILE [--once] [--interval 15m] [--db tidings.db] [--allow-private]\n\n"+
			"FEEDS-FILE lists RSS/Atom feed URLs, one a line; '#' starts a comment.\n"+
			"New items' pages are fetched (politely, honouring robots.txt), analysed and stored;\n"+
			"what was seen is remembered in the store, so restarts fetch nothing twice.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return errSilent
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errSilent
	}
	if *interval < time.Minute && !*once {
		return fmt.Errorf("--interval %s is too short: at least 1m", *interval)
	}
	feeds, err := feed.ReadList(fs.Arg(0))
	if err != nil {
		return err
	}
	if len(feeds) == 0 {
		return fmt.Errorf("%s lists no feeds", fs.Arg(0))
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
	hostDelay := *delay
	if hostDelay == 0 {
		hostDelay = -1 // feed.Options reads 0 as "the default"
	}
	sink := &storeSink{analyze: p.Analyze, store: store}
	w := feed.NewWatcher(store, sink, feed.Options{
		AllowPrivate: *allowPrivate,
		HostDelay:    hostDelay,
		Concurrency:  *concurrency,
		Timeout:      *timeout,
		Log:          stderr,
	})
	err = w.Run(ctx, feeds, *interval, *once)
	fmt.Fprintf(stdout, "stored %d, duplicates %d (%s)\n", sink.stored.Load(), sink.duplicates.Load(), *db)
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// storeSink analyses fetched pages and stores them: the feed.Sink of
// "tidings watch".
type storeSink struct {
	analyze func(ctx context.Context, doc *tidings.Document) (*tidings.Article, error)
	store   tidings.Store

	stored, duplicates atomic.Int64
}

// Ingest implements feed.Sink. An exact duplicate already stored is no
// error: the item is done.
func (s *storeSink) Ingest(ctx context.Context, doc *tidings.Document) error {
	a, err := s.analyze(ctx, doc)
	if err != nil {
		return fmt.Errorf("analyse: %w", err)
	}
	if a.Published == nil && doc.Crawled != nil {
		a.Published = doc.Crawled
	}
	st, err := s.store.Put(ctx, a)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if st == tidings.Duplicate {
		s.duplicates.Add(1)
	} else {
		s.stored.Add(1)
	}
	return nil
}
