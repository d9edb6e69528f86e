package graph

// IndexRow is what a store's graph index keeps of one actor that has taken
// part in an event: enough to build the actor graph without reading events.
type IndexRow struct {
	// Actor carries ID, Name, Code, Type and Country; not aliases or the
	// seen dates.
	Actor Actor
	// Num is the actor's number in the index, which IndexEdge.To gives:
	// numbers, not IDs, so that reading the graph looks no name up.
	Num uint32
	// Self counts the actor's events with itself.
	Self IndexCount
	// SelfStored counts every event of the actor with itself that the
	// store holds, the zero Filter's or not (negated, hypothetical).
	SelfStored int
	// Out lists the other actors it has stored events towards, or events
	// that count towards them (symmetric), by ID; those with a zero
	// Mentions have none that the zero Filter keeps.
	Out []IndexEdge
}

// Source reports whether the actor is the source of an event that the
// zero Filter keeps (or of one with itself); an actor is a node of the
// graph when it is a source or a target of such an event.
func (r *IndexRow) Source() bool {
	if r.Self.Mentions > 0 {
		return true
	}
	for _, e := range r.Out {
		if e.Mentions > 0 {
			return true
		}
	}
	return false
}

// IndexCount counts the events on one ordered actor pair under the zero
// Filter: Events as a view counts them by default (the reports of one
// event once), Mentions every report (Filter.Mentions). A symmetric event
// counts on both orders.
type IndexCount struct {
	Events, Mentions int
}

// IndexEdge is one entry of IndexRow.Out.
type IndexEdge struct {
	To uint32 // the other actor's IndexRow.Num
	IndexCount
	// Stored counts every stored event towards To, the zero Filter's or
	// not.
	Stored int
}
