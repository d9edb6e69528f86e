package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kg-project/kg/internal/loader/input"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph/store"
)

type serveOptions struct {
	IO      *ioStreams
	Store   func() (*store.Store, error)
	Addr    string
	Token   string
	CORS    string
	MaxBody int64
	// MaxAnswer bounds what one query may answer.
	MaxAnswer int64
	// Ready, when set, is told the address the server listens on (tests
	// listen on port 0).
	Ready func(addr string)
}

// serveQueries are the commands the API answers at /api/NAME with GET, as
// the CLI does: flags as query parameters, positional arguments as arg.
var serveQueries = []string{"actors", "balance", "central", "communities", "compare", "docs", "export", "graph", "link",
	"neighbors", "panel", "path", "stats", "timeline", "triples"}

// The graph page at /: the page, and the bundle that go generate builds
// from web/ (sigma.js and graphology), committed so that go install needs
// no Node.
var (
	//go:embed web/index.html
	pageHTML []byte
	//go:embed web/app.js
	pageJS []byte
)

//go:generate sh -c "cd ../../web && npm ci --no-audit --no-fund && npm run build"

// serveWrites are the commands the API runs with POST, the request's body
// standing for their stdin.
var serveWrites = []string{"import", "load"}

func newCmdServe(f *factory, runF func(*serveOptions) error) *cobra.Command {
	opts := &serveOptions{IO: f.IO, Store: func() (*store.Store, error) { return f.openStore(false) }}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Hold the store and answer queries and loads over HTTP, at once",
		Long: `Serve the store over HTTP: one process holds it, so queries keep answering
while documents load, and scripts and notebooks ask without starting kg for
every question.

GET /api/NAME runs the query command NAME (` + strings.Join(serveQueries, ", ") + `)
with its flags as query parameters and its positional arguments as arg, and
answers with the JSON it prints with --format json (or ?format=jsonl|csv):
  /api/path?arg=India&arg=Pakistan&k=2
  /api/central?measure=pagerank&top=10&since=2012
POST /api/load and POST /api/import take a body of JSON Lines documents, or
of triples, as kg load - and kg import - read stdin; queries see each
committed batch. A usage error answers 400, a failed command 422, both with
{"error": "..."}. docs/api.md lists the routes.

The server listens on loopback unless --addr says otherwise; another address
needs --token (or KG_TOKEN), which every request must then give as
"Authorization: Bearer TOKEN". Cross-origin requests are refused unless
--cors names the origin allowed. Ctrl-C or SIGTERM stops it after the
requests under way.`,
		Example: `  kg serve
  kg serve --addr 0.0.0.0:7474 --token "$(openssl rand -hex 16)"
  curl 'http://127.0.0.1:7474/api/link?arg=India&arg=Russia&arg=Pakistan'`,
		Args: noPositionalArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Token == "" {
				opts.Token = envOr("KG_TOKEN", "")
			}
			host, _, err := net.SplitHostPort(opts.Addr)
			if err != nil {
				return flagErrorf(cmd, "--addr %q: %v", opts.Addr, err)
			}
			if ip := net.ParseIP(host); (ip == nil || !ip.IsLoopback()) && host != "localhost" && opts.Token == "" {
				return flagErrorf(cmd, "--addr %s is not loopback: give --token (or KG_TOKEN) so that strangers cannot read or write the store", opts.Addr)
			}
			if opts.MaxBody <= 0 || opts.MaxAnswer <= 0 {
				return flagErrorf(cmd, "--max-body and --max-answer must be positive")
			}
			if runF != nil {
				return runF(opts)
			}
			return runServe(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Addr, "addr", "127.0.0.1:7474", "address to listen on")
	fl.StringVar(&opts.Token, "token", "", "bearer token every request must give (env KG_TOKEN); required off loopback")
	fl.StringVar(&opts.CORS, "cors", "", "origin allowed to call the API from a browser (default: none)")
	opts.MaxBody, opts.MaxAnswer = 64<<20, 1<<30
	fl.Var(maxSizeValue(&opts.MaxBody), "max-body", "largest request body: 64MB, 1GB")
	fl.Var(maxSizeValue(&opts.MaxAnswer), "max-answer", "largest answer to one query")
	return cmd
}

func runServe(ctx context.Context, opts *serveOptions) error {
	s, err := opts.Store()
	if err != nil {
		return err
	}
	srv := &server{store: s, opts: opts}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	// Beside the store, where kg finds it when the store is held: the
	// address, and the token a command must give.
	note := serveNote(s.Dir())
	b, _ := json.Marshal(serveFile{Addr: ln.Addr().String(), Token: opts.Token})
	if err := os.WriteFile(note, b, 0o600); err != nil {
		ln.Close()
		return fmt.Errorf("serve: write %s: %w", note, err)
	}
	defer os.Remove(note)
	fmt.Fprintf(opts.IO.ErrOut, "kg: serving %s on http://%s/api/\n", s.Dir(), ln.Addr())
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Let the requests under way finish; a load's batch is one
	// transaction, committed or not, whatever happens.
	shut, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	return nil
}

// server answers the API by running kg's own commands on the store it
// holds, so an answer is the CLI's, byte for byte.
type server struct {
	store *store.Store
	opts  *serveOptions
	// writes runs one load or import at a time, as one kg process would.
	writes sync.Mutex
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.opts.CORS != "" {
		w.Header().Set("Access-Control-Allow-Origin", s.opts.CORS)
		w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
	} else if r.Header.Get("Origin") != "" {
		apiError(w, http.StatusForbidden, "cross-origin requests are refused (kg serve --cors ORIGIN allows one)")
		return
	}
	if s.opts.Token != "" && r.Header.Get("Authorization") != "Bearer "+s.opts.Token {
		apiError(w, http.StatusUnauthorized, "give the server's token as Authorization: Bearer TOKEN")
		return
	}
	if r.URL.Path == "/api/run" && r.Method == http.MethodPost {
		s.runCommand(w, r)
		return
	}
	if r.Method == http.MethodGet {
		switch r.URL.Path {
		case "/", "/index.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(pageHTML)
			return
		case "/app.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Write(pageJS)
			return
		}
	}
	name, ok := strings.CutPrefix(r.URL.Path, "/api/")
	if !ok {
		apiError(w, http.StatusNotFound, "the API is under /api/ (see docs/api.md); the graph page is at /")
		return
	}
	write := slices.Contains(serveWrites, name)
	switch {
	case slices.Contains(serveQueries, name) && r.Method == http.MethodGet:
	case write && r.Method == http.MethodPost:
	case slices.Contains(serveQueries, name) || write:
		apiError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s /api/%s: queries take GET, load and import POST", r.Method, name))
		return
	default:
		apiError(w, http.StatusNotFound, fmt.Sprintf("no command %q (queries: %s; POST: %s)", name,
			strings.Join(serveQueries, ", "), strings.Join(serveWrites, ", ")))
		return
	}
	command := name
	if name == "graph" {
		// The graph page's data: the filtered graph as kg export writes
		// it for graphology.
		command = "export"
	}
	args, format, err := commandArgs(command, r.URL.Query(), write, name == "graph")
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	var in io.Reader = strings.NewReader("")
	if write {
		in = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
		s.writes.Lock()
		defer s.writes.Unlock()
	}
	var summary, errOut bytes.Buffer
	// A query's answer streams to the client as the command writes it (a
	// triples listing of a large store holds nothing back), up to
	// --max-answer; a load's summary is kept for its events.
	answer := &streamAnswer{w: w, contentType: contentType(format), max: s.opts.MaxAnswer}
	var out io.Writer = answer
	var events *eventStream
	if write {
		out = &summary
		if strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
			events = newEventStream(w)
		}
	}
	f := &factory{IO: &ioStreams{In: in, Out: out, ErrOut: &errOut}, store: s.store, shared: true}
	if events != nil {
		f.progress = events.progress
	}
	code := exitCode(f.IO, execute(r.Context(), f, args))
	switch {
	case events != nil:
		events.end(code, summary.Bytes(), firstLine(errOut.String()))
	case answer.tooLarge:
		if !answer.started {
			apiError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the answer is larger than %s (--max-answer): narrow the filters", input.FormatSize(s.opts.MaxAnswer)))
		}
		// Under way already: the client sees it cut short.
	case code == 0 && write:
		w.Header().Set("Content-Type", "application/json")
		w.Write(summary.Bytes())
	case code == 0:
		answer.start() // an empty answer is still an answer
	case answer.started:
		// The command failed after it began to answer; the status is
		// sent, so the client sees the answer cut short.
	case code == 2:
		apiError(w, http.StatusBadRequest, firstLine(errOut.String()))
	default:
		apiError(w, http.StatusUnprocessableEntity, firstLine(errOut.String()))
	}
}

// streamAnswer passes a command's output to the client, sending the 200
// status and content type with its first byte, so that a command that
// fails before writing anything still gets its error status, and stops
// the command past max bytes.
type streamAnswer struct {
	w           http.ResponseWriter
	contentType string
	max         int64
	n           int64
	started     bool
	tooLarge    bool
}

var errAnswerTooLarge = errors.New("the answer is larger than --max-answer")

func (a *streamAnswer) start() {
	if !a.started {
		a.w.Header().Set("Content-Type", a.contentType)
		a.w.WriteHeader(http.StatusOK)
		a.started = true
	}
}

func (a *streamAnswer) Write(p []byte) (int, error) {
	if a.n+int64(len(p)) > a.max {
		a.tooLarge = true
		return 0, errAnswerTooLarge
	}
	a.start()
	a.n += int64(len(p))
	return a.w.Write(p)
}

// commandArgs turns a request into the command line it stands for: arg
// parameters are positional, every other parameter a flag; a flag given
// several times repeats. Loads and imports read their body as stdin.
func commandArgs(name string, q url.Values, write, graphPage bool) (args []string, format string, err error) {
	args = []string{name}
	args = append(args, q["arg"]...)
	keys := make([]string, 0, len(q))
	for k := range q {
		if k != "arg" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	format = "json"
	for _, k := range keys {
		if k == "store" || k == "o" || k == "output" || k == "plot" || k == "cpuprofile" {
			return nil, "", fmt.Errorf("parameter %q is not for the API: the server's store and answer are the only ones", k)
		}
		for _, v := range q[k] {
			if k == "format" {
				format = v
				continue
			}
			args = append(args, "--"+k+"="+v)
		}
	}
	switch {
	case write:
		args = append(args, "-", "--format=json")
		format = "json"
	case name == "export" && graphPage:
		if format != "json" {
			return nil, "", fmt.Errorf("format %q: /api/graph answers graphology JSON", format)
		}
		args = append(args, "--format=json", "--json-style=graphology", "-o", "-")
	case name == "export":
		// The formats of one file; the others write directories.
		if !slices.Contains([]string{"graphml", "gexf", "dot", "json"}, format) {
			return nil, "", fmt.Errorf("format %q: /api/export answers graphml, gexf, dot or json", format)
		}
		args = append(args, "--format="+format, "-o", "-")
	default:
		if format != "json" && format != "jsonl" && format != "csv" {
			return nil, "", fmt.Errorf("format %q: the API answers json, jsonl or csv", format)
		}
		args = append(args, "--format="+format)
	}
	return args, format, nil
}

func contentType(format string) string {
	switch format {
	case "csv":
		return "text/csv; charset=utf-8"
	case "jsonl":
		return "application/x-ndjson"
	case "graphml", "gexf":
		return "application/xml"
	case "dot":
		return "text/vnd.graphviz"
	}
	return "application/json"
}

func apiError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": strings.TrimPrefix(msg, "kg: ")})
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if s == "" {
		return "the command failed"
	}
	return s
}

// serveFile is what kg serve writes beside the store it holds.
type serveFile struct {
	Addr  string `json:"addr"`
	Token string `json:"token,omitempty"`
}

// serverAlive says whether a kg serve that says it holds store dir
// answers at its address; a note left by a killed server does not.
func serverAlive(dir string) bool {
	sf, ok := readServeNote(dir)
	if !ok {
		return false
	}
	c, err := net.DialTimeout("tcp", sf.Addr, 300*time.Millisecond)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// readServeNote reads the note beside store dir that a server holding it
// wrote; ok is false when there is none, or it names no address.
func readServeNote(dir string) (sf serveFile, ok bool) {
	b, err := os.ReadFile(serveNote(dir))
	if err != nil || json.Unmarshal(b, &sf) != nil || sf.Addr == "" {
		return serveFile{}, false
	}
	return sf, true
}

// serveNote is the file beside store dir that names the server holding it.
func serveNote(dir string) string {
	return filepath.Clean(dir) + ".serve.json"
}

// runRequest is a command line that a kg process, finding the store held
// by kg serve, hands to the server to run as it would have.
type runRequest struct {
	Args []string `json:"args"`
	TTY  bool     `json:"tty"`
}

// runResult is what the command printed and how it ended.
type runResult struct {
	Code   int    `json:"code"`
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
}

// runCommand runs a forwarded query command line: one of the query
// commands, never a flag that names another store or a file to write.
func (s *server) runCommand(w http.ResponseWriter, r *http.Request) {
	var req runRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
		apiError(w, http.StatusBadRequest, "run: "+err.Error())
		return
	}
	name := ""
	for _, a := range req.Args {
		if !strings.HasPrefix(a, "-") {
			name = a
			break
		}
	}
	if !slices.Contains(serveQueries, name) {
		apiError(w, http.StatusBadRequest, fmt.Sprintf("run: %q is not a query the server runs", name))
		return
	}
	for _, a := range req.Args {
		for _, f := range []string{"--store", "--plot", "-o", "--output", "--cpuprofile"} {
			if a == f || strings.HasPrefix(a, f+"=") {
				apiError(w, http.StatusBadRequest, "run: "+f+" is not for the server")
				return
			}
		}
	}
	var out, errOut bytes.Buffer
	f := &factory{IO: &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: req.TTY}, store: s.store, shared: true}
	code := exitCode(f.IO, execute(r.Context(), f, req.Args))
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(runResult{Code: code, Stdout: out.String(), Stderr: errOut.String()})
}

// forwardToServer runs a query through the kg serve that holds the store
// dir, printing what it printed. ok is false when no server answers for
// the store, or the command is not a query it runs; addr is the address of
// a server that answered, "" when none did (a note left by a server that
// was killed).
func forwardToServer(ctx context.Context, dir string, args []string, ios *ioStreams) (code int, ok bool, addr string) {
	sf, found := readServeNote(dir)
	if !found {
		return 0, false, ""
	}
	// The store flag named the store; the server has its own.
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--store" {
			i++
			continue
		}
		if strings.HasPrefix(a, "--store=") {
			continue
		}
		rest = append(rest, a)
	}
	body, _ := json.Marshal(runRequest{Args: rest, TTY: ios.OutTTY})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+sf.Addr+"/api/run", bytes.NewReader(body))
	if err != nil {
		return 0, false, ""
	}
	if sf.Token != "" {
		req.Header.Set("Authorization", "Bearer "+sf.Token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, false, ""
	}
	defer resp.Body.Close()
	var res runResult
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&res) != nil {
		return 0, false, sf.Addr
	}
	io.WriteString(ios.Out, res.Stdout)
	io.WriteString(ios.ErrOut, res.Stderr)
	return res.Code, true, sf.Addr
}

// eventStream sends a load's progress as server-sent events: "progress"
// with the documents handled and bytes read (at most five a second), then
// "summary" with kg load's JSON summary, or "error".
type eventStream struct {
	mu   sync.Mutex
	w    http.ResponseWriter
	last time.Time
}

func newEventStream(w http.ResponseWriter) *eventStream {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	return &eventStream{w: w}
}

func (e *eventStream) send(event string, data []byte) {
	fmt.Fprintf(e.w, "event: %s\ndata: %s\n\n", event, bytes.ReplaceAll(bytes.TrimSpace(data), []byte("\n"), nil))
	if fl, ok := e.w.(http.Flusher); ok {
		fl.Flush()
	}
}

func (e *eventStream) progress(documents int, n int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if time.Since(e.last) < 200*time.Millisecond {
		return
	}
	e.last = time.Now()
	e.send("progress", fmt.Appendf(nil, `{"documents":%d,"bytes":%d}`, documents, n))
}

func (e *eventStream) end(code int, summary []byte, errLine string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if code == 0 {
		e.send("summary", summary)
		return
	}
	b, _ := json.Marshal(map[string]any{"code": code, "error": strings.TrimPrefix(errLine, "kg: "), "summary": json.RawMessage(orNull(summary))})
	e.send("error", b)
}

// orNull is b, or null when it holds no JSON.
func orNull(b []byte) []byte {
	if len(bytes.TrimSpace(b)) == 0 {
		return []byte("null")
	}
	return b
}
