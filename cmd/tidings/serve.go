package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"

	"github.com/tidings/tidings/server"
)

// cmdServe runs "tidings serve": the HTTP API and the web dashboard over the
// store, until interrupted (then it shuts down gracefully).
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT` (loopback by default)")
	dbPath := fs.String("db", "tidings.db", "the store")
	token := fs.String("token", "", "bearer `TOKEN` that POST /api/ingest requires (default $TIDINGS_TOKEN); without one, ingest is disabled")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: tidings serve [flags]

Serves the JSON API (described at /api/openapi.json) and the web dashboard.
Reads are open; POST /api/ingest needs --token or TIDINGS_TOKEN.

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errSilent
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (see tidings serve -h)", fs.Arg(0))
	}
	if *token == "" {
		*token = os.Getenv("TIDINGS_TOKEN")
	}
	db, err := openWriter(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	var an server.Analyzer
	if *token != "" {
		p, err := loadAnalyzer(ctx)
		if err != nil {
			return fmt.Errorf("ingest needs the analyzer: %w", err)
		}
		an = p
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	srv := server.New(db, an, server.Options{Token: *token, Logger: logger})
	return srv.ListenAndServe(ctx, *addr, func(a net.Addr) {
		mode := "ingest disabled (no token)"
		if *token != "" {
			mode = "ingest enabled (bearer token)"
		}
		fmt.Fprintf(stderr, "tidings: serving %s on http://%s/ — %s\n", *dbPath, a, mode)
		if tcp, ok := a.(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
			fmt.Fprintln(stderr, "tidings: warning: listening beyond loopback; reads are open to anyone who can reach this address")
		}
	})
}
