package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/refdata"
	"go.yaml.in/yaml/v3"
)

// startServer serves store dir on a free loopback port until the test ends.
func startServer(t testing.TB, dir, token string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	var errOut strings.Builder
	opts := &serveOptions{IO: &ioStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: &errOut}, Addr: "127.0.0.1:0",
		Token: token, MaxBody: 64 << 20, MaxAnswer: 1 << 30, Ready: func(a string) { ready <- a }}
	opts.Store = func() (*store.Store, error) { return store.Open(store.DefaultOptions(dir)) }
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, opts) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	select {
	case a := <-ready:
		return "http://" + a
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

func apiGet(t *testing.T, base, path, token string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeAnswersAsTheCLI: every query the API answers is the CLI's JSON
// byte for byte; errors are 400 for usage, 422 for a failed command; a
// load through the API is seen by the next query, and queries keep
// answering while it runs.
// apiQueries are the queries TestServeAnswersAsTheCLI asks: every route
// but graph, with arguments that answer on the demo and reference stores.
var apiQueries = [][]string{
	{"stats"}, {"docs"}, {"actors", "--type=person"}, {"triples", "--between=India,Pakistan"},
	{"central", "--measure=pagerank", "--top=5"}, {"path", "Kayani", "India", "--k=2"},
	{"link", "India", "Russia", "Pakistan"}, {"neighbors", "Lavrov", "--depth=2"}, {"communities"},
	{"balance", "--top=3"}, {"timeline", "Russia", "Pakistan"}, {"panel", "--between=Russia,Pakistan"},
	{"compare", "kg", "import"}, {"export", "--format=graphml"},
}

// checkAPIMatchesCLI runs every query on store dir with the CLI, then
// serves the store and asks the API the same: the answers must be equal,
// byte for byte. It returns the server's address.
func checkAPIMatchesCLI(t *testing.T, dir string) string {
	t.Helper()
	if len(apiQueries) != len(serveQueries)-1 { // and graph, below
		t.Fatalf("the test asks %d queries, the server answers %d", len(apiQueries), len(serveQueries))
	}
	want := make([]string, len(apiQueries))
	for i, q := range apiQueries {
		var code int
		args := append([]string{"--store", dir}, append(q, "--format", "json")...)
		if q[0] == "export" {
			args = append([]string{"--store", dir}, append(q, "-o", "-")...)
		}
		code, want[i], _ = runKG(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: the CLI fails on this store", q)
		}
	}
	// The graph page's data is kg export's graphology JSON.
	_, wantGraph, _ := runKG(t, "", "--store", dir, "export", "--format", "json", "--json-style", "graphology", "-o", "-", "--level", "country")
	base := startServer(t, dir, "")
	for i, q := range apiQueries {
		v := url.Values{}
		for _, a := range q[1:] {
			if k, val, ok := strings.Cut(strings.TrimPrefix(a, "--"), "="); ok && strings.HasPrefix(a, "--") {
				v.Add(k, val)
			} else {
				v.Add("arg", a)
			}
		}
		code, body := apiGet(t, base, "/api/"+q[0]+"?"+v.Encode(), "")
		if code != 200 || body != want[i] {
			t.Errorf("%v: %d, the CLI's JSON differs:\n%.300s\nwant\n%.300s", q, code, body, want[i])
		}
	}
	if code, body := apiGet(t, base, "/api/graph?level=country", ""); code != 200 || body != wantGraph {
		t.Errorf("/api/graph: %d, not kg export's graphology JSON:\n%.300s", code, body)
	}
	return base
}

// TestServeOnReferenceCorpus: the API answers as the CLI on a store of the
// five reference articles.
func TestServeOnReferenceCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	if code, _, errOut := runKG(t, "", "--store", dir, "load", "--quiet", refdata.Corpus(t)); code != 0 {
		t.Fatal(errOut)
	}
	checkAPIMatchesCLI(t, dir)
}

func TestServeAnswersAsTheCLI(t *testing.T) {
	dir, _ := demoStore(t)
	base := checkAPIMatchesCLI(t, dir)
	for _, tt := range []struct {
		path string
		code int
		want string
	}{
		{"/api/central?measure=fame", 400, `unknown measure`},
		{"/api/path?arg=Rusia&arg=India", 422, `unknown actor \"Rusia\"`},
		{"/api/demo", 404, `no command \"demo\"`},
		{"/api/stats?store=/etc", 400, `parameter \"store\" is not for the API`},
		{"/favicon.ico", 404, "under /api/"},
	} {
		if code, body := apiGet(t, base, tt.path, ""); code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %s, want %d and %s", tt.path, code, body, tt.code, tt.want)
		}
	}
	// A load while twenty clients query: every request answers.
	var wg sync.WaitGroup
	errs := make(chan string, 200)
	for c := 0; c < 20; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				if code, body := apiGet(t, base, "/api/central?measure=degree&top=3", ""); code != 200 {
					errs <- fmt.Sprintf("%d %s", code, body)
				}
			}
		}()
	}
	doc := `{"id":"n1","date":"2024-01-05","text":"India protested to Russia over its arms sales to Pakistan."}` + "\n"
	resp, err := http.Post(base+"/api/load", "application/x-ndjson", strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("query during the load: %s", e)
	}
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"new": 1`) {
		t.Errorf("load: %d %s", resp.StatusCode, b)
	}
	if _, body := apiGet(t, base, "/api/stats", ""); !strings.Contains(body, `"documents": 9`) {
		t.Errorf("stats after the load: %s", body)
	}
}

// TestServeBoundsAnswers: an answer larger than --max-answer is refused
// with 413 rather than held in memory.
func TestServeBoundsAnswers(t *testing.T) {
	dir, _ := demoStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	opts := &serveOptions{IO: &ioStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}, Addr: "127.0.0.1:0",
		MaxBody: 1 << 20, MaxAnswer: 100, Ready: func(a string) { ready <- a }}
	opts.Store = func() (*store.Store, error) { return store.Open(store.DefaultOptions(dir)) }
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, opts) }()
	defer func() { cancel(); <-done }()
	base := "http://" + <-ready
	if code, body := apiGet(t, base, "/api/triples", ""); code != 413 || !strings.Contains(body, "larger than 100B") {
		t.Errorf("a large answer: %d %s", code, body)
	}
	if code, _ := apiGet(t, base, "/api/stats", ""); code != 200 {
		t.Errorf("a small answer: %d", code)
	}
}

// TestServeGuards: a token is required off loopback and checked on every
// request; cross-origin requests are refused unless allowed.
func TestServeGuards(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	if code, _, errOut := runKG(t, "source,target,cameo\nA,B,042\n", "--store", dir, "import", "-"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runKG(t, "", "--store", dir, "serve", "--addr", "0.0.0.0:7474"); code != 2 || !strings.Contains(errOut, "give --token") {
		t.Errorf("off loopback without a token: exit %d: %s", code, errOut)
	}
	base := startServer(t, dir, "s3cret")
	if code, _ := apiGet(t, base, "/api/stats", ""); code != 401 {
		t.Errorf("no token: %d, want 401", code)
	}
	if code, _ := apiGet(t, base, "/api/stats", "wrong"); code != 401 {
		t.Errorf("wrong token: %d, want 401", code)
	}
	if code, _ := apiGet(t, base, "/api/stats", "s3cret"); code != 200 {
		t.Errorf("token: %d, want 200", code)
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/api/stats", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	req.Header.Set("Origin", "http://elsewhere.example")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("cross-origin: %v %v, want 403", resp.StatusCode, err)
	}
}

// TestAPIDocument: docs/api.md lists exactly the routes the server
// answers.
func TestAPIDocument(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "api.md"))
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `/api/([a-z]+)` \\|").FindAllStringSubmatch(string(b), -1) {
		documented[m[1]] = true
	}
	for _, name := range append(append([]string{}, serveQueries...), serveWrites...) {
		if !documented[name] {
			t.Errorf("/api/%s is served but not in docs/api.md", name)
		}
		delete(documented, name)
	}
	for name := range documented {
		t.Errorf("docs/api.md lists /api/%s, which the server does not answer", name)
	}
}

// TestCLIGoesThroughServer: a query on a store that kg serve holds is run
// by the server and prints what it would have printed, exit status
// included; a load is refused with a pointer to the API.
func TestCLIGoesThroughServer(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	if code, _, errOut := runKG(t, "source,target,cameo\nIndia,Pakistan,112\n", "--store", dir, "import", "-"); code != 0 {
		t.Fatal(errOut)
	}
	_, want, _ := runKG(t, "", "--store", dir, "triples", "--format", "csv")
	startServer(t, dir, "tok")
	if _, err := os.Stat(serveNote(dir)); err != nil {
		t.Fatalf("no note beside the store: %v", err)
	}
	// Another process, as the user would run it: the store is locked.
	code, out, errOut := runProcess(t, "--store", dir, "triples", "--format", "csv")
	if code != 0 || out != want {
		t.Errorf("through the server: exit %d, %q%s, want %q", code, out, errOut, want)
	}
	if code, _, errOut := runProcess(t, "--store", dir, "path", "Atlantis", "India"); code != 1 || !strings.Contains(errOut, `unknown actor "Atlantis"`) {
		t.Errorf("failing query: exit %d: %s", code, errOut)
	}
	doc := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(doc, []byte("India accused Pakistan of sponsoring the attack."), 0o644)
	if code, _, errOut := runProcess(t, "--store", dir, "load", doc); code != 1 || !strings.Contains(errOut, "kg serve holds it at http://") {
		t.Errorf("load on a served store: exit %d: %s", code, errOut)
	}
}

// TestOpenAPIDocument: docs/openapi.yaml is OpenAPI 3 and has exactly the
// routes the server answers, with the method each takes.
func TestOpenAPIDocument(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	want := map[string]string{"/api/run": "post"}
	for _, n := range serveQueries {
		want["/api/"+n] = "get"
	}
	for _, n := range serveWrites {
		want["/api/"+n] = "post"
	}
	for p, m := range want {
		if _, ok := doc.Paths[p][m]; !ok {
			t.Errorf("%s %s is served but not in docs/openapi.yaml", strings.ToUpper(m), p)
		}
	}
	for p, ops := range doc.Paths {
		for m := range ops {
			if want[p] != m {
				t.Errorf("docs/openapi.yaml has %s %s, which the server does not answer", strings.ToUpper(m), p)
			}
		}
	}
}

// TestServeLoadProgress: a load that asks for text/event-stream hears its
// progress, then the summary.
func TestServeLoadProgress(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	if code, _, errOut := runKG(t, "source,target,cameo\nA,B,042\n", "--store", dir, "import", "-"); code != 0 {
		t.Fatal(errOut)
	}
	base := startServer(t, dir, "")
	var docs strings.Builder
	for i := range 20 {
		fmt.Fprintf(&docs, `{"id":"d%d","date":"2024-01-%02d","text":"India protested to Russia over its arms sales to Pakistan on day %d."}`+"\n", i, i+1, i)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/api/load", strings.NewReader(docs.String()))
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	stream := string(b)
	if resp.Header.Get("Content-Type") != "text/event-stream" || !strings.Contains(stream, "event: progress\ndata: {\"documents\":") ||
		!strings.Contains(stream, "event: summary\ndata: {") || !strings.Contains(stream, `"new": 20`) {
		t.Errorf("stream %s:\n%s", resp.Header.Get("Content-Type"), stream)
	}
	if strings.Index(stream, "event: progress") > strings.Index(stream, "event: summary") {
		t.Errorf("progress after the summary:\n%s", stream)
	}
	// An import streams the same way.
	req, _ = http.NewRequest(http.MethodPost, base+"/api/import", strings.NewReader("source,target,cameo,doc\nA,B,042,x1\nB,C,057,x2\n"))
	req.Header.Set("Accept", "text/event-stream")
	resp2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp2.Body)
	resp2.Body.Close()
	if s := string(b); !strings.Contains(s, "event: progress") || !strings.Contains(s, "event: summary") || !strings.Contains(s, `"new": 2`) {
		t.Errorf("import stream:\n%s", s)
	}
}
