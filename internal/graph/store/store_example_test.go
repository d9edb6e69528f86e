package store_test

import (
	"fmt"
	"log"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
)

func ExampleStore_PutDocument() {
	s, err := store.Open(store.DefaultOptions("").WithInMemory(true))
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	text := "Pakistan hosted Russia."
	doc := graph.Document{ID: graph.DocumentID(text), Name: "a.txt", Text: text, Sentences: 1}
	x := graph.Extraction{
		Doc: doc,
		Actors: []graph.Actor{
			{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country},
			{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Aliases: []string{"Moscow"}},
		},
		Events: []graph.Event{{
			ID: graph.EventID(doc.ID, 0, "pakistan", "hosted", "043", "russia"), Source: "pakistan", Target: "russia",
			Relation: "hosted", CAMEO: "043", QuadClass: 1, Goldstein: 2.8, Start: 0, End: len(text), Sentence: text,
		}},
	}
	for i := 0; i < 2; i++ {
		st, err := s.PutDocument(x, false)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(st)
	}
	stats, _ := s.Stats()
	fmt.Printf("%+v\n", stats)
	found, _ := s.ActorsByAlias("moscow")
	fmt.Println(found[0].ID)
	// Output:
	// new
	// unchanged
	// {Documents:1 Sentences:1 Actors:2 Events:1 Edges:1}
	// russia
}
