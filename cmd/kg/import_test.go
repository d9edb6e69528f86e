package main

import (
	"archive/zip"
	"encoding/json"
	"io"
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
		// The stores list their documents under other IDs, so in
		// another order.
		sort.Strings(out)
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

// TestImportGDELT: GDELT event files (a .CSV.zip as published) import with
// their IDs, dates, codes, quad classes, Goldstein scores, counts and
// article URLs; actors meet kg's through the dictionary, a country coded
// with a role becomes that country's sector; the events keep their origin,
// which --origin selects; and what kg triples writes of them imports back
// into the same records.
func TestImportGDELT(t *testing.T) {
	t.Setenv("KG_DICT", "")
	dir := t.TempDir()
	line := func(id, date, a1code, a1name, a1ctry, a2code, a2name, a2ctry, code, quad, gold, mentions, sources, url string) string {
		c := make([]string, 61)
		c[0], c[1], c[5], c[6], c[7], c[15], c[16], c[17] = id, date, a1code, a1name, a1ctry, a2code, a2name, a2ctry
		c[26], c[29], c[30], c[31], c[32], c[60] = code, quad, gold, mentions, sources, url
		return strings.Join(c, "\t")
	}
	events := strings.Join([]string{
		line("1001", "20231005", "PAKGOV", "PAKISTAN", "PAK", "RUS", "MOSCOW", "RUS", "042", "1", "1.9", "6", "2", "https://example.org/a1"),
		line("1002", "20231006", "USA", "UNITED STATES", "USA", "", "", "", "010", "1", "0", "1", "1", "https://example.org/a2"),
		line("1003", "20231007", "IND", "INDIA", "IND", "PAKMIL", "PAKISTAN", "PAK", "190", "4", "-10", "10", "4", "https://example.org/a2"),
	}, "\n") + "\n"
	archive := filepath.Join(dir, "20231007.export.CSV.zip")
	f, err := os.Create(archive)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("20231007.export.CSV")
	io.WriteString(w, events)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	store := filepath.Join(dir, "kg.db")
	code, _, errOut := runKG(t, "", "--store", store, "import", "--from", "gdelt", archive)
	if code != 0 || !strings.Contains(errOut, "1 event with one actor left out") {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	_, out, _ := runKG(t, "", "--store", store, "triples", "--format", "jsonl", "--origin", "gdelt")
	var recs []graph.TripleRecord
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r graph.TripleRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 2 {
		t.Fatalf("%d triples, want 2:\n%s", len(recs), out)
	}
	a, b := recs[0], recs[1]
	if a.ID != "gdelt-1001" || a.Source.ID != "pakistan-government" || a.Source.Code != "PAKGOV" || a.Target.ID != "russia" ||
		a.CAMEO != "042" || a.Goldstein != 1.9 || a.Date != "2023-10-05" || a.Mentions != 6 || a.Sources != 2 ||
		a.Origin != "gdelt" || a.Doc != "https://example.org/a1" {
		t.Errorf("first triple %+v", a)
	}
	if b.ID != "gdelt-1003" || b.Target.ID != "pakistan-military" || b.QuadClass != 4 || b.Goldstein != -10 || b.Mentions != 10 {
		t.Errorf("second triple %+v", b)
	}
	if _, out, _ := runKG(t, "", "--store", store, "triples", "--origin", "kg"); out != "" {
		t.Errorf("--origin kg lists GDELT's events:\n%s", out)
	}
	// Round trip through kg triples' JSONL.
	other := filepath.Join(dir, "other.db")
	if code, _, errOut := runKG(t, out, "--store", other, "import", "-"); code != 0 {
		t.Fatalf("reimport: %s", errOut)
	}
	_, out2, _ := runKG(t, "", "--store", other, "triples", "--format", "jsonl")
	if out2 != out {
		t.Errorf("round trip differs:\n%s\nwant\n%s", out2, out)
	}
	// A line of another shape names the file, the line and the problem.
	bad := filepath.Join(dir, "bad.CSV")
	os.WriteFile(bad, []byte(strings.Replace(events, "20231007", "2023", 1)), 0o644)
	if code, _, errOut := runKG(t, "", "--store", filepath.Join(dir, "x.db"), "import", "--from", "gdelt", bad); code != 1 ||
		!strings.Contains(errOut, `bad.CSV:3: column 2 (SQLDATE): "2023" is not a date YYYYMMDD`) {
		t.Errorf("bad line: exit %d: %s", code, errOut)
	}
}

// TestImportICEWS: ICEWS coded events import by story, with their codes
// (a lost leading zero restored), intensities as Goldstein scores and
// origin; "Police (Pakistan)" is Pakistan's police, the sector kg makes of
// "Pakistani police", and a person meets the dictionary's.
func TestImportICEWS(t *testing.T) {
	t.Setenv("KG_DICT", "")
	dir := t.TempDir()
	head := "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"
	row := func(id, date, src, code, intensity, dst, story string) string {
		return strings.Join([]string{id, date, src, "", "", "", code, intensity, dst, "", "", story, "1", "", "", "", "", "", "", ""}, "\t") + "\n"
	}
	file := filepath.Join(dir, "events.2014.tab")
	os.WriteFile(file, []byte(head+row("1", "2014-11-20", "Pakistan", "57", "8.0", "Russia", "s1")+
		row("2", "2014-11-21", "Police (Pakistan)", "173", "-5.0", "Citizen (Pakistan)", "s2")+
		row("3", "2014-11-22", "Sergey Lavrov", "042", "1.9", "Pakistan", "s3")), 0o644)
	store := filepath.Join(dir, "kg.db")
	if code, _, errOut := runKG(t, "", "--store", store, "import", "--from", "icews", file); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	_, out, _ := runKG(t, "", "--store", store, "triples", "--format", "csv", "--origin", "icews")
	for _, want := range []string{
		"icews-1,2014-11-20,day,Pakistan,pakistan,PAK,country,sign_formal_agreement,057,1,8,Russia,russia,RUS,country",
		"icews-2,2014-11-21,day,Pakistan police,pakistan-police,PAKCOP,organization,",
		",-5,Pakistan civilians,pakistan-civilians,PAKCVL,organization,",
		"icews-3,2014-11-22,day,Sergey Lavrov,sergey-lavrov,RUSGOV,person,make_a_visit,042",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("triples lack %q:\n%s", want, out)
		}
	}
	if _, out, _ := runKG(t, "", "--store", store, "triples", "--origin", "gdelt"); out != "" {
		t.Errorf("--origin gdelt lists ICEWS events:\n%s", out)
	}
}

// TestImportFileEqualsStdin: a file is imported in two passes, each
// document stored as soon as its last row is read; the store is the one
// that reading the same rows from stdin, whole, makes, documents spread
// over the file and bad lines included.
func TestImportFileEqualsStdin(t *testing.T) {
	rows := "source,target,cameo,doc,date\n" +
		"Russia,Pakistan,042,a,2016-09-24\nIndia,China,036,b,2017\nPakistan,India,112,a,2016\n" +
		"China,India,x43,c,2018\nRussia,India,051,b,2017-03\nRussia,China,042,c,2018\nIndia,Pakistan,190,d,2019\n"
	file := filepath.Join(t.TempDir(), "rows.csv")
	if err := os.WriteFile(file, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile, fromStdin := filepath.Join(t.TempDir(), "f"), filepath.Join(t.TempDir(), "s")
	c1, _, e1 := runKG(t, "", "--store", fromFile, "import", file)
	c2, _, e2 := runKG(t, rows, "--store", fromStdin, "import", "-")
	if c1 != 1 || c2 != 1 || strings.ReplaceAll(e1, file, "stdin") != e2 {
		t.Errorf("file: exit %d, %q\nstdin: exit %d, %q", c1, e1, c2, e2)
	}
	listing := func(store string) string {
		_, out, _ := runKG(t, "", "--store", store, "triples", "--format", "csv")
		return out
	}
	if a, b := listing(fromFile), listing(fromStdin); a != strings.ReplaceAll(b, "stdin", "rows.csv") || !strings.Contains(a, "India") {
		t.Errorf("stores differ:\n%s\n%s", a, b)
	}
	if code, out, _ := runKG(t, "", "--store", fromFile, "import", "--format", "json", file); code != 1 || !strings.Contains(out, `"unchanged": 3`) {
		t.Errorf("a second import: exit %d, %s", code, out)
	}
}
