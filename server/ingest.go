package server

import (
	"bufio"
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/tidings/tidings"
)

// inputDoc is one line of an ingest body: the JSON lines input of DESIGN.md.
type inputDoc struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Source    string   `json:"source"`
	Authors   []string `json:"authors"`
	Text      *string  `json:"text"`
	HTML      *string  `json:"html"`
	Published string   `json:"published"`
}

// ingestResult says what happened to one input.
type ingestResult struct {
	Name   string `json:"name"`
	ID     string `json:"id,omitempty"`
	Status string `json:"status"` // stored, duplicate, error
	Error  string `json:"error,omitempty"`
}

type ingestResponse struct {
	Stored     int            `json:"stored"`
	Duplicates int            `json:"duplicates"`
	Failed     int            `json:"failed"`
	Results    []ingestResult `json:"results"`
}

// authorize checks the write token and rate limit of a write request and
// answers the failure itself; it reports whether the request may go on.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if s.opts.Token == "" || s.analyzer == nil {
		writeError(w, http.StatusForbidden, "ingest is disabled: start the server with --token or TIDINGS_TOKEN")
		return false
	}
	if ok, wait := s.writes.allow(); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait/time.Second)+1))
		writeError(w, http.StatusTooManyRequests, "too many write requests; retry later")
		return false
	}
	auth := r.Header.Get("Authorization")
	tok, found := strings.CutPrefix(auth, "Bearer ")
	if !found || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.opts.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="tidings"`)
		writeError(w, http.StatusUnauthorized, "missing or wrong bearer token")
		return false
	}
	return true
}

func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	if _, err := query(r.URL.RawQuery); bad(w, err) {
		return
	}
	var resp ingestResponse
	add := func(res ingestResult) {
		switch res.Status {
		case "stored":
			resp.Stored++
		case "duplicate":
			resp.Duplicates++
		default:
			resp.Failed++
		}
		resp.Results = append(resp.Results, res)
	}
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	if ct == "multipart/form-data" {
		err = s.ingestMultipart(r, params["boundary"], add)
	} else {
		err = s.ingestLines(r.Context(), "body", r.Body, add)
	}
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit))
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if len(resp.Results) == 0 {
		writeError(w, http.StatusBadRequest, "empty body: send JSON lines {\"id\",\"url\",\"title\",\"text\"|\"html\",\"published\"} or multipart files")
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// ingestMultipart ingests each file part: JSON lines when the file is
// .jsonl/.json or starts with '{', else one HTML or text document.
func (s *Server) ingestMultipart(r *http.Request, boundary string, add func(ingestResult)) error {
	if boundary == "" {
		return errors.New("multipart body without boundary")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return fmt.Errorf("read multipart body: %w", err)
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read multipart body: %w", err)
		}
		name := part.FileName()
		if name == "" {
			part.Close()
			continue // a form field, not a file
		}
		br := bufio.NewReader(part)
		head, _ := br.Peek(64)
		ext := strings.ToLower(path.Ext(name))
		if ext == ".jsonl" || ext == ".json" || bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")) {
			err = s.ingestLines(r.Context(), name, br, add)
		} else {
			var body []byte
			body, err = io.ReadAll(br)
			if err == nil {
				doc := &tidings.Document{Name: name, Format: tidings.FormatText, Body: body}
				if ext == ".html" || ext == ".htm" {
					doc.Format = tidings.FormatHTML
				}
				add(s.ingestDoc(r.Context(), doc))
			}
		}
		part.Close()
		if err != nil {
			return err
		}
	}
}

// ingestLines ingests JSON lines from body; a bad line is reported and
// skipped, an unreadable body stops.
func (s *Server) ingestLines(ctx context.Context, name string, body io.Reader, add func(ingestResult)) error {
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 0, 64<<10), int(s.opts.MaxBody))
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		lname := name + ":" + strconv.Itoa(n)
		doc, err := parseInputDoc(lname, line)
		if err != nil {
			add(ingestResult{Name: lname, Status: "error", Error: err.Error()})
			continue
		}
		add(s.ingestDoc(ctx, doc))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// parseInputDoc reads one JSON line into a Document.
func parseInputDoc(name string, line []byte) (*tidings.Document, error) {
	var in inputDoc
	if err := json.Unmarshal(line, &in); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	doc := &tidings.Document{Name: name, ID: in.ID, URL: in.URL, Title: in.Title, Source: in.Source, Authors: in.Authors}
	switch {
	case in.Text != nil && in.HTML != nil:
		return nil, errors.New(`both "text" and "html" given`)
	case in.Text != nil:
		doc.Format, doc.Body = tidings.FormatText, []byte(*in.Text)
	case in.HTML != nil:
		doc.Format, doc.Body = tidings.FormatHTML, []byte(*in.HTML)
	default:
		return nil, errors.New(`no "text" or "html"`)
	}
	if in.Published != "" {
		t, err := parseTime("published", in.Published, false)
		if err != nil {
			return nil, err
		}
		doc.Published = t
	}
	return doc, nil
}

// ingestDoc analyzes and stores one document.
func (s *Server) ingestDoc(ctx context.Context, doc *tidings.Document) ingestResult {
	res := ingestResult{Name: doc.Name, ID: doc.ID, Status: "error"}
	a, err := s.analyzer.Analyze(ctx, doc)
	if err != nil {
		res.Error = "analyze: " + err.Error()
		return res
	}
	res.ID = a.ID
	st, err := s.store.Put(ctx, a)
	if err != nil {
		res.Error = "store: " + err.Error()
		return res
	}
	res.Status = "stored"
	if st == tidings.Duplicate {
		res.Status = "duplicate"
	}
	return res
}
