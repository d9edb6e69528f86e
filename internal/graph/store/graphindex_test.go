package store

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/view"
)

// indexDoc is a document of n events among a few actors, drawn so that
// the graph index meets what grouping reports meets: events of an actor
// with itself, symmetric events, negated and hypothetical ones, days close
// enough to be one event, months, years, document dates and no date.
func indexDoc(seed uint64, name string, n int) graph.Extraction {
	r := rand.New(rand.NewPCG(seed, 11))
	const nActors = 5
	var b strings.Builder
	var spans [][2]int
	for i := range n {
		s := fmt.Sprintf("Sentence %d of %s, long enough to quote.", i, name)
		spans = append(spans, [2]int{b.Len(), b.Len() + len(s)})
		b.WriteString(s)
		b.WriteByte(' ')
	}
	text := b.String()
	d := graph.Document{ID: graph.DocumentID(fmt.Sprint(seed, name, text)), Name: name, Text: text, Sentences: n}
	x := graph.Extraction{Doc: d}
	for a := range nActors {
		x.Actors = append(x.Actors, graph.Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("Actor %d", a), Code: fmt.Sprintf("C%d", a), Type: graph.Country, Country: fmt.Sprintf("C%d", a)})
	}
	codes := []string{"010", "042", "043", "190", "036", "0233"}
	mods := []graph.Modality{graph.Actual, graph.Actual, graph.Planned, graph.Hypothetical}
	for i := range n {
		src, dst := fmt.Sprintf("a%d", r.IntN(nActors)), fmt.Sprintf("a%d", r.IntN(nActors))
		c := codes[r.IntN(len(codes))]
		var date graph.Date
		docDate := false
		switch r.IntN(6) {
		case 0, 1:
			date = graph.Date{Year: 2020, Month: 3, Day: 1 + r.IntN(8)}
		case 2:
			date = graph.Date{Year: 2020, Month: 3, Day: 5}
			docDate = true
		case 3:
			date = graph.Date{Year: 2020, Month: 3}
		case 4:
			date = graph.Date{Year: 2020}
		}
		x.Events = append(x.Events, graph.Event{
			ID: graph.EventID(d.ID, i, src, "rel"+c, c, dst), Source: src, Target: dst, Relation: "rel" + c,
			CAMEO: c, Goldstein: float64(r.IntN(20)) - 10, Date: date, DocDate: docDate,
			Negated: r.IntN(8) == 0, Modality: mods[r.IntN(len(mods))], Symmetric: r.IntN(3) == 0,
			DocID: d.ID, SentenceIndex: i, Start: spans[i][0], End: spans[i][1], Sentence: text[spans[i][0]:spans[i][1]],
			Confidence: 0.9, Extractor: "test",
		})
	}
	return x
}

// indexKeys dumps the graph index, rows with the actor numbers they give
// turned into IDs: numbers depend on the order of writes, which a rebuild
// does not repeat.
func indexKeys(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	rows := map[string]graph.IndexRow{}
	ids := map[uint32]string{}
	for k, v := range dumpStore(t, s) {
		switch {
		case strings.HasPrefix(k, prefixGraphPair):
			out[k] = v
		case strings.HasPrefix(k, prefixGraphRow):
			id := strings.TrimPrefix(k, prefixGraphRow)
			var r graph.IndexRow
			if err := decodeRow(id, []byte(v), &r, nil); err != nil {
				t.Fatalf("row of %s: %v", id, err)
			}
			rows[id], ids[r.Num] = r, id
		}
	}
	for id, r := range rows {
		var b strings.Builder
		fmt.Fprintf(&b, "%+v self %+v/%d:", r.Actor, r.Self, r.SelfStored)
		var es []string
		for _, e := range r.Out {
			es = append(es, fmt.Sprintf(" %s %+v/%d", ids[e.To], e.IndexCount, e.Stored))
		}
		slices.Sort(es)
		b.WriteString(strings.Join(es, ""))
		out[prefixGraphRow+id] = b.String()
	}
	return out
}

// compareViews checks that the view built from the graph index answers
// what the view built from the events does.
// bothViews loads the view of filter f from the events and from the
// graph index.
func bothViews(t *testing.T, s *Store, f graph.Filter) (full, idx *view.View) {
	t.Helper()
	full, err := view.LoadView(s, f)
	if err != nil {
		t.Fatal(err)
	}
	if idx, err = view.LoadIndexedView(s, f); err != nil {
		t.Fatal(err)
	}
	return full, idx
}

func compareViews(t *testing.T, full, idx *view.View) {
	t.Helper()
	if full.Len() != idx.Len() {
		t.Fatalf("index view has %d nodes, the full view %d", idx.Len(), full.Len())
	}
	for n := range int64(full.Len()) {
		a, b := full.Actor(n), idx.Actor(n)
		if a.ID != b.ID || a.Name != b.Name || a.Code != b.Code || a.Type != b.Type || a.Country != b.Country {
			t.Errorf("node %d: index actor %+v, full %+v", n, *b, *a)
		}
		if fs, is := full.Stats(n), idx.Stats(n); fs != is {
			t.Errorf("node %d (%s): index stats %+v, full %+v", n, a.ID, is, fs)
		}
	}
	fo, fa, fw := full.OutCSR()
	io, ia, iw := idx.OutCSR()
	if !reflect.DeepEqual(fo, io) || !reflect.DeepEqual(fa, ia) || !reflect.DeepEqual(fw, iw) {
		t.Errorf("out-adjacency differs:\n index %v %v %v\n full  %v %v %v", io, ia, iw, fo, fa, fw)
	}
	events := func(v *view.View, idx []int32) []string {
		var out []string
		for _, i := range idx {
			out = append(out, fmt.Sprintf("%+v %+v", v.Event(int(i)), v.Reports(int(i))))
		}
		return out
	}
	for _, p := range full.Pairs() {
		q := idx.Pair(p.From, p.To)
		if q == nil {
			t.Errorf("pair %d→%d missing from the index view", p.From, p.To)
			continue
		}
		if p.Count != q.Count || !reflect.DeepEqual(p.Relations, q.Relations) || p.Goldstein != q.Goldstein || p.Sign != q.Sign ||
			p.First != q.First || p.Last != q.Last || !reflect.DeepEqual(p.Docs, q.Docs) {
			t.Errorf("pair %d→%d: index %+v, full %+v", p.From, p.To, *q, p)
		}
		if fe, ie := events(full, p.Events), events(idx, q.Events); !reflect.DeepEqual(fe, ie) {
			t.Errorf("pair %d→%d events:\n index %v\n full  %v", p.From, p.To, ie, fe)
		}
	}
	if full.NumEvents() != idx.NumEvents() {
		t.Errorf("index view has %d events, the full view %d", idx.NumEvents(), full.NumEvents())
	}
	if err := idx.Err(); err != nil {
		t.Error(err)
	}
}

// TestGraphIndex writes, replaces and recodes, then checks that the index
// every write kept gives the view the events give, that a rebuild writes
// the same index, and that a store of format 2 gets it on its first
// writable open.
func TestGraphIndex(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	var docs []graph.Extraction
	for i := range 24 {
		docs = append(docs, indexDoc(uint64(i), fmt.Sprintf("doc%02d", i), 4+i%7))
	}
	for i := 0; i < len(docs); i += 3 {
		if _, err := s.PutDocuments(docs[i:i+3], false); err != nil {
			t.Fatal(err)
		}
	}
	// Replace some documents: their old events leave the index.
	for i := 0; i < len(docs); i += 5 {
		x := indexDoc(uint64(100+i), docs[i].Doc.Name, 6)
		x.Doc.ID = docs[i].Doc.ID
		for k := range x.Events {
			x.Events[k].DocID = x.Doc.ID
			x.Events[k].ID += "r"
		}
		mustPut(t, s, x, true, graph.Replaced)
	}
	// A later document recodes an actor: its row follows.
	x := indexDoc(500, "rename", 3)
	x.Actors[0].Code = "ZZZ"
	x.Recode = true
	mustPut(t, s, x, false, graph.Added)
	// So does one recoded by a document none of whose events it takes
	// part in.
	y := indexDoc(501, "recode-aside", 2)
	for k := range y.Events {
		y.Events[k].Source, y.Events[k].Target = "a2", "a3"
	}
	y.Actors = y.Actors[1:4]
	y.Actors[0].Code = "YYY"
	y.Recode = true
	mustPut(t, s, y, false, graph.Added)

	check := func(t *testing.T, s *Store) {
		t.Helper()
		if !s.HasGraphIndex() {
			t.Fatal("no graph index")
		}
		// Actor numbers are unique and every edge names one.
		nums := map[uint32]string{}
		var tos []uint32
		if err := s.GraphRows(func(r *graph.IndexRow) error {
			if o, taken := nums[r.Num]; taken || r.Num == 0 {
				t.Errorf("%s has number %d, taken by %q", r.Actor.ID, r.Num, o)
			}
			nums[r.Num] = r.Actor.ID
			for _, e := range r.Out {
				tos = append(tos, e.To)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for _, n := range tos {
			if nums[n] == "" {
				t.Errorf("an edge names actor number %d, which no row has", n)
			}
		}
		for _, f := range []graph.Filter{{}, {Mentions: true}} {
			full, idx := bothViews(t, s, f)
			if full.Len() < 4 || full.NumEvents() < 50 {
				t.Fatalf("too small a test: %d nodes, %d events", full.Len(), full.NumEvents())
			}
			compareViews(t, full, idx)
			if n, err := view.IndexedEdges(s); !f.Mentions && (err != nil || n != len(full.Pairs())) {
				t.Errorf("the index counts %d edges (%v), the view has %d", n, err, len(full.Pairs()))
			}
		}
	}
	check(t, s)
	for id, code := range map[string]string{"a0": "ZZZ", "a1": "YYY"} {
		if a, _ := s.Actor(id); a.Code != code {
			t.Fatalf("recode did not take: %+v", a)
		}
	}

	kept := indexKeys(t, s)
	if len(kept) == 0 {
		t.Fatal("empty index")
	}
	if r, err := s.Check(t.Context()); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", r.Problems, err)
	}
	// Check finds an index that disagrees with the events, whichever
	// part is off.
	for _, tamper := range []struct {
		name string
		k    string
		v    []byte // nil: delete
	}{
		{"row", prefixGraphRow + "a1", nil},
		{"row count", prefixGraphRow + "a2", func() []byte {
			r := decodeTestRow(t, dumpStore(t, s)[prefixGraphRow+"a2"], "a2")
			r.Out[0].Events++
			return encodeRow(&r)
		}()},
		{"digest", firstIndexKey(kept, prefixGraphPair), nil},
	} {
		if err := s.db.Update(func(txn *badger.Txn) error {
			if tamper.v == nil {
				return txn.Delete([]byte(tamper.k))
			}
			return txn.Set([]byte(tamper.k), tamper.v)
		}); err != nil {
			t.Fatal(err)
		}
		if r, err := s.Check(t.Context()); err != nil || r.OK() || !strings.Contains(strings.Join(r.Problems, "\n"), "kg reindex --graph") {
			t.Errorf("%s tampered with: check says %v, %v", tamper.name, r.Problems, err)
		}
		if err := s.RebuildGraphIndex(t.Context()); err != nil {
			t.Fatal(err)
		}
		if r, err := s.Check(t.Context()); err != nil || !r.OK() {
			t.Fatalf("check after rebuild: %v %v", r.Problems, err)
		}
	}
	if err := s.RebuildGraphIndex(t.Context()); err != nil {
		t.Fatal(err)
	}
	diffDumps(t, indexKeys(t, s), kept)

	// Make it a store of format 2, without the index.
	for _, p := range []string{prefixGraphPair, prefixGraphRow} {
		if err := s.db.DropPrefix([]byte(p)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(keyFormat, encodeUint32(2)) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro := openDir(t, dir, true)
	if ro.HasGraphIndex() {
		t.Error("a read-only store of format 2 claims a graph index")
	}
	ro.Close()
	s = openDir(t, dir, false)
	diffDumps(t, indexKeys(t, s), kept)
	check(t, s)
}

// TestCountPair holds the grouping of reports that the index counts with
// to what a view does, on pairs drawn at random.
func TestCountPairMatchesView(t *testing.T) {
	for seed := range uint64(40) {
		x := indexDoc(seed, "d", 30)
		// Two actors only, so that every event is on one pair.
		for i := range x.Events {
			e := &x.Events[i]
			if e.Source != "a0" {
				e.Source = "a1"
			}
			if e.Target != "a0" {
				e.Target = "a1"
			}
		}
		events := x.Events
		var ds []digest
		var pair []graph.Event
		for i := range events {
			if p := pairOf(&events[i]); p == [2]string{"a0", "a1"} {
				ds = append(ds, digestOf(&events[i]))
				pair = append(pair, events[i])
			}
		}
		sortDigests := func() {
			for i := range ds {
				for j := i + 1; j < len(ds); j++ {
					if ds[j].doc < ds[i].doc || ds[j].doc == ds[i].doc && ds[j].id < ds[i].id {
						ds[i], ds[j] = ds[j], ds[i]
						pair[i], pair[j] = pair[j], pair[i]
					}
				}
			}
		}
		sortDigests()
		c := countPair(ds, false, graph.Filter{}.ReportWindow())
		v := view.NewView([]graph.Actor{{ID: "a0"}, {ID: "a1"}}, pair, graph.Filter{})
		var want [2]int
		for i, ends := range [][2]int64{{0, 1}, {1, 0}} {
			if p := v.Pair(ends[0], ends[1]); p != nil {
				want[i] = p.Count
			}
		}
		if c[0].Events != want[0] || c[1].Events != want[1] {
			t.Errorf("seed %d: index counts %d, %d; the view %d, %d", seed, c[0].Events, c[1].Events, want[0], want[1])
		}
	}
}

func decodeTestRow(t *testing.T, v, id string) graph.IndexRow {
	t.Helper()
	var r graph.IndexRow
	if err := decodeRow(id, []byte(v), &r, nil); err != nil || len(r.Out) == 0 {
		t.Fatalf("row of %s: %+v, %v", id, r, err)
	}
	return r
}

func firstIndexKey(m map[string]string, prefix string) string {
	first := ""
	for k := range m {
		if strings.HasPrefix(k, prefix) && (first == "" || k < first) {
			first = k
		}
	}
	return first
}

// TestGraphIndexRunChange replaces documents whose events keep their IDs
// but change run (modality, date, code, direction): each digest must
// leave its old run and join its new one, in the same transaction.
func TestGraphIndexRunChange(t *testing.T) {
	s := openDir(t, t.TempDir(), false)
	defer s.Close()
	var docs []graph.Extraction
	for i := range 12 {
		docs = append(docs, indexDoc(uint64(200+i), fmt.Sprintf("doc%02d", i), 8))
	}
	if _, err := s.PutDocuments(docs, false); err != nil {
		t.Fatal(err)
	}
	mods := []graph.Modality{graph.Actual, graph.Planned, graph.Hypothetical}
	for round := range 3 {
		for i := range docs {
			x := docs[i]
			x.Events = slices.Clone(x.Events)
			for k := range x.Events {
				e := &x.Events[k]
				switch (round + k) % 4 {
				case 0:
					e.Modality = mods[(round+k)%len(mods)]
				case 1:
					e.Date = graph.Date{Year: 2020, Month: 3, Day: 1 + (round+k)%9}
				case 2:
					e.CAMEO = []string{"042", "190", "0233"}[(round+k)%3]
				case 3:
					e.Source, e.Target = e.Target, e.Source
				}
			}
			x.Doc.Text += fmt.Sprintf(" Round %d.", round) // a new version of the same document
			mustPut(t, s, x, true, graph.Replaced)
		}
		for _, f := range []graph.Filter{{}, {Mentions: true}} {
			full, idx := bothViews(t, s, f)
			compareViews(t, full, idx)
		}
		if r, err := s.Check(t.Context()); err != nil || !r.OK() {
			t.Fatalf("round %d: check: %v %v", round, r.Problems, err)
		}
	}
}
