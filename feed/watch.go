package feed

import (
	"context"
	"fmt"
	"io"
	"log"
	"mime"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/tidings/tidings"
	src "github.com/tidings/tidings/source"
)

// Sink takes a fetched page for analysis and storage. An error marks the
// item as failed; it is retried on a later pass, up to MaxAttempts times.
type Sink interface {
	Ingest(ctx context.Context, doc *tidings.Document) error
}

// Item statuses kept in State.
const (
	StatusDone    = "done"    // ingested
	StatusFailed  = "failed"  // fetch or ingest failed; retried later
	StatusSkipped = "skipped" // robots.txt forbids it, or it has no link
)

// MaxAttempts is how often a failing item is tried before it is given up.
const MaxAttempts = 3

// ItemState is what is remembered about one item.
type ItemState struct {
	Status   string // "" for an item never seen
	Attempts int
}

// State remembers feeds' validators and items' outcomes across passes and
// restarts. Package sqlite keeps it in the article database; MemState in
// memory.
type State interface {
	FeedState(ctx context.Context, feedURL string) (Conditional, error)
	SaveFeedState(ctx context.Context, feedURL string, c Conditional, checked time.Time) error
	ItemState(ctx context.Context, key string) (ItemState, error)
	SaveItemState(ctx context.Context, feedURL, key string, st ItemState) error
}

// Options configure a Watcher; zero values take the defaults.
type Options struct {
	// AllowPrivate permits loopback, private and link-local addresses.
	AllowPrivate bool
	// HostDelay is the least time between two requests to one host
	// (0: 1s; negative: none); requests to one host never overlap.
	HostDelay time.Duration
	// Concurrency is how many feeds are polled at once (default 4).
	Concurrency  int
	Timeout      time.Duration
	MaxFeedBytes int64
	MaxPageBytes int64
	UserAgent    string
	// Log receives one line per feed per pass and one per failed item.
	Log io.Writer
}

// Watcher polls feeds and ingests their new items.
type Watcher struct {
	state  State
	sink   Sink
	opts   Options
	fetch  *Fetcher
	gate   *hostGate
	robots *robotsCache
	log    *log.Logger
}

// NewWatcher returns a Watcher writing new items to sink.
func NewWatcher(state State, sink Sink, opts Options) *Watcher {
	if opts.HostDelay < 0 {
		opts.HostDelay = 0
	} else if opts.HostDelay == 0 {
		opts.HostDelay = time.Second
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 4
	}
	if opts.MaxFeedBytes <= 0 {
		opts.MaxFeedBytes = DefaultMaxFeedBytes
	}
	if opts.MaxPageBytes <= 0 {
		opts.MaxPageBytes = DefaultMaxPageBytes
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	w := &Watcher{
		state: state,
		sink:  sink,
		opts:  opts,
		fetch: NewFetcher(opts.AllowPrivate, opts.Timeout, opts.UserAgent),
		gate:  &hostGate{delay: opts.HostDelay, hosts: map[string]*hostSlot{}},
		log:   log.New(opts.Log, "", log.LstdFlags),
	}
	w.robots = &robotsCache{w: w, entries: map[string]*robotsEntry{}}
	return w
}

// Report is the outcome of one feed in one pass.
type Report struct {
	Feed        string
	NotModified bool
	Items       int // in the feed
	New         int // not seen before (or retried)
	Ingested    int
	Failed      int
	Skipped     int
	Err         error // the feed itself could not be fetched or parsed
	Took        time.Duration
}

func (r *Report) String() string {
	switch {
	case r.Err != nil:
		return fmt.Sprintf("feed %s: error: %v (%s)", r.Feed, r.Err, r.Took.Round(time.Millisecond))
	case r.NotModified:
		return fmt.Sprintf("feed %s: not modified (%s)", r.Feed, r.Took.Round(time.Millisecond))
	}
	return fmt.Sprintf("feed %s: %d items, %d new: %d ingested, %d failed, %d skipped (%s)",
		r.Feed, r.Items, r.New, r.Ingested, r.Failed, r.Skipped, r.Took.Round(time.Millisecond))
}

// Run polls feeds every interval until ctx ends; once makes one pass.
func (w *Watcher) Run(ctx context.Context, feeds []string, interval time.Duration, once bool) error {
	for {
		w.Pass(ctx, feeds)
		if once {
			return ctx.Err()
		}
		t := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// Pass polls every feed once, Concurrency at a time, and returns their
// reports in the order of feeds. A broken feed or page never stops the
// others.
func (w *Watcher) Pass(ctx context.Context, feeds []string) []Report {
	reports := make([]Report, len(feeds))
	sem := make(chan struct{}, w.opts.Concurrency)
	var wg sync.WaitGroup
	for i, f := range feeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				reports[i] = Report{Feed: f, Err: ctx.Err()}
				return
			}
			defer func() { <-sem }()
			reports[i] = w.pollFeed(ctx, f)
			w.log.Print(reports[i].String())
		}()
	}
	wg.Wait()
	return reports
}

func (w *Watcher) pollFeed(ctx context.Context, feedURL string) (rep Report) {
	start := time.Now()
	rep.Feed = feedURL
	defer func() { rep.Took = time.Since(start) }()
	cond, err := w.state.FeedState(ctx, feedURL)
	if err != nil {
		rep.Err = fmt.Errorf("state: %w", err)
		return rep
	}
	resp, err := w.get(ctx, feedURL, cond, w.opts.MaxFeedBytes)
	if err != nil {
		rep.Err = err
		return rep
	}
	if resp.NotModified() {
		rep.NotModified = true
		if err := w.state.SaveFeedState(ctx, feedURL, cond, time.Now()); err != nil {
			rep.Err = fmt.Errorf("state: %w", err)
		}
		return rep
	}
	f, err := Parse(resp.Body, resp.URL)
	if err != nil {
		rep.Err = err
		return rep
	}
	rep.Items = len(f.Items)
	source := f.Title
	for _, it := range f.Items {
		if ctx.Err() != nil {
			rep.Err = ctx.Err()
			return rep
		}
		w.handleItem(ctx, feedURL, source, it, &rep)
	}
	// Validators are saved last: a pass cut short fetches the feed again.
	c := Conditional{ETag: resp.ETag, LastModified: resp.LastModified}
	if err := w.state.SaveFeedState(ctx, feedURL, c, time.Now()); err != nil {
		rep.Err = fmt.Errorf("state: %w", err)
	}
	return rep
}

func (w *Watcher) handleItem(ctx context.Context, feedURL, source string, it Item, rep *Report) {
	st, err := w.state.ItemState(ctx, it.Key)
	if err != nil {
		rep.Failed++
		w.log.Printf("  item %s: state: %v", it.Key, err)
		return
	}
	if st.Status == StatusDone || st.Status == StatusSkipped || (st.Status == StatusFailed && st.Attempts >= MaxAttempts) {
		return
	}
	rep.New++
	save := func(status string) {
		st.Status = status
		if status == StatusFailed {
			st.Attempts++
		}
		if err := w.state.SaveItemState(ctx, feedURL, it.Key, st); err != nil {
			w.log.Printf("  item %s: state: %v", it.Key, err)
		}
	}
	if it.Link == "" {
		rep.Skipped++
		save(StatusSkipped)
		return
	}
	if ok, err := w.robots.allowed(ctx, it.Link); err != nil || !ok {
		rep.Skipped++
		w.log.Printf("  item %s: skipped: disallowed by robots.txt", it.Link)
		save(StatusSkipped)
		return
	}
	doc, err := w.fetchPage(ctx, it, source)
	if err == nil {
		err = w.sink.Ingest(ctx, doc)
	}
	if err != nil {
		rep.Failed++
		w.log.Printf("  item %s: %v", it.Link, err)
		save(StatusFailed)
		return
	}
	rep.Ingested++
	save(StatusDone)
}

// fetchPage fetches an item's page and makes the Document to ingest.
func (w *Watcher) fetchPage(ctx context.Context, it Item, source string) (*tidings.Document, error) {
	resp, err := w.get(ctx, it.Link, Conditional{}, w.opts.MaxPageBytes)
	if err != nil {
		return nil, err
	}
	if mt, _, _ := mime.ParseMediaType(resp.ContentType); resp.ContentType != "" &&
		mt != "text/html" && mt != "application/xhtml+xml" {
		return nil, fmt.Errorf("not an HTML page (%s)", resp.ContentType)
	}
	now := time.Now().UTC()
	if source == "" {
		source = hostOf(resp.URL)
	}
	return &tidings.Document{
		Name:      it.Link,
		URL:       resp.URL,
		Title:     it.Title,
		Source:    source,
		Published: it.Published,
		Crawled:   &now,
		Authors:   it.Authors,
		Format:    tidings.FormatHTML,
		Body:      src.DecodeDeclared(resp.Body, resp.ContentType),
	}, nil
}

// get fetches through the host gate.
func (w *Watcher) get(ctx context.Context, rawURL string, cond Conditional, limit int64) (*Response, error) {
	release, err := w.gate.acquire(ctx, hostOf(rawURL))
	if err != nil {
		return nil, err
	}
	defer release()
	return w.fetch.Get(ctx, rawURL, cond, limit)
}

func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// hostGate serialises requests per host and spaces them by delay.
type hostGate struct {
	delay time.Duration
	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	busy chan struct{}
	last time.Time
	// delay, when longer than the gate's, is the host's own Crawl-delay.
	delay time.Duration
}

// slot returns the host's slot, creating it.
func (g *hostGate) slot(host string) *hostSlot {
	g.mu.Lock()
	defer g.mu.Unlock()
	s, ok := g.hosts[host]
	if !ok {
		s = &hostSlot{busy: make(chan struct{}, 1)}
		g.hosts[host] = s
	}
	return s
}

// setDelay raises the spacing of requests to host to d.
func (g *hostGate) setDelay(host string, d time.Duration) {
	s := g.slot(host)
	g.mu.Lock()
	defer g.mu.Unlock()
	s.delay = max(s.delay, d)
}

func (g *hostGate) acquire(ctx context.Context, host string) (release func(), err error) {
	s := g.slot(host)
	select {
	case s.busy <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	g.mu.Lock()
	delay := max(g.delay, s.delay)
	g.mu.Unlock()
	if wait := time.Until(s.last.Add(delay)); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-s.busy
			return nil, ctx.Err()
		}
	}
	return func() {
		s.last = time.Now()
		<-s.busy
	}, nil
}

// robotsCache keeps each origin's robots.txt for a day.
type robotsCache struct {
	w       *Watcher
	mu      sync.Mutex
	entries map[string]*robotsEntry
}

type robotsEntry struct {
	mu      sync.Mutex
	robots  *Robots
	expires time.Time
}

// How long robots.txt answers are kept: a day for a file (or its
// absence), minutes for a server error so a passing outage does not shut
// a site out for long.
const (
	robotsTTL      = 24 * time.Hour
	robotsErrorTTL = 10 * time.Minute
)

func (c *robotsCache) allowed(ctx context.Context, rawURL string) (bool, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false, err
	}
	origin := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e, ok := c.entries[origin]
	if !ok {
		e = &robotsEntry{}
		c.entries[origin] = e
	}
	c.mu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.robots == nil || time.Now().After(e.expires) {
		e.robots = c.load(ctx, origin)
		e.expires = time.Now().Add(robotsTTL)
		if e.robots == DisallowAll {
			e.expires = time.Now().Add(robotsErrorTTL)
		}
		if e.robots.CrawlDelay > 0 {
			c.w.gate.setDelay(strings.ToLower(u.Host), e.robots.CrawlDelay)
		}
	}
	return e.robots.Allowed(u.RequestURI()), nil
}

// load fetches robots.txt: a 4xx means no rules, a server or network
// error means stay away (RFC 9309 §2.3.1).
func (c *robotsCache) load(ctx context.Context, origin string) *Robots {
	resp, err := c.w.get(ctx, origin+"/robots.txt", Conditional{}, maxRobotsBytes)
	switch {
	case err == nil:
		return ParseRobots(resp.Body, c.w.opts.UserAgent)
	case resp != nil && resp.Status >= 400 && resp.Status < 500:
		return AllowAll
	default:
		return DisallowAll
	}
}

// MemState is an in-memory State.
type MemState struct {
	mu    sync.Mutex
	feeds map[string]Conditional
	items map[string]ItemState
}

// NewMemState returns an empty MemState.
func NewMemState() *MemState {
	return &MemState{feeds: map[string]Conditional{}, items: map[string]ItemState{}}
}

// FeedState implements State.
func (m *MemState) FeedState(_ context.Context, feedURL string) (Conditional, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.feeds[feedURL], nil
}

// SaveFeedState implements State.
func (m *MemState) SaveFeedState(_ context.Context, feedURL string, c Conditional, _ time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[feedURL] = c
	return nil
}

// ItemState implements State.
func (m *MemState) ItemState(_ context.Context, key string) (ItemState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.items[key], nil
}

// SaveItemState implements State.
func (m *MemState) SaveItemState(_ context.Context, _, key string, st ItemState) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[key] = st
	return nil
}
