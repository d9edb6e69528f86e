package graph

// ActorRef is how an actor appears inside a triple record.
type ActorRef struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Code    string    `json:"code"`
	Type    ActorType `json:"type"`
	Aliases []string  `json:"aliases"`
}

// Ref returns the record form of a.
func (a Actor) Ref() ActorRef {
	al := a.Aliases
	if al == nil {
		al = []string{}
	}
	return ActorRef{ID: a.ID, Name: a.Name, Code: a.Code, Type: a.Type, Aliases: al}
}

// TripleRecord is the JSONL contract of `kg triples` and `kg extract`: one
// event a line with these field names exactly. `kg import` reads it back.
type TripleRecord struct {
	ID            string   `json:"id"`
	Doc           string   `json:"doc"` // document name
	Sentence      string   `json:"sentence"`
	SentenceIndex int      `json:"sentence_index"`
	Start         int      `json:"start"`
	End           int      `json:"end"`
	Source        ActorRef `json:"source"`
	Relation      string   `json:"relation"`
	CAMEO         string   `json:"cameo"`
	QuadClass     int      `json:"quad_class"`
	Goldstein     float64  `json:"goldstein"`
	Target        ActorRef `json:"target"`
	Date          string   `json:"date"`
	DatePrecision string   `json:"date_precision"` // day, month, year, or document: the document's date, the sentence giving none
	Negated       bool     `json:"negated"`
	Modality      Modality `json:"modality"`
	Symmetric     bool     `json:"symmetric"`
	Confidence    float64  `json:"confidence"`
	// Reporter is whoever the text says reported the event; absent when
	// the text states it itself.
	Reporter *ActorRef `json:"reporter,omitempty"`
	// Origin is where the event comes from: kg, import, gdelt or icews.
	Origin string `json:"origin"`
	// Mentions and Sources: how many reports in how many sources the
	// event stands for, 1 and 1 for an event kg found.
	Mentions int `json:"mentions"`
	Sources  int `json:"sources"`
}

// Record renders e with its resolved actors and the name of its
// document; reporter is the actor e.Reporter names, nil when none. An
// actor's code is the one it held on the event's date.
func (e Event) Record(docName string, src, dst Actor, reporter *Actor) TripleRecord {
	var rep *ActorRef
	if reporter != nil {
		r := reporter.Ref()
		rep = &r
	}
	return e.RecordOf(docName, src.Ref(), dst.Ref(), rep)
}

// RecordOf is Record with the actors in their record form.
func (e Event) RecordOf(docName string, sref, dref ActorRef, rep *ActorRef) TripleRecord {
	// The codes the actors held on the event's date, where they differ
	// from the actors' own.
	if e.SourceCode != "" {
		sref.Code = e.SourceCode
	}
	if e.TargetCode != "" {
		dref.Code = e.TargetCode
	}
	return TripleRecord{Reporter: rep,
		ID: e.ID, Doc: docName, Sentence: e.Sentence, SentenceIndex: e.SentenceIndex,
		Start: e.Start, End: e.End,
		Source: sref, Relation: e.Relation, CAMEO: e.CAMEO, QuadClass: e.QuadClass,
		Goldstein: e.Goldstein, Target: dref,
		Date: e.Date.String(), DatePrecision: e.DatePrecision(),
		Negated: e.Negated, Modality: e.Modality, Symmetric: e.Symmetric, Confidence: e.Confidence,
		Origin: e.Origin(), Mentions: max(e.Mentions, 1), Sources: max(e.Sources, 1),
	}
}

// DocumentPrecision is the date_precision of an event dated by its
// document.
const DocumentPrecision = "document"

// DatePrecision names how e's date is known: "day", "month" or "year"
// when its sentence says, "document" when it is the document's date, ""
// when there is none.
func (e Event) DatePrecision() string {
	if e.DocDate && !e.Date.IsZero() {
		return DocumentPrecision
	}
	return e.Date.Precision().String()
}
