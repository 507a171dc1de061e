package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// evalOptions are the flags shared by every eval task.
type evalOptions struct {
	Format string // gold file format where a task reads several (conll, iob2)
	JSON   bool
	Limit  int // score at most this many documents (0: all)
	Stderr io.Writer
}

func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	tasks := evalTasks()
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "", "gold set: file or directory")
	var opts evalOptions
	fs.StringVar(&opts.Format, "format", "", "gold format, where the task reads several")
	fs.BoolVar(&opts.JSON, "json", false, "print the report as one JSON object")
	fs.IntVar(&opts.Limit, "limit", 0, "score at most N documents (0: all)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: tidings eval TASK --gold PATH [--json]\ntasks: %s\n", strings.Join(sortedKeys(tasks), " "))
		fs.PrintDefaults()
	}
	if len(args) == 0 {
		fs.Usage()
		return errSilent
	}
	name := args[0]
	if err := fs.Parse(args[1:]); err != nil {
		return errSilent
	}
	task, ok := tasks[name]
	if !ok {
		fs.Usage()
		return fmt.Errorf("unknown task %q", name)
	}
	if *gold == "" {
		return fmt.Errorf("%s: --gold PATH is required", name)
	}
	opts.Stderr = stderr
	report, err := task(ctx, *gold, opts)
	if err != nil {
		return err
	}
	if opts.JSON {
		return json.NewEncoder(stdout).Encode(report)
	}
	b, err := json.MarshalIndent(report, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, string(b))
	return err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
