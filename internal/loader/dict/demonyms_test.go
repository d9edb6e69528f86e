package dict

import (
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

// TestDemonymsAttach: demonyms.yaml merges into country entries by name, so
// an entry whose name no other file spells the same way ("Türkiye" against
// "Turkey") becomes an untyped actor of its own and its demonyms map to it.
func TestDemonymsAttach(t *testing.T) {
	data, err := embedded.ReadFile("data/demonyms.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("demonyms.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Actors) < 100 {
		t.Fatalf("demonyms.yaml has %d entries; parsed wrongly?", len(f.Actors))
	}
	// By canonical name, not ActorByName: an alias ("Türkiye" of Turkey)
	// would hide the very mismatch this test is about.
	byName := map[string]*ActorEntry{}
	for i := range d.Actors {
		byName[d.Actors[i].Name] = &d.Actors[i]
	}
	for _, e := range f.Actors {
		a, ok := byName[e.Name]
		switch {
		case !ok:
			t.Errorf("demonym entry %q: no such actor", e.Name)
		case a.Type == "" || a.Code == "":
			t.Errorf("demonym entry %q attaches to an actor without type or code (%q, %q)", e.Name, a.Type, a.Code)
		case a.Type != graph.Country && a.Type != graph.Place:
			t.Errorf("demonym entry %q attaches to a %s", e.Name, a.Type)
		}
	}
	a, ok := byName["Turkey"]
	if !ok || a.Code != "TUR" {
		t.Fatalf("Turkey: %+v, %v", a, ok)
	}
	found := false
	for _, dm := range a.Demonyms {
		found = found || dm == "Turkish"
	}
	if !found {
		t.Errorf("Turkey's demonyms %v lack Turkish", a.Demonyms)
	}
}
