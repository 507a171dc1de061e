package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

func cmdTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	tasks := trainTasks()
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "training data: file or directory")
	out := fs.String("out", "", "where to write the model (default: its place in the source tree)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: tidings train MODEL --data PATH [--out FILE]\nmodels: %s\n", strings.Join(sortedKeys(tasks), " "))
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
		return fmt.Errorf("unknown model %q", name)
	}
	if *data == "" {
		return fmt.Errorf("%s: --data PATH is required", name)
	}
	return task(ctx, *data, *out, stderr)
}
