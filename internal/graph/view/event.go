package view

import "github.com/kg-project/kg/internal/graph"

// event is a kept event as a view holds it, about a third of a
// graph.Event: the strings that events repeat (relations, codes, document
// IDs) are indexes into the view's string table and its actors are indexes
// into the builder's actors, so that a view of a million events is
// smaller, faster to fill and lighter for the collector. View.Event gives
// the graph.Event back.
type event struct {
	id, sentence string
	src, dst     int32 // the builder's actors (before any roll-up)
	// Indexes into the string table.
	relation, cameo, modality, doc, extractor, reporter, srcCode, dstCode int32
	goldstein, confidence                                                 float64
	year                                                                  int32
	month, day                                                            uint8
	quad                                                                  int8
	flags                                                                 uint8
	sentenceIndex, start, end                                             int32
	mentions, sources                                                     int32
}

const (
	evNegated = 1 << iota
	evSymmetric
	evDocDate
)

func (e *event) symmetric() bool { return e.flags&evSymmetric != 0 }
func (e *event) negated() bool   { return e.flags&evNegated != 0 }
func (e *event) docDate() bool   { return e.flags&evDocDate != 0 }

func (e *event) date() graph.Date {
	return graph.Date{Year: int(e.year), Month: int(e.month), Day: int(e.day)}
}

// strTable numbers the distinct strings of a view's events; index 0 is "".
type strTable struct {
	strs  []string
	index map[string]int32
	// last remembers, per field, the string met last and its index: the
	// events of one document repeat their document, extractor and
	// modality, so most lookups end there.
	last [8]struct {
		s string
		i int32
	}
}

func (t *strTable) ref(field int, s string) int32 {
	if s == "" {
		return 0
	}
	if l := &t.last[field]; l.i != 0 && l.s == s {
		return l.i
	}
	if t.index == nil {
		t.index = map[string]int32{}
		t.strs = []string{""}
	}
	i, ok := t.index[s]
	if !ok {
		i = int32(len(t.strs))
		t.strs = append(t.strs, s)
		t.index[s] = i
	}
	t.last[field].s, t.last[field].i = s, i
	return i
}

func (t *strTable) str(i int32) string {
	if i == 0 {
		return ""
	}
	return t.strs[i]
}

// pack makes the view's form of e, whose source and target are the
// builder's actors src and dst.
func (b *ViewBuilder) pack(e *graph.Event, src, dst int32) event {
	return packEvent(&b.strs, e, src, dst)
}

// packEvent makes the view's form of e, its strings in t.
func packEvent(t *strTable, e *graph.Event, src, dst int32) event {
	c := event{
		id: e.ID, sentence: e.Sentence, src: src, dst: dst,
		relation: t.ref(0, e.Relation), cameo: t.ref(1, e.CAMEO), modality: t.ref(2, string(e.Modality)),
		doc: t.ref(3, e.DocID), extractor: t.ref(4, e.Extractor), reporter: t.ref(5, e.Reporter),
		srcCode: t.ref(6, e.SourceCode), dstCode: t.ref(7, e.TargetCode),
		goldstein: e.Goldstein, confidence: e.Confidence,
		year: int32(e.Date.Year), month: uint8(e.Date.Month), day: uint8(e.Date.Day),
		quad: int8(e.QuadClass), sentenceIndex: int32(e.SentenceIndex), start: int32(e.Start), end: int32(e.End),
		mentions: int32(e.Mentions), sources: int32(e.Sources),
	}
	if e.Negated {
		c.flags |= evNegated
	}
	if e.Symmetric {
		c.flags |= evSymmetric
	}
	if e.DocDate {
		c.flags |= evDocDate
	}
	return c
}

// unpack gives back the graph.Event that e was made from; ids are the
// builder's actor IDs.
func (t *strTable) unpack(e *event, ids []string) graph.Event {
	return graph.Event{
		ID: e.id, Source: ids[e.src], Target: ids[e.dst],
		Relation: t.str(e.relation), CAMEO: t.str(e.cameo), QuadClass: int(e.quad), Goldstein: e.goldstein,
		Date: e.date(), DocDate: e.docDate(), Negated: e.negated(), Modality: graph.Modality(t.str(e.modality)),
		Symmetric: e.symmetric(), Reporter: t.str(e.reporter), SourceCode: t.str(e.srcCode), TargetCode: t.str(e.dstCode),
		DocID: t.str(e.doc), SentenceIndex: int(e.sentenceIndex), Start: int(e.start), End: int(e.end),
		Sentence: e.sentence, Confidence: e.confidence, Extractor: t.str(e.extractor),
		Mentions: int(e.mentions), Sources: int(e.sources),
	}
}
