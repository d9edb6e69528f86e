package export

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

// TestJSONReadersRoundTrip writes a graph of 10,000 events as graphology
// and Cytoscape.js JSON and reads both with the libraries themselves (from
// web/node_modules): every node and edge arrives, with its label and
// weight. It needs node and web's packages (npm ci in web/; .ci/run does
// it), and skips without them unless CI=true.
func TestJSONReadersRoundTrip(t *testing.T) {
	web := filepath.Join("..", "web")
	node, err := exec.LookPath("node")
	_, gerr := os.Stat(filepath.Join(web, "node_modules", "graphology"))
	_, cerr := os.Stat(filepath.Join(web, "node_modules", "cytoscape"))
	if err != nil || gerr != nil || cerr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node and web/node_modules (graphology, cytoscape) are required under CI=true")
		}
		t.Skip("no node, or web's packages are not installed (npm ci in web/)")
	}
	v := syntheticView()
	g := FromView(v, ViewOptions{})
	f, _ := Lookup("json")
	dir := t.TempDir()
	for _, style := range []string{JSONGraphology, JSONCytoscape} {
		out := writeAll(t, f, g, Options{JSONStyle: style})[""]
		if err := os.WriteFile(filepath.Join(dir, style+".json"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	nodes, edges := len(g.Nodes()), len(v.Pairs())
	script := `import Graph from 'graphology'; import cytoscape from 'cytoscape'; import { readFileSync } from 'fs';
const dir = process.argv[1];
const g = new Graph(); g.import(JSON.parse(readFileSync(dir + '/graphology.json')));
const e = g.edges()[0];
console.log('graphology', g.order, g.size, g.getNodeAttribute(g.nodes()[0], 'label'), g.getEdgeAttribute(e, 'weight'));
const cy = cytoscape({ headless: true, elements: JSON.parse(readFileSync(dir + '/cytoscape.json')).elements });
console.log('cytoscape', cy.nodes().length, cy.edges().length, cy.nodes()[0].data('label'), cy.edges()[0].data('weight'));`
	cmd := exec.Command(node, "--input-type=module", "-e", script, dir)
	cmd.Dir = web
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i, lib := range []string{"graphology", "cytoscape"} {
		var name, label string
		var n, m, w int
		if len(lines) <= i {
			t.Fatalf("node printed %q", out)
		}
		// label is "Actor N": two words.
		var word2 string
		if _, err := fmt.Sscanf(lines[i], "%s %d %d %s %s %d", &name, &n, &m, &label, &word2, &w); err != nil || name != lib {
			t.Fatalf("%s: %q: %v", lib, lines[i], err)
		}
		if n != nodes || m != edges || label != "Actor" || w < 1 {
			t.Errorf("%s read %d nodes and %d edges (label %q, weight %d); kg wrote %d and %d", lib, n, m, label, w, nodes, edges)
		}
	}
}

// syntheticView is a graph of 10,000 random events among 2,000 actors
// (seeded), with codes that start with a zero and dates of every
// precision, as the readers' tests need.
func syntheticView() *view.View {
	rng := rand.New(rand.NewPCG(3, 0))
	var actors []graph.Actor
	for i := range 2000 {
		actors = append(actors, graph.Actor{ID: fmt.Sprintf("a%04d", i), Name: fmt.Sprintf("Actor %d", i), Type: graph.Country})
	}
	codes := []string{"042", "057", "112", "190", "036"}
	var events []graph.Event
	for i := range 10000 {
		s, d := rng.IntN(2000), rng.IntN(2000)
		if s == d {
			continue
		}
		date := graph.Date{Year: 2000 + i%20, Month: 1 + i%12}
		switch i % 3 {
		case 1:
			date.Day = 1 + i%28
		case 2:
			date.Month = 0
		}
		events = append(events, graph.Event{ID: fmt.Sprintf("e%05d", i), Source: actors[s].ID, Target: actors[d].ID,
			CAMEO: codes[i%5], Relation: "r" + codes[i%5], Goldstein: float64(i%21-10) + 0.5, Modality: graph.Actual,
			Date: date, DocID: fmt.Sprintf("d%d", i/50)})
	}
	return view.NewView(actors, events, graph.Filter{Mentions: true})
}
