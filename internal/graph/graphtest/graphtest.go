// Package graphtest builds the model values tests share: a document's
// extraction with actors, events of every modality, merges and unknown
// names, whose fields all differ from their zero values.
package graphtest

import (
	"strings"

	"github.com/kg-project/kg/internal/graph"
)

// Extraction is a document named name with the given sentences, three
// actors (Pakistan, Russia, the United Nations) and one event per
// sentence, cycling through codes, modalities, dates and flags.
func Extraction(name string, sentences ...string) graph.Extraction {
	text := strings.Join(sentences, " ")
	d := graph.Document{
		ID: graph.DocumentID(text), Name: name, Title: "Title of " + name, Date: graph.Date{Year: 2023, Month: 4, Day: 5},
		Source: "/news/" + name, Text: text, Raw: "<p>" + text + "</p>", Format: "html",
		Sentences: len(sentences),
	}
	actors := []graph.Actor{
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Country: "PAK", Aliases: []string{"Islamabad", "Pakistan"}},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Country: "RUS", Aliases: []string{"Moscow", "Russian Federation"}},
		{ID: "un", Name: "United Nations", Code: "IGOUNO", Type: graph.IGO, Aliases: []string{"U.N."}},
	}
	pairs := [][2]string{{"pakistan", "russia"}, {"russia", "pakistan"}, {"pakistan", "un"}, {"pakistan", "russia"}}
	codes := []string{"042", "036", "0233", "190"}
	var events []graph.Event
	off := 0
	for i, s := range sentences {
		p := pairs[i%len(pairs)]
		c := codes[i%len(codes)]
		rel := "rel" + c
		events = append(events, graph.Event{
			ID: graph.EventID(d.ID, i, p[0], rel, c, p[1]), Source: p[0], Target: p[1], Relation: rel,
			CAMEO: c, QuadClass: 1 + i%4, Goldstein: float64(i) - 1.5, Date: graph.Date{Year: 2023, Month: 4, Day: 1 + i%28},
			Negated: i%3 == 1, Modality: []graph.Modality{graph.Actual, graph.Planned, graph.Hypothetical}[i%3], Symmetric: i%2 == 1,
			DocID: d.ID, SentenceIndex: i, Start: off, End: off + len(s), Sentence: s,
			Confidence: 0.5 + float64(i%5)/10, Extractor: "test/1",
		})
		off += len(s) + 1
	}
	return graph.Extraction{
		Doc: d, Actors: actors, Events: events,
		Unknown: []graph.Unknown{{Name: "Mystery Group", Count: 2}, {Name: "Other Thing", Count: 1}},
		Merges:  []graph.Merge{{From: "Pakistn", FromID: "pakistn", Into: "pakistan", Score: 0.93, Reason: "jaro-winkler 0.93", DocID: d.ID}},
	}
}
