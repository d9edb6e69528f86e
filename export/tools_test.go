package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/kg-project/kg/internal/graph/view"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestXMLLint checks that every XML output is well-formed per libxml2.
func TestXMLLint(t *testing.T) {
	xmllint := tool(t, "xmllint")
	dir := t.TempDir()
	for _, multi := range []bool{false, true} {
		for _, name := range []string{"graphml", "gexf"} {
			f, _ := Lookup(name)
			path := filepath.Join(dir, fmt.Sprintf("%s-%v.xml", name, multi))
			if err := os.WriteFile(path, writeAll(t, f, fixture(multi), Options{Multi: multi})[""], 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(xmllint, "--noout", path).CombinedOutput(); err != nil {
				t.Errorf("xmllint %s: %v\n%s", path, err, out)
			}
		}
	}
}

// TestDotRenders runs every DOT output through Graphviz.
func TestDotRenders(t *testing.T) {
	dot := tool(t, "dot")
	var path bytes.Buffer
	g := fixture(false)
	if err := WritePathDOT(&path, g.NodeList[1:3], nil, Options{}); err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{"path": path.Bytes()}
	for _, multi := range []bool{false, true} {
		f, _ := Lookup("dot")
		inputs[fmt.Sprint("graph-", multi)] = writeAll(t, f, fixture(multi), Options{Multi: multi})[""]
	}
	for name, in := range inputs {
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = bytes.NewReader(in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 || !bytes.Contains(out, []byte("<svg")) {
			t.Errorf("dot -Tsvg %s: err %v, stderr %s", name, err, stderr.String())
		}
	}
}

// nxScript reads a GraphML or GEXF file with networkx and prints nodes and
// edges with their attributes as JSON. networkx 2.8 knows GEXF up to 1.2,
// so the 1.3 namespaces are registered; the element structure is the same.
const nxScript = `
import json, sys
import networkx as nx
from networkx.readwrite.gexf import GEXF
GEXF.versions["1.3"] = {"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"}
res = {}
for path in sys.argv[1:]:
    g = nx.read_graphml(path, force_multigraph=True) if path.endswith(".graphml") else nx.read_gexf(path)
    out = {"directed": g.is_directed(), "nodes": {}, "edges": {}}
    for n, d in g.nodes(data=True):
        out["nodes"][n] = {k: v for k, v in d.items() if k != "viz"}
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for u, v, k, d in edges:
        d = {k2: v2 for k2, v2 in d.items() if k2 != "viz"}
        d["_source"], d["_target"] = u, v
        out["edges"][str(d.get("id", k))] = d
    res[path] = out
json.dump(res, sys.stdout, default=str)
`

type nxGraph struct {
	Directed bool
	Nodes    map[string]map[string]any
	Edges    map[string]map[string]any
}

// readNX reads every path (.graphml or .gexf) in one Python run, as
// importing networkx dominates the cost.
func readNX(t *testing.T, python string, paths ...string) map[string]nxGraph {
	t.Helper()
	cmd := exec.Command(python, append([]string{"-c", nxScript}, paths...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.String())
	}
	var g map[string]nxGraph
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatalf("decode networkx output: %v", err)
	}
	return g
}

// networkxPython is Debian's interpreter (a pyenv shim on PATH may not see
// python3-networkx); tests skip, or fail under CI, when networkx is absent.
func networkxPython(t *testing.T) string {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import networkx").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("networkx not importable by %s (apt-get install python3-networkx): %v", py, err)
		}
		t.Skipf("networkx not available: %v", err)
	}
	return py
}

// TestNetworkxRoundTrip reads GraphML and GEXF back with networkx and
// compares node and edge counts, ids and typed attributes.
func TestNetworkxRoundTrip(t *testing.T) {
	py := networkxPython(t)
	dir := t.TempDir()
	var paths []string
	for _, multi := range []bool{false, true} {
		for _, kind := range []string{"graphml", "gexf", "gexf12"} {
			f, _ := Lookup(strings.TrimSuffix(kind, "12"))
			o := Options{Multi: multi}
			if kind == "gexf12" {
				o.GEXFVersion = "1.2" // networkx's own version, no namespace registered
			}
			path := filepath.Join(dir, fmt.Sprintf("g-%v.%s", multi, kind))
			if err := os.WriteFile(path, writeAll(t, f, fixture(multi), o)[""], 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, path)
		}
	}
	read := readNX(t, py, paths...)
	for _, multi := range []bool{false, true} {
		g := fixture(multi)
		for _, kind := range []string{"graphml", "gexf", "gexf12"} {
			t.Run(fmt.Sprintf("%s/multi=%v", kind, multi), func(t *testing.T) {
				got := read[filepath.Join(dir, fmt.Sprintf("g-%v.%s", multi, kind))]
				if !got.Directed {
					t.Error("graph read back as undirected")
				}
				if len(got.Nodes) != len(g.NodeList) || len(got.Edges) != len(g.EdgeList) {
					t.Fatalf("read %d nodes, %d edges; wrote %d, %d", len(got.Nodes), len(got.Edges), len(g.NodeList), len(g.EdgeList))
				}
				for i := range g.NodeList {
					n := &g.NodeList[i]
					a, ok := got.Nodes[clean(n.ID)]
					if !ok {
						t.Errorf("node %q missing", n.ID)
						continue
					}
					checkAttr(t, n.ID, a, "label", clean(nodeLabel(n)))
					checkAttr(t, n.ID, a, "events_out", float64(n.EventsOut))
					if n.Code != "" {
						checkAttr(t, n.ID, a, "code", n.Code)
					}
					if v, ok := n.Centrality["pagerank"]; ok {
						checkAttr(t, n.ID, a, "centrality_pagerank", v)
					}
				}
				for i := range g.EdgeList {
					e := &g.EdgeList[i]
					a, ok := got.Edges[e.ID]
					if !ok {
						t.Errorf("edge %q missing (have %v)", e.ID, keys(got.Edges))
						continue
					}
					checkAttr(t, e.ID, a, "_source", e.Source)
					checkAttr(t, e.ID, a, "_target", e.Target)
					checkAttr(t, e.ID, a, "label", edgeLabel(e))
					checkAttr(t, e.ID, a, "weight", e.Weight)
					checkAttr(t, e.ID, a, "goldstein", e.Goldstein)
					checkAttr(t, e.ID, a, "sign", float64(e.Sign))
					checkAttr(t, e.ID, a, "quad_class", float64(e.Quad))
					if multi {
						checkAttr(t, e.ID, a, "negated", e.Negated)
					}
				}
			})
		}
	}
}

func checkAttr(t *testing.T, id string, attrs map[string]any, key string, want any) {
	t.Helper()
	if got, ok := attrs[key]; !ok || got != want {
		t.Errorf("%s: %s = %#v (present %v), want %#v", id, key, got, ok, want)
	}
}

func keys(m map[string]map[string]any) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	sort.Strings(k)
	return k
}

// TestReadersAgreeOnSynthetic writes a 10,000-event graph as GraphML and
// GEXF (1.3 and 1.2), one edge per pair and one per event, reads each with
// networkx, and GraphML with igraph too when it is installed, and holds
// every node and edge to what kg wrote: the counts, and for each edge its
// ends, weight, Goldstein score, CAMEO code (a string keeping its leading
// zero) and first and last dates (2016, 2016-03 or 2016-03-04).
func TestReadersAgreeOnSynthetic(t *testing.T) {
	py := networkxPython(t)
	v := syntheticView()
	dir := t.TempDir()
	kinds := []string{"graphml", "gexf", "gexf12"}
	path := func(multi bool, kind string) string { return filepath.Join(dir, fmt.Sprintf("s-%v.%s", multi, kind)) }
	var paths []string
	edges := map[bool][]Edge{}
	for _, multi := range []bool{false, true} {
		g := FromView(v, ViewOptions{Multi: multi})
		if err := g.Edges(func(e Edge) error { edges[multi] = append(edges[multi], e); return nil }); err != nil {
			t.Fatal(err)
		}
		for _, kind := range kinds {
			f, _ := Lookup(strings.TrimSuffix(kind, "12"))
			o := Options{Multi: multi}
			if kind == "gexf12" {
				o.GEXFVersion = "1.2"
			}
			if err := os.WriteFile(path(multi, kind), writeAll(t, f, g, o)[""], 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, path(multi, kind))
		}
	}
	read := readNX(t, py, paths...)
	for _, multi := range []bool{false, true} {
		for _, kind := range kinds {
			got := read[path(multi, kind)]
			name := fmt.Sprintf("%s multi=%v", kind, multi)
			if len(got.Nodes) != v.Len() || len(got.Edges) != len(edges[multi]) {
				t.Errorf("%s: networkx read %d nodes, %d edges; kg wrote %d, %d", name, len(got.Nodes), len(got.Edges), v.Len(), len(edges[multi]))
				continue
			}
			bad := 0
			for i := range edges[multi] {
				e := &edges[multi][i]
				a := got.Edges[e.ID]
				want := map[string]any{"_source": e.Source, "_target": e.Target, "weight": e.Weight, "goldstein": e.Goldstein,
					"cameo": e.CAMEO, "first_date": e.First.String(), "last_date": e.Last.String()}
				for k, w := range want {
					if a[k] != w && bad < 5 {
						bad++
						t.Errorf("%s: edge %s: %s = %#v, want %#v", name, e.ID, k, a[k], w)
					}
				}
			}
		}
	}
	igraphAgrees(t, dir, v)
}

// igraphAgrees reads the per-pair GraphML with python-igraph, when it is
// installed, and compares its counts and the CAMEO codes and dates of its
// edges with the networkx reading's.
func igraphAgrees(t *testing.T, dir string, v *view.View) {
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import igraph").Run() != nil {
		t.Log("python-igraph not installed: GraphML checked with networkx only")
		return
	}
	script := `import sys, json, igraph as ig
g = ig.Graph.Read_GraphML(sys.argv[1])
print(json.dumps({"nodes": g.vcount(), "edges": g.ecount(),
  "codes": sorted(set(g.es["cameo"])), "dates": sorted(set(g.es["first_date"]))[:3]}))`
	out, err := exec.Command(py, "-c", script, filepath.Join(dir, "s-false.graphml")).Output()
	if err != nil {
		t.Fatalf("igraph: %v", err)
	}
	var got struct {
		Nodes, Edges int
		Codes, Dates []string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.Nodes != v.Len() || got.Edges != len(v.Pairs()) {
		t.Errorf("igraph read %d nodes, %d edges; kg wrote %d, %d", got.Nodes, got.Edges, v.Len(), len(v.Pairs()))
	}
	if strings.Join(got.Codes, " ") != "036 042 057 112 190" || len(got.Dates) == 0 || got.Dates[0] != "2000" {
		t.Errorf("igraph: codes %v, first dates %v", got.Codes, got.Dates)
	}
}
