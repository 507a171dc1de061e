package analyze

import (
	"context"
	"iter"
	"sync"

	"github.com/tidings/tidings"
)

// Result is the outcome of analysing one document: an article, or the error
// that names the input (reading and analysis errors alike).
type Result struct {
	Doc     *tidings.Document
	Article *tidings.Article
	Err     error
}

// Stream analyses the documents of in on workers goroutines and yields the
// results in input order. A read error from in is passed through as a Result
// with a nil Article, so one bad input never stops the batch. Stopping the
// iteration early, or cancelling ctx, stops the workers.
func (p *Pipeline) Stream(ctx context.Context, in iter.Seq2[*tidings.Document, error], workers int) iter.Seq[Result] {
	if workers < 1 {
		workers = 1
	}
	return func(yield func(Result) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		// Each job carries its own reply channel; jobs are queued in input
		// order, so reading the replies in queue order keeps the order.
		type job struct {
			doc   *tidings.Document
			err   error
			reply chan Result
		}
		jobs := make(chan job, workers)
		order := make(chan chan Result, workers*2)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					if j.err != nil {
						j.reply <- Result{Doc: j.doc, Err: j.err}
						continue
					}
					a, err := p.Analyze(ctx, j.doc)
					j.reply <- Result{Doc: j.doc, Article: a, Err: err}
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			for doc, err := range in {
				j := job{doc: doc, err: err, reply: make(chan Result, 1)}
				select {
				case order <- j.reply:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
		defer wg.Wait()
		for reply := range order {
			select {
			case r := <-reply:
				if !yield(r) {
					cancel()
					drain(order)
					return
				}
			case <-ctx.Done():
				drain(order)
				return
			}
		}
	}
}

// drain empties the order queue so the feeding goroutine can exit.
func drain(order chan chan Result) {
	for range order {
	}
}
