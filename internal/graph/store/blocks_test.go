package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kg-project/kg/internal/graph"
)

func blockEvents(t testing.TB, b []byte, text string) []graph.Event {
	t.Helper()
	var out []graph.Event
	if err := decodeBlock(b, text, interner{}, nil, func(e *graph.Event, _, _ int32) error { out = append(out, *e); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBlockRoundTrip: a block gives back its events field for field,
// whether their sentences are the text's between their offsets (and left
// out of the block) or not.
func TestBlockRoundTrip(t *testing.T) {
	text := "Pakistan met Russia. Russia praised Pakistan."
	full := graph.Event{ID: "e1", Source: "pakistan", Target: "russia", Relation: "meet", CAMEO: "040", QuadClass: 1, Goldstein: 1,
		Date: graph.Date{Year: 2020, Month: 3, Day: 4}, DocDate: true, Negated: true, Modality: graph.Planned, Symmetric: true,
		Reporter: "lavrov", SourceCode: "PAKGOV", TargetCode: "RUSGOV", DocID: "d", SentenceIndex: 0, Start: 0, End: 20,
		Sentence: "Pakistan met Russia.", Confidence: 0.75, Extractor: "kg-tree/1", Mentions: 3, Sources: 2}
	for _, c := range []struct {
		name   string
		events []graph.Event
		text   string
		inline bool // some sentence is held by the block
	}{
		{"no events", nil, text, false},
		{"sentences from the text", []graph.Event{full, {ID: "e2", Source: "russia", Target: "pakistan", Relation: "praise", CAMEO: "051",
			Modality: graph.Actual, DocID: "d", SentenceIndex: 1, Start: 21, End: 45, Sentence: "Russia praised Pakistan.", Extractor: "kg-tree/1"}}, text, false},
		{"a sentence the text lacks", []graph.Event{{ID: "e3", Source: "a", Target: "b", DocID: "d", Start: 3, End: 9, Sentence: "imported"}}, text, true},
		{"no text", []graph.Event{{ID: "e4", Source: "a", Target: "b", DocID: "d", Sentence: "imported, no offsets"}}, "", true},
		{"offsets past the text", []graph.Event{{ID: "e5", Source: "a", Target: "b", DocID: "d", Start: 40, End: 90}}, text, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := encodeBlock(c.events, c.text)
			got := blockEvents(t, b, c.text)
			if len(got) != len(c.events) || (len(got) > 0 && !reflect.DeepEqual(got, c.events)) {
				t.Errorf("got %+v\nwant %+v", got, c.events)
			}
			inline, fromText := false, false
			walkBlock(b, nil, nil, func(e *graph.Event, flags byte, _, _ int32) {
				inline = inline || flags&flagSentence != 0
				fromText = fromText || flags&flagSentence == 0 && e.End > e.Start
			})
			if inline != c.inline {
				t.Errorf("sentence held by the block: %v, want %v", inline, c.inline)
			}
			if blockNeedsText(b) != fromText {
				t.Errorf("the header says the text is needed: %v; an event takes its sentence from it: %v", blockNeedsText(b), fromText)
			}
		})
	}
}

// FuzzDecodeBlock: any bytes decode to events or an error, never a panic,
// and a block that decodes encodes back to one that gives the same events.
func FuzzDecodeBlock(f *testing.F) {
	f.Add(encodeBlock([]graph.Event{{ID: "x", Source: "a", Target: "b", Sentence: "s", Mentions: 2}}, ""), "")
	f.Add(encodeBlock([]graph.Event{{ID: "y", Source: "a", Target: "b", Start: 0, End: 3, Sentence: "abc"}}, "abc"), "abc")
	f.Add([]byte{blockCodec, 0, 0, 0}, "")
	f.Add(encodeBlock([]graph.Event{{ID: "z", Goldstein: math.NaN(), Confidence: math.Inf(1)}}, ""), "")
	f.Fuzz(func(t *testing.T, b []byte, text string) {
		var evs []graph.Event
		if err := decodeBlock(b, text, interner{}, nil, func(e *graph.Event, _, _ int32) error { evs = append(evs, *e); return nil }); err != nil {
			return
		}
		// Compared as encodings, which hold a NaN score as its bits.
		enc := encodeBlock(evs, text)
		if again := encodeBlock(blockEvents(t, enc, text), text); !bytes.Equal(again, enc) {
			t.Errorf("re-encoded block differs:\n%q\n%q", again, enc)
		}
	})
}

// TestUpgradeFormat1: a store written before blocks is read as it is by a
// read-only open and gets its blocks at the first writable one, with the
// same events.
func TestUpgradeFormat1(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir, false)
	mustPut(t, s, testDoc("a", "Pakistan met Russia.", "Russia praised Pakistan."), false, graph.Added)
	mustPut(t, s, testDoc("b", "Pakistan asked the UN."), false, graph.Added)
	want := sortedEvents(t, s)
	// Make it a format-1 store: no blocks, the old stamp.
	if err := s.db.Update(func(txn *badger.Txn) error {
		ks, err := keysWithPrefix(txn, []byte(prefixBlock))
		if err != nil {
			return err
		}
		for _, k := range ks {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		// and actors as JSON.
		for _, id := range []string{"pakistan", "russia"} {
			a, err := getActor(txn, id)
			if err != nil {
				return err
			}
			b, _ := json.Marshal(a)
			if err := txn.Set(key(prefixActor, id), b); err != nil {
				return err
			}
		}
		return txn.Set(keyFormat, encodeUint32(1))
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	ro := openDir(t, dir, true)
	if ro.blocks() {
		t.Error("a read-only open upgraded the store")
	}
	if got := sortedEvents(t, ro); !reflect.DeepEqual(got, want) {
		t.Errorf("format 1 read: %d events, want %d", len(got), len(want))
	}
	ro.Close()

	rw := openDir(t, dir, false)
	defer rw.Close()
	if !rw.blocks() {
		t.Fatal("a writable open did not upgrade the store")
	}
	if got := sortedEvents(t, rw); !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade: %+v\nwant %+v", got, want)
	}
	if err := rw.db.View(func(txn *badger.Txn) error {
		b, err := getValue(txn, key(prefixActor, "russia"))
		if err == nil && b[0] != actorCodec {
			t.Errorf("actor still as JSON after the upgrade: %q", b)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if r, err := rw.Check(context.Background()); err != nil || !r.OK() {
		t.Errorf("check after the upgrade: %+v, %v", r, err)
	}
}

func sortedEvents(t *testing.T, s *Store) []graph.Event {
	t.Helper()
	var out []graph.Event
	if err := s.Events(func(e graph.Event) error { out = append(out, e); return nil }); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(a, b graph.Event) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	return out
}

// TestActorCodec: an actor comes back field for field, from the binary
// codec and from format 1's JSON; a cut record is an error.
func TestActorCodec(t *testing.T) {
	for _, a := range []graph.Actor{
		{},
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Aliases: []string{"Islamabad", "Pakistan"},
			FirstSeen: graph.Date{Year: 1947}, LastSeen: graph.Date{Year: 2024, Month: 5, Day: 6}},
		{ID: "x", Name: "X", Type: graph.Person, Country: "RUS"},
	} {
		b := encodeActor(&a)
		var got graph.Actor
		if err := decodeActor(b, &got); err != nil || !reflect.DeepEqual(got, a) {
			t.Errorf("binary: %+v, %v; want %+v", got, err, a)
		}
		j, _ := json.Marshal(a)
		if err := decodeActor(j, &got); err != nil || got.ID != a.ID || got.Name != a.Name || len(got.Aliases) != len(a.Aliases) {
			t.Errorf("JSON: %+v, %v; want %+v", got, err, a)
		}
		if err := decodeActor(b[:len(b)-1], &got); err == nil {
			t.Errorf("a cut record decoded: %+v", got)
		}
	}
}

func FuzzDecodeActor(f *testing.F) {
	f.Add(encodeActor(&graph.Actor{ID: "a", Name: "A", Aliases: []string{"b"}}))
	f.Add([]byte(`{"id":"a"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var a graph.Actor
		if decodeActor(b, &a) != nil || (len(b) > 0 && b[0] == '{') {
			return
		}
		var again graph.Actor
		if err := decodeActor(encodeActor(&a), &again); err != nil || !reflect.DeepEqual(again, a) {
			t.Errorf("round trip: %+v, %v; want %+v", again, err, a)
		}
	})
}

// TestEventsStopsAtFnError: the reading goroutine stops when fn fails,
// and fn's error is what Events returns.
func TestEventsStopsAtFnError(t *testing.T) {
	s := openMem(t)
	for i := range 30 {
		mustPut(t, s, testDoc(fmt.Sprintf("d%d", i), strings.Repeat("Pakistan met Russia. ", 200+i)), false, graph.Added)
	}
	stop := errors.New("enough")
	n := 0
	err := s.Events(func(graph.Event) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Errorf("Events = %v after %d events, want %v after 10", err, n, stop)
	}
	var all int
	if err := s.Events(func(graph.Event) error { all++; return nil }); err != nil || all != int(mustStats(t, s).Events) {
		t.Errorf("a full read after a stopped one: %d events, %v", all, err)
	}
}

// TestEventsIndexed: the positions given with each event are those of
// its actors in the index, -1 for one it lacks, from blocks and from a
// store of format 1 alike.
func TestEventsIndexed(t *testing.T) {
	s := openMem(t)
	mustPut(t, s, testDoc("a", "Pakistan met Russia.", "Russia praised Pakistan.", "Pakistan asked the UN."), false, graph.Added)
	ax := &graph.ActorIndex{IDs: []string{"russia", "pakistan"}, Index: map[string]int32{"russia": 0, "pakistan": 1}}
	for _, format := range []uint32{formatVersion, 1} {
		s.format = format
		n := 0
		err := s.EventsIndexed(ax, func(e *graph.Event, src, dst int32) error {
			n++
			for _, c := range []struct {
				id  string
				pos int32
			}{{e.Source, src}, {e.Target, dst}} {
				want, ok := ax.Index[c.id]
				if !ok {
					want = -1
				}
				if c.pos != want {
					t.Errorf("format %d: actor %s at %d, want %d", format, c.id, c.pos, want)
				}
			}
			return nil
		})
		if err != nil || n != 3 {
			t.Errorf("format %d: %d events, %v", format, n, err)
		}
	}
}

// TestEventsOfDocsStopsAtFnError: fn's error ends a listing at once, and
// the reading goroutine with it.
func TestEventsOfDocsStopsAtFnError(t *testing.T) {
	s := openMem(t)
	var ids []string
	for i := range 200 {
		x := testDoc(fmt.Sprintf("d%03d", i), fmt.Sprintf("Pakistan met Russia %d times.", i))
		mustPut(t, s, x, false, graph.Added)
		ids = append(ids, x.Doc.ID)
	}
	stop := errors.New("enough")
	n := 0
	err := s.EventsOfDocs(ids, func(string, []graph.Event) error {
		if n++; n == 70 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 70 {
		t.Errorf("EventsOfDocs = %v after %d documents, want %v after 70", err, n, stop)
	}
}

// TestEventRecordsHoldSpans: an event whose sentence is its document's
// text between its offsets stores the span, not a copy; reading the event
// gives the sentence back; a sentence the text lacks is kept whole.
func TestEventRecordsHoldSpans(t *testing.T) {
	s := openMem(t)
	x := testDoc("a", "Pakistan met Russia.", "Russia praised Pakistan.")
	x.Events[1].Sentence = "a sentence of another text"
	mustPut(t, s, x, false, graph.Added)
	for i, e := range x.Events {
		var raw []byte
		if err := s.db.View(func(txn *badger.Txn) error {
			var err error
			raw, err = getValue(txn, key(prefixEvent, e.ID))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		inText := i == 0
		if got := bytes.Contains(raw, []byte(e.Sentence)); got == inText {
			t.Errorf("event %d: record holds its sentence: %v, want %v", i, got, !inText)
		}
		back, err := s.Event(e.ID)
		if err != nil || back.Sentence != e.Sentence {
			t.Errorf("event %d read back: %q, %v; want %q", i, back.Sentence, err, e.Sentence)
		}
	}
}

// TestWriterCachesBounded: the writer's caches of actors and graph-index
// rows stay under their caps however many a load writes, and what is
// written is right whether a row came from the cache or from the store.
func TestWriterCachesBounded(t *testing.T) {
	defer func(a, r int) { maxCachedActors, maxCachedRows = a, r }(maxCachedActors, maxCachedRows)
	maxCachedActors, maxCachedRows = 8, 8
	s := openMem(t)
	for i := range 60 {
		// 20 pairs among 40 actors, each pair met three times, far apart.
		k := i % 20
		x := testDoc(fmt.Sprintf("d%02d", i), fmt.Sprintf("Sentence number %d.", i))
		a := graph.Actor{ID: fmt.Sprintf("a%02d", k), Name: fmt.Sprintf("A %d", k), Type: graph.Country}
		b := graph.Actor{ID: fmt.Sprintf("b%02d", k), Name: fmt.Sprintf("B %d", k), Type: graph.Country}
		x.Actors = []graph.Actor{a, b}
		e := x.Events[0]
		e.Source, e.Target, e.Reporter = a.ID, b.ID, ""
		e.ID = graph.EventID(x.Doc.ID, 0, a.ID, e.Relation, e.CAMEO, b.ID)
		x.Events = []graph.Event{e}
		mustPut(t, s, x, false, graph.Added)
		if len(s.actors) > 8+2 || len(s.rows) > 8+2 {
			t.Fatalf("after %d documents the caches hold %d actors and %d rows", i+1, len(s.actors), len(s.rows))
		}
	}
	if r, err := s.Check(context.Background()); err != nil || !r.OK() || r.Edges != 20 || r.Actors != 40 {
		t.Errorf("check: %+v, %v", r, err)
	}
}
