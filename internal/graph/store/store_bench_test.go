package store

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/triples"
)

// benchDoc builds a document of n events among nActors actors, seeded so
// that runs are comparable.
func benchDoc(seed uint64, n, nActors int) graph.Extraction {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	type span struct{ start, end int }
	spans := make([]span, n)
	for i := range spans {
		s := fmt.Sprintf("Actor %d told actor %d about matter %d in a long enough sentence.", r.IntN(nActors), r.IntN(nActors), i)
		spans[i] = span{b.Len(), b.Len() + len(s)}
		b.WriteString(s)
		b.WriteByte(' ')
	}
	text := b.String()
	d := graph.Document{ID: graph.DocumentID(fmt.Sprint(seed, text)), Name: fmt.Sprintf("doc%06d", seed), Text: text, Sentences: n}
	x := graph.Extraction{Doc: d}
	used := make(map[int]bool)
	for i := 0; i < n; i++ {
		src, dst := r.IntN(nActors), r.IntN(nActors)
		used[src], used[dst] = true, true
		sid, did := fmt.Sprintf("actor-%d", src), fmt.Sprintf("actor-%d", dst)
		x.Events = append(x.Events, graph.Event{
			ID: graph.EventID(d.ID, i, sid, "said", "010", did), Source: sid, Target: did, Relation: "said",
			CAMEO: "010", QuadClass: 1, Date: graph.Date{Year: 2020, Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}, Modality: graph.Actual,
			DocID: d.ID, SentenceIndex: i, Start: spans[i].start, End: spans[i].end,
			Sentence: text[spans[i].start:spans[i].end], Confidence: 0.8, Extractor: "bench",
		})
	}
	for a := range nActors {
		if used[a] {
			x.Actors = append(x.Actors, graph.Actor{ID: fmt.Sprintf("actor-%d", a), Name: fmt.Sprintf("Actor %d", a), Type: graph.Country})
		}
	}
	return x
}

// BenchmarkPutDocument writes documents of 10 and 100 events into an
// on-disk store, one transaction each, and reports events written per second.
func BenchmarkPutDocument(b *testing.B) {
	for _, perDoc := range []int{10, 100} {
		b.Run(fmt.Sprintf("events=%d", perDoc), func(b *testing.B) {
			s := openDir(b, b.TempDir(), false)
			docs := make([]graph.Extraction, b.N)
			for i := range docs {
				docs[i] = benchDoc(uint64(i), perDoc, 2000)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.PutDocument(docs[i], false); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*perDoc)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkEvents scans a store of 100,000 events.
func BenchmarkEvents(b *testing.B) {
	const docs, perDoc = 1000, 100
	s := openDir(b, b.TempDir(), false)
	for i := 0; i < docs; i++ {
		if _, err := s.PutDocument(benchDoc(uint64(i), perDoc, 3000), false); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		if err := s.Events(func(graph.Event) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n != docs*perDoc {
			b.Fatalf("scanned %d events, want %d", n, docs*perDoc)
		}
	}
	b.ReportMetric(float64(docs*perDoc*b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkPutDocuments writes batches of 32 documents of 10 events, as the
// loader's writer does.
func BenchmarkPutDocuments(b *testing.B) {
	const perDoc, batch = 10, 32
	s := openDir(b, b.TempDir(), false)
	docs := make([]graph.Extraction, b.N*batch)
	for i := range docs {
		docs[i] = benchDoc(uint64(i), perDoc, 2000)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.PutDocuments(docs[i*batch:(i+1)*batch], false); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch*perDoc)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkImportEdgeList parses a CSV edge list of 15,000 rows among 3,000
// actors (the size used for betweenness benchmarks) and stores it: one
// document, one transaction.
func BenchmarkImportEdgeList(b *testing.B) {
	r := rand.New(rand.NewPCG(15000, 3000))
	var sb strings.Builder
	sb.WriteString("source,target,cameo\n")
	codes := []string{"042", "036", "190", "0233", "111"}
	for range 15000 {
		fmt.Fprintf(&sb, "Actor %d,Actor %d,%s\n", r.IntN(3000), r.IntN(3000), codes[r.IntN(len(codes))])
	}
	csv := sb.String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		im := triples.NewImporter()
		if errs := im.Read(strings.NewReader(csv), "edges.csv", triples.TriplesCSV); len(errs) > 0 {
			b.Fatal(errs)
		}
		s := openDir(b, b.TempDir(), false)
		for _, x := range im.Extractions() {
			if _, err := s.PutDocument(x, false); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(15000*b.N)/b.Elapsed().Seconds(), "edges/s")
}
