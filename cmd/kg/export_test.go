package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/export"
	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

func TestExportFlags(t *testing.T) {
	tests := []struct {
		args    []string
		format  string
		check   func(*exportOptions) bool
		wantErr string
	}{
		{args: []string{"-o", "g.graphml"}, format: "graphml"},
		{args: []string{"-o", "out/g.GEXF", "--multi"}, format: "gexf", check: func(o *exportOptions) bool { return o.Multi }},
		{args: []string{"--format", "dot"}, format: "dot", check: func(o *exportOptions) bool { return o.Output == "-" }},
		{args: []string{"--format", "neo4j", "-o", "dir"}, format: "neo4j"},
		{args: []string{"--format", "json", "--json-style", "cytoscape"}, format: "json",
			check: func(o *exportOptions) bool { return o.JSONStyle == "cytoscape" }},
		{args: []string{"--format", "dot", "--ego", "Pakistan", "--depth", "2"}, format: "dot",
			check: func(o *exportOptions) bool { return o.Ego == "Pakistan" && o.Depth == 2 }},
		{args: []string{"--format", "dot", "--path", "India, Russia"}, format: "dot",
			check: func(o *exportOptions) bool { return len(o.Path) == 2 && o.Path[1] == "Russia" }},
		{args: []string{"--format", "gexf", "--since", "2016", "--quad", "conflict"}, format: "gexf",
			check: func(o *exportOptions) bool { return o.Filter.Since.Year == 2016 && len(o.Filter.Quad) == 2 }},
		{args: nil, wantErr: "give --format"},
		{args: []string{"-o", "graph.txt"}, wantErr: "extension"},
		{args: []string{"--format", "pajek"}, wantErr: "unknown export format"},
		{args: []string{"--format", "csv"}, wantErr: "give a directory"},
		{args: []string{"--format", "dot", "--ego", "A", "--path", "B,C"}, wantErr: "cannot be combined"},
		{args: []string{"--format", "dot", "--path", "B"}, wantErr: "two actors"},
		{args: []string{"--format", "dot", "--depth", "2"}, wantErr: "--depth needs --ego"},
		{args: []string{"--format", "dot", "--ego", "A", "--depth", "-1"}, wantErr: "negative"},
		{args: []string{"--format", "graphml", "-o", "g.graphml", "--render", "svg"}, wantErr: "--format dot"},
		{args: []string{"--format", "dot", "--render", "svg"}, wantErr: "-o FILE.dot"},
		{args: []string{"-o", "g.dot", "--render", "gif"}, wantErr: "want svg or png"},
		{args: []string{"--format", "json", "--json-style", "d3"}, wantErr: "graphology or cytoscape"},
		{args: []string{"--format", "dot", "--since", "2016-13"}, wantErr: "--since"},
	}
	for _, tt := range tests {
		var got *exportOptions
		f := newFactory(&ioStreams{Out: io.Discard, ErrOut: io.Discard})
		cmd := newCmdExport(f, func(o *exportOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		if tt.wantErr != "" {
			var fe *flagError
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &fe) {
				t.Errorf("%v: err = %v, want a usage error mentioning %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		if got.Format.Name != tt.format {
			t.Errorf("%v: format %q, want %q", tt.args, got.Format.Name, tt.format)
		}
		if tt.check != nil && !tt.check(got) {
			t.Errorf("%v: options %+v", tt.args, got)
		}
	}
}

// exportView is a small store's view: a chain india→pakistan→russia and
// an unconnected pair.
func exportView() (*view.View, []graph.Actor) {
	actors := []graph.Actor{
		{ID: "india", Name: "India", Code: "IND", Type: graph.Country},
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Aliases: []string{"Islamabad"}},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country},
		{ID: "usa", Name: "United States", Code: "USA", Type: graph.Country},
		{ID: "china", Name: "China", Code: "CHN", Type: graph.Country},
	}
	ev := func(id, s, d, rel, code string, g float64) graph.Event {
		return graph.Event{ID: id, Source: s, Target: d, Relation: rel, CAMEO: code, Goldstein: g,
			Date: graph.Date{Year: 2016, Month: 9}, DocID: "doc1", Modality: graph.Actual}
	}
	events := []graph.Event{
		ev("e1", "india", "pakistan", "accuse", "112", -2),
		ev("e2", "russia", "pakistan", "supply", "0711", 7.4),
		ev("e3", "russia", "pakistan", "train", "0714", 7.4),
		ev("e4", "china", "usa", "meet", "040", 1),
	}
	return view.NewView(actors, events, graph.Filter{}), actors
}

func runExportTest(t *testing.T, opts *exportOptions) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	opts.IO = &ioStreams{Out: &out, ErrOut: &errOut, ErrTTY: true}
	opts.LoadView = func(graph.Filter) (*view.View, []graph.Actor, error) {
		v, a := exportView()
		return v, a, nil
	}
	if opts.JSONStyle == "" {
		opts.JSONStyle = export.JSONGraphology
	}
	err = runExport(t.Context(), opts)
	return out.String(), errOut.String(), err
}

func mustFormat(t *testing.T, name string) export.Format {
	t.Helper()
	f, err := export.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRunExportFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range export.FormatNames() {
		out := filepath.Join(dir, name)
		f := mustFormat(t, name)
		if !f.Dir() {
			out += f.Exts[0]
		}
		stdout, _, err := runExportTest(t, &exportOptions{Format: f, Output: out, Multi: name == "neo4j"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		summary := "5 actors, 3 edges" // russia's two events on pakistan make one edge
		if name == "neo4j" {
			summary = "5 actors, 4 edges"
		}
		if !strings.Contains(stdout, "wrote "+out) || !strings.Contains(stdout, summary) {
			t.Errorf("%s: summary %q", name, stdout)
		}
		for _, p := range f.Parts {
			path := out
			if p.Name != "" {
				path = filepath.Join(out, p.Name)
			}
			if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
				t.Errorf("%s: %s missing or empty (%v)", name, path, err)
			}
		}
		switch name {
		case "neo4j":
			want := `neo4j-admin database import full neo4j --overwrite-destination=true --nodes=Actor=` + filepath.Join(out, "actors.csv") +
				` --relationships=` + filepath.Join(out, "relationships.csv") + ` --array-delimiter=";"`
			if !strings.Contains(stdout, want) {
				t.Errorf("neo4j command missing from:\n%s", stdout)
			}
		case "nquads":
			if !strings.Contains(stdout, "dgraph live -f "+filepath.Join(out, "kg.rdf")+" -s "+filepath.Join(out, "kg.schema")) {
				t.Errorf("dgraph command missing from:\n%s", stdout)
			}
		}
	}
	// Nothing but the outputs: no temporary files left behind.
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.Contains(fi.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRunExportIntoDirectory(t *testing.T) {
	dir := t.TempDir()
	stdout, _, err := runExportTest(t, &exportOptions{Format: mustFormat(t, "gexf"), Output: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "kg.gexf")); err != nil {
		t.Errorf("no kg.gexf in the directory: %v; stdout %s", err, stdout)
	}
}

func TestRunExportSubgraphs(t *testing.T) {
	stdout, _, err := runExportTest(t, &exportOptions{Format: mustFormat(t, "dot"), Output: "-", Path: []string{"India", "Russia"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"india" -> "pakistan"`, `"russia" -> "pakistan"`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("path output lacks %s:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, `"usa"`) {
		t.Errorf("path output holds an actor off the path:\n%s", stdout)
	}

	stdout, stderr, err := runExportTest(t, &exportOptions{Format: mustFormat(t, "json"), Output: "-", Ego: "Islamabad",
		Depth: 1, Centrality: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, `"centrality_pagerank"`) || strings.Contains(stdout, `"usa"`) || !strings.Contains(stdout, `"russia"`) {
		t.Errorf("ego output:\n%s", stdout)
	}
	if !strings.Contains(stderr, "3 actors, 2 edges") {
		t.Errorf("stderr %q", stderr)
	}

	_, _, err = runExportTest(t, &exportOptions{Format: mustFormat(t, "dot"), Output: "-", Path: []string{"India", "China"}})
	if err == nil || !strings.Contains(err.Error(), "no path") {
		t.Errorf("unconnected path: err = %v", err)
	}
	_, _, err = runExportTest(t, &exportOptions{Format: mustFormat(t, "dot"), Output: "-", Ego: "Atlantis"})
	if err == nil || !strings.Contains(err.Error(), "Atlantis") {
		t.Errorf("unknown ego: err = %v", err)
	}
}

func TestRunExportRender(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("dot not installed under CI")
		}
		t.Skip("graphviz not installed")
	}
	out := filepath.Join(t.TempDir(), "g.dot")
	stdout, _, err := runExportTest(t, &exportOptions{Format: mustFormat(t, "dot"), Output: out, Render: "svg"})
	if err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(strings.TrimSuffix(out, ".dot") + ".svg")
	if err != nil || !bytes.Contains(svg, []byte("<svg")) {
		t.Fatalf("no svg (%v); stdout %s", err, stdout)
	}
}

// TestWritePartsAtomic: when a later file fails, no file of the export
// appears and an existing output is left untouched.
func TestWritePartsAtomic(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	f := export.Format{Name: "test", Parts: []export.Part{
		{Name: "a.txt", Write: func(w io.Writer, g export.Graph, o export.Options) error {
			_, err := io.WriteString(w, "new")
			return err
		}},
		{Name: "b.txt", Write: func(w io.Writer, g export.Graph, o export.Options) error {
			io.WriteString(w, "partial")
			return boom
		}},
	}}
	_, err := export.WriteFiles(f, dir, &export.MemGraph{}, export.Options{})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only a.txt", len(entries))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(b) != "old" {
		t.Errorf("a.txt = %q, want the old content", b)
	}
}

func TestExportStopsWhenCanceled(t *testing.T) {
	s := &export.MemGraph{NodeList: []export.Node{{ID: "a"}}}
	for range 10000 {
		s.EdgeList = append(s.EdgeList, export.Edge{ID: "e", Source: "a", Target: "a", Weight: 1})
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	g := &countingGraph{Graph: s, ctx: ctx}
	_, err := export.WriteFiles(mustFormat(t, "graphml"), filepath.Join(t.TempDir(), "g.graphml"), g, export.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if g.edges >= 10000 {
		t.Errorf("all %d edges written after cancellation", g.edges)
	}
}

// TestExportCentrality: the measures --with-centrality adds, on a small
// graph whose answers are known (networkx conventions).
func TestExportCentrality(t *testing.T) {
	actors := []graph.Actor{{ID: "india"}, {ID: "pakistan"}, {ID: "russia"}, {ID: "usa"}, {ID: "china"}}
	var events []graph.Event
	for i, p := range [][2]string{{"russia", "pakistan"}, {"pakistan", "russia"}, {"india", "pakistan"}, {"china", "usa"}, {"usa", "china"}} {
		events = append(events, graph.Event{ID: fmt.Sprint(i), Source: p[0], Target: p[1], CAMEO: "040", Modality: graph.Actual})
	}
	v := view.NewView(actors, events, graph.Filter{})
	c, err := exportCentrality(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	pak, _ := v.NodeOf("pakistan")
	usa, _ := v.NodeOf("usa")
	// (in+out)/(n-1): pakistan has in-edges from india and russia and an
	// out-edge to russia, usa one each way with china.
	if c["degree"][pak] != 0.75 || c["degree"][usa] != 0.5 {
		t.Errorf("degree = %v", c["degree"])
	}
	if c["betweenness"][pak] != 1 { // india -> pakistan -> russia
		t.Errorf("betweenness(pakistan) = %v, want 1", c["betweenness"][pak])
	}
	sum := 0.0
	for _, p := range c["pagerank"] {
		sum += p
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("pagerank sums to %v", sum)
	}
}

func TestPickLayout(t *testing.T) {
	for _, c := range []struct {
		layout string
		edges  int
		want   string
	}{
		{"auto", 3, "dot"}, {"auto", maxDotEdges, "dot"}, {"auto", maxDotEdges + 1, "sfdp"},
		{"neato", 5000, "neato"}, {"auto", maxDrawEdges + 1, ""},
	} {
		got, err := pickLayout(c.layout, c.edges)
		if got != c.want || (c.want == "") != (err != nil) {
			t.Errorf("pickLayout(%s, %d) = %q, %v; want %q", c.layout, c.edges, got, err, c.want)
		}
	}
}

// TestRunExportRenderTimeout: a drawing that runs out of time is a clear
// error, and leaves no image.
func TestRunExportRenderTimeout(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("graphviz not installed")
	}
	out := filepath.Join(t.TempDir(), "g.dot")
	_, _, err := runExportTest(t, &exportOptions{Format: mustFormat(t, "dot"), Output: out, Render: "svg", RenderTimeout: time.Nanosecond})
	if err == nil || !strings.Contains(err.Error(), "did not finish drawing") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if _, err := os.Stat(strings.TrimSuffix(out, ".dot") + ".svg"); !os.IsNotExist(err) {
		t.Errorf("an image was left: %v", err)
	}
}
