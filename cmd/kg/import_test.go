package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
)

// TestImportTriplesRoundTrip checks that what kg triples prints as JSONL
// imports into a new store giving the same triples, actors and counts, and
// that doing it again changes nothing.
func TestImportTriplesRoundTrip(t *testing.T) {
	src := fixtureStore(t)
	want := runWithStore(t, src, false, "", "triples", "--format", "jsonl").out
	if strings.Count(want, "\n") != 5 {
		t.Fatalf("fixture printed %d triples, want 5", strings.Count(want, "\n"))
	}
	jsonl := want
	for round := 1; round <= 2; round++ {
		dst := memStore(t)
		r := runWithStore(t, dst, false, jsonl, "import", "-")
		if r.code != 0 || r.errOut != "" || r.out != "" {
			t.Fatalf("round %d: import: exit %d, stdout %q, stderr %q", round, r.code, r.out, r.errOut)
		}
		got := runWithStore(t, dst, false, "", "triples", "--format", "jsonl").out
		if got != want {
			t.Fatalf("round %d: triples differ after import:\n got %s\nwant %s", round, got, want)
		}
		for _, args := range [][]string{{"stats", "--format", "json"}} {
			a := runWithStore(t, src, false, "", args...).out
			b := runWithStore(t, dst, false, "", args...).out
			var sa, sb graph.Stats
			json.Unmarshal([]byte(a), &sa)
			json.Unmarshal([]byte(b), &sb)
			// An import knows only the sentences that hold events.
			if sa.Documents != sb.Documents || sa.Actors != sb.Actors || sa.Events != sb.Events || sa.Edges != sb.Edges {
				t.Errorf("round %d: stats %+v, want %+v", round, sb, sa)
			}
		}
		srcActors, _ := src.Actors()
		dstActors, _ := dst.Actors()
		if len(srcActors) != len(dstActors) {
			t.Fatalf("round %d: %d actors, want %d", round, len(dstActors), len(srcActors))
		}
		for i, a := range srcActors {
			b := dstActors[i]
			if a.ID != b.ID || a.Name != b.Name || a.Code != b.Code || a.Type != b.Type || !reflect.DeepEqual(a.Aliases, b.Aliases) ||
				a.FirstSeen != b.FirstSeen || a.LastSeen != b.LastSeen {
				t.Errorf("round %d: actor %+v imported as %+v", round, a, b)
			}
		}
		// Importing the same output again is a no-op.
		r = runWithStore(t, dst, true, jsonl, "import", "-")
		if r.code != 0 || !strings.Contains(r.errOut, "2 unchanged; 0 events written") {
			t.Errorf("round %d: re-import: exit %d, stderr %q", round, r.code, r.errOut)
		}
		jsonl = got
	}
}

// TestImportCSVFromTriples checks that kg triples --format csv imports back
// with the same event IDs, relations and codes.
func TestImportCSVFromTriples(t *testing.T) {
	src := fixtureStore(t)
	csv := runWithStore(t, src, false, "", "triples", "--format", "csv").out
	dst := memStore(t)
	if r := runWithStore(t, dst, false, csv, "import", "--input-format", "csv", "-"); r.code != 0 {
		t.Fatalf("import: exit %d, stderr %q", r.code, r.errOut)
	}
	key := func(s *store.Store) []string {
		var out []string
		s.Events(func(e graph.Event) error {
			out = append(out, strings.Join([]string{e.ID, e.Source, e.Relation, e.CAMEO, e.Target, e.Date.String(), string(e.Modality), e.Sentence}, "|"))
			return nil
		})
		return out
	}
	if got, want := key(dst), key(src); !reflect.DeepEqual(got, want) {
		t.Errorf("events differ:\n got %q\nwant %q", got, want)
	}
}

func TestImportBadRows(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "edges.csv")
	os.WriteFile(bad, []byte("source,target,cameo,doc,date,colour\n"+
		"Pakistan,Russia,042,good,2023-01-02,red\n"+
		"Pakistan,,042,broken,,\n"+
		"Pakistan,Russia,042,broken,,\n"+
		"Russia,China,99x,also-broken,,\n"), 0o644)
	good := filepath.Join(dir, "more.jsonl")
	os.WriteFile(good, []byte(`{"doc":"j","source":{"name":"China"},"target":{"name":"India"},"relation":"met"}`+"\n"), 0o644)
	s := memStore(t)
	r := runWithStore(t, s, false, "", "import", bad, good, filepath.Join(dir, "missing.tsv"))
	wantErr := "kg: " + bad + ":3: empty target\n" +
		"kg: " + bad + ":5: CAMEO code \"99x\": want digits only\n" +
		"kg: import: open " + filepath.Join(dir, "missing.tsv") + ": no such file or directory\n" +
		"kg: warning: " + bad + ": ignoring unknown columns colour\n" +
		"kg: document also-broken not imported because of the errors above\n" +
		"kg: document broken not imported because of the errors above\n"
	if r.code != 1 || r.errOut != wantErr || r.out != "" {
		t.Errorf("exit %d\nstderr:\n%s\nwant:\n%s", r.code, r.errOut, wantErr)
	}
	docs, _ := allDocuments(s)
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	if strings.Join(sortedCopy(names), ",") != "good,j" {
		t.Errorf("stored documents %v, want good and j", names)
	}
}

func sortedCopy(ss []string) []string {
	out := append([]string(nil), ss...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestImportForce(t *testing.T) {
	s := memStore(t)
	in := "source\ttarget\trelation\nA\tB\tmet\n"
	for _, tc := range []struct {
		in   string
		args []string
		want string
	}{
		{in, nil, "1 new, 0 replaced, 0 unchanged; 1 events written"},
		{in, nil, "0 new, 0 replaced, 1 unchanged; 0 events written"},
		{in + "B\tC\tmet\n", []string{"--force"}, "0 new, 1 replaced, 0 unchanged; 2 events written"},
	} {
		r := runWithStore(t, s, true, tc.in, append([]string{"import"}, append(tc.args, "-")...)...)
		if r.code != 0 || !strings.Contains(r.errOut, tc.want) {
			t.Errorf("import %v: exit %d, stderr %q, want %q", tc.args, r.code, r.errOut, tc.want)
		}
	}
	if st, _ := s.Stats(); st.Events != 2 || st.Documents != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestImportFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "no FILE given (use - for stdin)"},
		{[]string{"stats", "x"}, `unexpected argument "x" (kg stats takes flags only)`},
		{[]string{"import", "--input-format", "xml", "a.csv"}, `unknown --input-format "xml"`},
		{[]string{"import", "-", "-"}, "stdin (-) given 2 times"},
	} {
		r := runWithStore(t, memStore(t), false, "", tc.args...)
		if r.code != 2 || !strings.Contains(r.errOut, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.args, r.code, r.errOut, tc.want)
		}
	}
	r := runWithStore(t, memStore(t), false, "", "import", "-")
	if r.code != 1 || !strings.Contains(r.errOut, "stdin:1: empty file") {
		t.Errorf("empty stdin: exit %d, stderr %q", r.code, r.errOut)
	}
}

// TestImportResolvesNames: rows that name actors without IDs meet the
// actors that extraction makes: through the store's names, aliases and
// codes, then the dictionary's names and country codes; a name neither
// knows stays its own actor, and an ID given is kept.
func TestImportResolvesNames(t *testing.T) {
	t.Setenv("KG_DICT", "")
	store := filepath.Join(t.TempDir(), "kg.db")
	in := "source,target,cameo,source_id\nRUS,PAK,042,\nKayani,Russian Federation,042,\nAcme Ltd,Islamabad,042,\nX,Moscow,042,my-x\n"
	if code, _, errOut := runKG(t, in, "--store", store, "import", "-"); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	_, out, _ := runKG(t, "", "--store", store, "triples", "--format", "csv")
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		f := strings.Split(line, ",")
		got = append(got, f[4]+">"+f[12]) // source_id, target_id
	}
	sort.Strings(got)
	want := "acme-ltd>pakistan ashfaq-parvez-kayani>russia my-x>russia russia>pakistan"
	if strings.Join(got, " ") != want {
		t.Errorf("edges %q, want %q", strings.Join(got, " "), want)
	}
	// A second import meets the stored actors, by alias this time.
	if code, _, errOut := runKG(t, "source,target,cameo\nthe Kremlin,General Kayani,040\n", "--store", store, "import", "-"); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	_, out, _ = runKG(t, "", "--store", store, "stats", "--format", "jsonl")
	if !strings.Contains(out, `"actors":5`) {
		t.Errorf("stats %s: want the 5 actors of the first import", out)
	}
}
