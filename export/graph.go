package export

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/graph"
)

// Date is a calendar date that may stop at the year or the month ("2016",
// "2016-09"), as kg's events are dated: the zero Date is no date. Writers
// print it in ISO 8601 and take a coarse date as the whole year or month.
type Date = graph.Date

// Node is one actor as the writers see it. Writers never look anything up:
// everything they print is here.
type Node struct {
	ID      string
	Label   string // display name; the writers fall back to Name, then ID
	Name    string
	Code    string // CAMEO actor code
	Type    string // actor type: country, person, ...
	Country string
	Aliases []string

	EventsOut, EventsIn int
	FirstSeen, LastSeen Date
	// Until, when set, is the last day the node is present in time-aware
	// formats. It matters when a coarse date outlasts LastSeen: an event
	// dated "2016" ends on 2016-12-31, after a last-seen 2016-10-04, and an
	// edge must not outlive its nodes. Zero means the end of LastSeen.
	Until Date

	// Centrality holds optional measures (pagerank, betweenness, degree...).
	// Each key becomes a double attribute named centrality_<key>; keys are
	// written in sorted order.
	Centrality map[string]float64
}

// Edge is either one aggregated actor pair (every event from Source to
// Target) or, in a multigraph export, one event.
type Edge struct {
	ID, Source, Target string
	// Label is the relation shown on the edge: the event's relation, or the
	// most frequent relation of an aggregated pair.
	Label     string
	Relations []string // distinct relation labels, sorted
	CAMEO     string   // event code (the most frequent one for a pair)
	Quad      int      // quad class 1-4, 0 when unknown
	Weight    float64  // number of events; must be > 0
	Goldstein float64  // mean Goldstein score
	Sign      int      // -1 conflict, 0 neutral, +1 cooperation
	// First and Last bound the event dates; Dates lists the distinct dates
	// (the time spells of GEXF). Undated events leave them zero.
	First, Last Date
	Dates       []Date
	Docs        []string // document IDs, sorted

	// Event fields, set in multigraph exports only.
	Negated       bool
	Symmetric     bool // the relation holds both ways ("met", "signed with")
	Modality      string
	Sentence      string
	SentenceIndex int
	Start, End    int
	Confidence    float64
}

// Graph is what every writer consumes. Nodes are held in memory (actors are
// few); edges are streamed so that a multigraph of a million events never
// sits in memory at once.
type Graph interface {
	// Nodes returns every node. Writers sort a copy by ID.
	Nodes() []Node
	// Edges calls fn for each edge in a deterministic order and stops at
	// the first error, which it returns.
	Edges(fn func(Edge) error) error
}

// MemGraph is a Graph held in memory, handy for tests and small subgraphs.
type MemGraph struct {
	NodeList []Node
	EdgeList []Edge
}

// Nodes returns s.NodeList.
func (s *MemGraph) Nodes() []Node { return s.NodeList }

// Edges streams s.EdgeList in order.
func (s *MemGraph) Edges(fn func(Edge) error) error {
	for _, e := range s.EdgeList {
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// Options tune every writer. The zero value writes an aggregated graph named
// "kg".
type Options struct {
	// Name is the graph's name (DOT graph id, GEXF description).
	Name string
	// Multi says that edges are single events (parallel edges between the
	// same pair are expected). GEXF then writes each edge's kind, graphology
	// JSON sets options.multi, and the Neo4j and N-Quads writers add the
	// event columns.
	Multi bool
	// JSONStyle is "graphology" (the default) or "cytoscape".
	JSONStyle string
	// GEXFVersion is "1.3" (the default, "") or "1.2": GEXF 1.2draft,
	// which networkx reads.
	GEXFVersion string
	// RawCSV writes CSV cells as they are. By default a cell that a
	// spreadsheet would run as a formula is neutralised (see SafeCell).
	RawCSV bool
}

func (o Options) name() string {
	if o.Name == "" {
		return "kg"
	}
	return o.Name
}

// sortedNodes returns a copy of g's nodes sorted by ID, after checking that
// every ID is non-empty and unique, and an index of the IDs for endpoint
// checks.
func sortedNodes(g Graph) ([]Node, map[string]struct{}, error) {
	src := g.Nodes()
	nodes := make([]Node, len(src))
	copy(nodes, src)
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	ids := make(map[string]struct{}, len(nodes))
	for i := range nodes {
		id := nodes[i].ID
		if id == "" {
			return nil, nil, fmt.Errorf("node %d has an empty id", i)
		}
		if !validID(id) {
			return nil, nil, fmt.Errorf("node id %q holds a control character or invalid UTF-8", id)
		}
		if i > 0 && nodes[i-1].ID == id {
			return nil, nil, fmt.Errorf("duplicate node id %q", id)
		}
		ids[id] = struct{}{}
	}
	return nodes, ids, nil
}

// checkEdge enforces what every reader needs: an id, endpoints that exist,
// and a positive finite weight (Gephi drops zero weights and mishandles
// negative ones; the sign lives in its own attribute).
func checkEdge(e *Edge, ids map[string]struct{}) error {
	if e.ID == "" {
		return fmt.Errorf("edge %s->%s has an empty id", e.Source, e.Target)
	}
	if _, ok := ids[e.Source]; !ok {
		return fmt.Errorf("edge %s: unknown source node %q", e.ID, e.Source)
	}
	if _, ok := ids[e.Target]; !ok {
		return fmt.Errorf("edge %s: unknown target node %q", e.ID, e.Target)
	}
	if !(e.Weight > 0) || math.IsInf(e.Weight, 1) {
		return fmt.Errorf("edge %s: weight %v is not a positive number", e.ID, e.Weight)
	}
	return nil
}

// validID reports whether id can be written unchanged by every format:
// valid UTF-8 without control characters, so that no cleaning can make two
// ids equal.
func validID(id string) bool {
	if !utf8.ValidString(id) {
		return false
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7f || !xmlChar(r) {
			return false
		}
	}
	return true
}

func nodeLabel(n *Node) string {
	switch {
	case n.Label != "":
		return n.Label
	case n.Name != "":
		return n.Name
	}
	return n.ID
}

func edgeLabel(e *Edge) string {
	if e.Label != "" {
		return e.Label
	}
	if len(e.Relations) > 0 {
		return e.Relations[0]
	}
	return "related"
}

// clean makes s safe for every format: invalid UTF-8 becomes U+FFFD, and
// control characters other than tab, newline and carriage return, which
// XML 1.0 forbids even as character references, are dropped, as are the
// non-characters U+FFFE and U+FFFF.
func clean(s string) string {
	ok := utf8.ValidString(s)
	if ok {
		for _, r := range s {
			if !xmlChar(r) {
				ok = false
				break
			}
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case xmlChar(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r == 0xFFFE || r == 0xFFFF:
		return false
	}
	return r <= utf8.MaxRune
}

// interval is an inclusive span of days.
type interval struct{ start, end Date }

// spells turns dates into sorted, non-overlapping intervals: Gephi refuses
// an element whose intervals overlap, and a year-precision date overlaps
// every day inside it.
func spells(dates []Date) []interval {
	var iv []interval
	for _, d := range dates {
		if d.IsZero() {
			continue
		}
		iv = append(iv, interval{d.FirstDay(), d.LastDay()})
	}
	sort.Slice(iv, func(i, j int) bool {
		if iv[i].start != iv[j].start {
			return iv[i].start.Before(iv[j].start)
		}
		return iv[i].end.Before(iv[j].end)
	})
	out := iv[:0]
	for _, x := range iv {
		if n := len(out); n > 0 && !out[n-1].end.Before(x.start) {
			if out[n-1].end.Before(x.end) {
				out[n-1].end = x.end
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// edgeDates is the list of dates an edge's spells come from: its distinct
// dates when known, else its first and last date.
func edgeDates(e *Edge) []Date {
	if len(e.Dates) > 0 {
		return e.Dates
	}
	return []Date{e.First, e.Last}
}

// nodeSpan is a node's presence from first to last seen; ok is false when
// neither is known, and the node is then present at all times.
func nodeSpan(n *Node) (interval, bool) {
	first, last := n.FirstSeen, n.LastSeen
	switch {
	case first.IsZero() && last.IsZero():
		return interval{}, false
	case first.IsZero():
		first = last
	case last.IsZero():
		last = first
	}
	iv := interval{first.FirstDay(), last.LastDay()}
	if iv.end.Before(first.LastDay()) {
		iv.end = first.LastDay()
	}
	if !n.Until.IsZero() && iv.end.Before(n.Until) {
		iv.end = n.Until
	}
	return iv, true
}

// formatFloat writes the shortest decimal that reads back as f, never in
// exponent form, so that every reader (Gephi's Float.parseFloat, Neo4j,
// Dgraph) accepts it.
func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
