package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

func TestTriplesFlags(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *triplesOptions)
	}{
		{args: []string{"--actor", "Moscow", "--actor", "un,  Pakistan", "--cameo", "04,057", "--since", "2023-04", "--until", "2024", "--doc", "a.txt"},
			check: func(t *testing.T, o *triplesOptions) {
				if !reflect.DeepEqual(o.Actors, []string{"Moscow", "un", "Pakistan"}) {
					t.Errorf("actors = %q", o.Actors)
				}
				f := o.Filter
				if !reflect.DeepEqual(f.CAMEO, []string{"04", "057"}) || f.Since != (graph.Date{Year: 2023, Month: 4}) ||
					f.Until != (graph.Date{Year: 2024}) || !reflect.DeepEqual(f.Docs, []string{"a.txt"}) ||
					!f.IncludeNegated || len(f.Modalities) != 3 {
					t.Errorf("filter = %+v", f)
				}
				if o.Format != formatTable {
					t.Errorf("format = %q", o.Format)
				}
			}},
		{args: []string{"--since", "2023-13"}, wantErr: "--since: bad date"},
		{args: []string{"--until", "yesterday"}, wantErr: "--until: bad date"},
		{args: []string{"--cameo", "99"}, wantErr: "root must be 01 to 20"},
		{args: []string{"--since", "2024", "--until", "2023"}, wantErr: "until 2023 is before since 2024"},
		{args: []string{"--format", "xml"}, wantErr: `unknown --format "xml"`},
		{args: []string{"extra"}, wantErr: `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f := newFactory(&ioStreams{})
			var got *triplesOptions
			cmd := newCmdTriples(f, func(o *triplesOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(new(strings.Builder))
			cmd.SetErr(new(strings.Builder))
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
}

// TestTriplesDocumentOrder: by default triples come by document (by date,
// then name) and sentence, one document at a time; --min-events still
// counts a pair's events across documents.
func TestTriplesDocumentOrder(t *testing.T) {
	s := fixtureStore(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "visit,express intent to cooperate with,appeal to,urge,criticise"},
		{[]string{"--min-events", "2"}, ""},
		{[]string{"--sort", "date"}, "criticise,appeal to,visit,express intent to cooperate with,urge"},
	} {
		r := runWithStore(t, s, false, "", append([]string{"triples", "--format", "csv"}, tt.args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, r.code, r.errOut)
		}
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(r.out), "\n")[1:] {
			got = append(got, strings.Split(line, ",")[7])
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%v: %q, want %q", tt.args, strings.Join(got, ","), tt.want)
		}
	}
	// A pair with one event in each of two documents passes --min-events 2.
	dir := filepath.Join(t.TempDir(), "kg.db")
	in := "source,target,cameo,doc,date\nA,B,042,d1,2020-01-01\nC,D,042,d1,2020-01-01\nA,B,043,d2,2021-01-01\n"
	if code, _, errOut := runKG(t, in, "--store", dir, "import", "-"); code != 0 {
		t.Fatal(errOut)
	}
	if _, out, _ := runKG(t, "", "--store", dir, "triples", "--min-events", "2", "--format", "csv"); strings.Count(out, "\n") != 3 || strings.Contains(out, ",C,") {
		t.Errorf("--min-events 2 across documents:\n%s", out)
	}
	if r := runWithStore(t, s, false, "", "triples", "--sort", "size"); r.code != 2 {
		t.Errorf("--sort size: exit %d, want 2", r.code)
	}
}

func TestTriplesFilters(t *testing.T) {
	s := fixtureStore(t)
	tests := []struct {
		args []string
		want []string // relations, in output order
	}{
		// By date (--sort date): undated first, a month before its days;
		// negated and hypothetical kept.
		{nil, []string{"criticise", "appeal to", "visit", "express intent to cooperate with", "urge"}},
		{[]string{"--actor", "Moscow"}, []string{"appeal to", "express intent to cooperate with"}},
		{[]string{"--actor", "putin"}, []string{"visit"}},
		{[]string{"--actor", "u.n.", "--actor", "vladimir-putin"}, []string{"criticise", "visit", "urge"}},
		{[]string{"--cameo", "02"}, []string{"appeal to", "urge"}},
		{[]string{"--cameo", "0233,111"}, []string{"criticise", "appeal to"}},
		{[]string{"--since", "2024"}, []string{"urge"}},
		{[]string{"--until", "2023-04-04"}, []string{"appeal to"}},
		{[]string{"--doc", "un.html"}, []string{"criticise", "urge"}},
		{[]string{"--doc", "un.html", "--actor", "Russia"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runWithStore(t, s, false, "", append([]string{"triples", "--format", "jsonl", "--sort", "date"}, tt.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.errOut)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(r.out), "\n") {
				if line == "" {
					continue
				}
				var rec graph.TripleRecord
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatal(err)
				}
				got = append(got, rec.Relation)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTriplesErrors(t *testing.T) {
	s := fixtureStore(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"triples", "--actor", "Atlantis"}, `kg: unknown actor "Atlantis"; closest: Pakistan (PAK), United Nations (IGOUNO)`},
		{[]string{"triples", "--doc", "missing.txt"}, `kg: unknown document "missing.txt"`},
	} {
		r := runWithStore(t, s, false, "", tt.args...)
		if r.code != 1 || !strings.HasPrefix(r.errOut, tt.want) || r.out != "" {
			t.Errorf("%q: exit %d, stderr %q, stdout %q; want exit 1 and %q", tt.args, r.code, r.errOut, r.out, tt.want)
		}
	}
	// Counting options would be accepted and do nothing: a usage error.
	r := runWithStore(t, s, false, "", "triples", "--report-days", "5")
	if r.code != 2 || !strings.HasPrefix(r.errOut, "kg: --report-days: kg triples lists every report as stored") {
		t.Errorf("--report-days: exit %d, stderr %q; want a usage error", r.code, r.errOut)
	}
}

// TestTriplesSharedFilters: kg triples takes the filters of every other
// command, and by default still lists every event.
func TestTriplesSharedFilters(t *testing.T) {
	s := fixtureStore(t)
	count := func(args ...string) int {
		t.Helper()
		r := runWithStore(t, s, false, "", append([]string{"triples", "--format", "jsonl"}, args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.errOut)
		}
		return strings.Count(r.out, "\n")
	}
	all := count()
	if all == 0 {
		t.Fatal("no triples in the fixture")
	}
	if n := count("--modality", "actual,planned,hypothetical", "--include-negated"); n != all {
		t.Errorf("every modality and negation asked for: %d triples, the default gives %d", n, all)
	}
	if n := count("--modality", "actual"); n >= all {
		t.Errorf("--modality actual kept %d of %d", n, all)
	}
	r := runWithStore(t, s, false, "", "triples", "--format", "jsonl", "--between", "Russia,Pakistan")
	if r.code != 0 || r.out == "" {
		t.Fatalf("--between: %d %s", r.code, r.errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.out), "\n") {
		if !strings.Contains(line, `"id":"russia"`) || !strings.Contains(line, `"id":"pakistan"`) {
			t.Errorf("--between Russia,Pakistan kept %s", line)
		}
	}
	if r := runWithStore(t, s, false, "", "triples", "--between", "Russia"); r.code != 2 {
		t.Errorf("--between with one actor: exit %d, want 2", r.code)
	}
}
