// Command tidings turns raw news into a queryable record of what happened.
// See DESIGN.md for the flow and the article record contract. This package
// only wires the others together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"syscall"
)

// command is one subcommand: it gets its own arguments (after the name) and
// returns an error to print; errSilent means "failed, already reported".
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// errSilent is returned by a command that already told the user what failed
// and only needs the exit status to say so.
var errSilent = errors.New("failed")

// commands lists the subcommands, one line each. Each lives in its own
// file of this package.
func commands() map[string]command {
	return map[string]command{
		"eval":    {"score a component against a gold set", cmdEval},
		"train":   {"rebuild a shipped model from its data", cmdTrain},
		"analyze": {"print article records of files, directories or stdin; store nothing", cmdAnalyze},
		"ingest":  {"analyse files and directories into the store", cmdIngest},
		"search":  {"full-text search of stored articles", cmdSearch},
		"serve":   {"HTTP API and web dashboard", cmdServe},
		"watch":   {"poll feeds and ingest what is new", cmdWatch},
		"export":  {"write stored records as JSON lines, CSV or a GDELT-style event table", cmdExport},
	}
}

// evalTask scores one component against a gold set and returns a JSON-able
// report. opts holds the flags of "tidings eval" (see eval.go).
type evalTask func(ctx context.Context, gold string, opts evalOptions) (any, error)

// evalTasks lists what "tidings eval TASK" can score.
func evalTasks() map[string]evalTask {
	return map[string]evalTask{
		"dedup":      evalDedup,
		"pos":        evalPOS,
		"deps":       evalDeps,
		"sentences":  evalSentences,
		"quotes":     evalQuotes,
		"counts":     evalCounts,
		"events":     evalEvents,
		"ner":        evalNER,
		"entities":   evalEntities,
		"extraction": evalExtraction,
	}
}

// trainTask rebuilds one shipped model from its data.
type trainTask func(ctx context.Context, data, out string, stderr io.Writer) error

// trainTasks lists what "tidings train MODEL" can rebuild.
func trainTasks() map[string]trainTask {
	return map[string]trainTask{
		"tagger": trainTagger,
		"parser": trainParser,
		"ner":    trainNER,
	}
}

func main() {
	setGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "tidings: unknown command %q\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	if err := c.run(ctx, args[1:], stdout, stderr); err != nil {
		if !errors.Is(err, errSilent) {
			fmt.Fprintf(stderr, "tidings %s: %v\n", args[0], err)
		}
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: tidings COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'tidings COMMAND -h' for a command's flags.")
}

// setGC collects garbage at three times the live heap unless GOGC says
// otherwise: analysis allocates a lot of short-lived memory, and the
// default (twice) costs ~4% more CPU for ~150 MB less memory. The
// benchmarks use it too, so they measure what the binary runs.
func setGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}
