package main

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
	"github.com/kg-project/kg/internal/graph/view"
)

func TestFilterFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    graph.Filter
		wantErr bool
	}{
		{args: nil, want: graph.Filter{}},
		{args: []string{"--since", "2012", "--until", "2013-06-30"},
			want: graph.Filter{Since: graph.Date{Year: 2012}, Until: graph.Date{Year: 2013, Month: 6, Day: 30}}},
		{args: []string{"--cameo", "04, 057", "--quad", "verbal-conflict,4"},
			want: graph.Filter{CAMEO: []string{"04", "057"}, Quad: []int{3, 4}}},
		{args: []string{"--type", "country", "--type", "Person", "--min-events", "2", "--doc", "a.txt",
			"--include-negated", "--modality", "hypothetical"},
			want: graph.Filter{Types: []graph.ActorType{graph.Country, graph.Person}, MinEvents: 2, Docs: []string{"a.txt"},
				IncludeNegated: true, Modalities: []graph.Modality{graph.Hypothetical}}},
		{args: []string{"--since", "2012-13"}, wantErr: true},
		{args: []string{"--cameo", "99"}, wantErr: true},
		{args: []string{"--quad", "nice"}, wantErr: true},
		{args: []string{"--type", "planet"}, wantErr: true},
		{args: []string{"--modality", "maybe"}, wantErr: true},
		{args: []string{"--min-events", "-3"}, wantErr: true},
		{args: []string{"--since", "2014", "--until", "2013"}, wantErr: true},
		{args: []string{"--between", "India, Pakistan", "--min-confidence", "0.7"},
			want: graph.Filter{Between: []string{"India", "Pakistan"}, MinConfidence: 0.7}},
		{args: []string{"--level", "country"}, want: graph.Filter{Level: "country"}},
		{args: []string{"--level", "sector"}, want: graph.Filter{Level: "sector"}},
		{args: []string{"--level", "region"}, wantErr: true},
		{args: []string{"--between", "India"}, wantErr: true},
		{args: []string{"--between", "a,b,c"}, wantErr: true},
		{args: []string{"--min-confidence", "1.5"}, wantErr: true},
		{args: []string{"--mentions"}, want: graph.Filter{Mentions: true}},
		{args: []string{"--report-days", "0"}, want: graph.Filter{ReportDays: -1}},
		{args: []string{"--report-days", "5"}, want: graph.Filter{ReportDays: 5}},
		{args: []string{"--report-days", "-1"}, wantErr: true},
	}
	for _, tt := range tests {
		var ff filterFlags
		cmd := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }}
		addFilterFlags(cmd, &ff)
		if err := cmd.ParseFlags(tt.args); err != nil {
			t.Fatalf("%v: parse: %v", tt.args, err)
		}
		got, err := ff.filter()
		if (err != nil) != tt.wantErr {
			t.Errorf("%v: err = %v, wantErr %v", tt.args, err, tt.wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%v: filter = %+v, want %+v", tt.args, got, tt.want)
		}
	}
}

// queryFixture is a small news-like graph: Russia, India and Pakistan with
// China, the United States, Putin and a person nobody relates to under the
// default filter (only a hypothetical event).
func queryFixture() ([]graph.Actor, []graph.Event) {
	actors := []graph.Actor{
		{ID: "china", Name: "China", Code: "CHN", Type: graph.Country, Aliases: []string{"Beijing"}},
		{ID: "india", Name: "India", Code: "IND", Type: graph.Country, Aliases: []string{"New Delhi"}},
		{ID: "pakistan", Name: "Pakistan", Code: "PAK", Type: graph.Country, Aliases: []string{"Islamabad"}},
		{ID: "russia", Name: "Russia", Code: "RUS", Type: graph.Country, Aliases: []string{"Moscow"}},
		{ID: "united-states", Name: "United States", Code: "USA", Type: graph.Country, Aliases: []string{"U.S.", "Washington"}},
		{ID: "vladimir-putin", Name: "Vladimir Putin", Code: "RUSGOV", Type: graph.Person, Aliases: []string{"Putin"}},
		{ID: "nobody", Name: "Nobody", Type: graph.Person},
	}
	type e struct {
		src, dst, rel, code string
		gold                float64
		date                string
		sym                 bool
	}
	raw := []e{
		{"russia", "india", "sign_agreement", "057", 8, "2012-01-05", true},
		{"russia", "india", "supply_arms", "061", 6.4, "2012-03-01", false},
		{"india", "pakistan", "accuse", "112", -2, "2012-02-01", false},
		{"india", "pakistan", "criticize", "111", -2, "2013-05-01", false},
		{"pakistan", "india", "accuse", "112", -2, "2013-06-01", false},
		{"china", "pakistan", "sign_agreement", "057", 8, "2012-10-01", true},
		{"russia", "china", "express_intent", "036", 4, "2012-11-01", false},
		{"united-states", "pakistan", "attack", "190", -10, "2014-01-01", false},
		{"united-states", "india", "appeal", "042", 1.9, "2014-02-01", false},
		{"vladimir-putin", "pakistan", "visit", "042", 1.9, "2012-10-02", false},
		{"china", "india", "praise", "051", 3.4, "2013-01-01", false},
		{"vladimir-putin", "russia", "praise", "051", 3.4, "2012-10-03", false},
		{"nobody", "russia", "threaten", "138", -7, "2015", false},
	}
	var events []graph.Event
	for i, r := range raw {
		d, _ := graph.ParseDate(r.date)
		ev := graph.Event{ID: fmt.Sprintf("ev%02d", i), Source: r.src, Target: r.dst, Relation: r.rel, CAMEO: r.code,
			QuadClass: cameoQuad(r.code), Goldstein: r.gold, Date: d, Symmetric: r.sym, Modality: graph.Actual,
			DocID: "doc1", Sentence: fmt.Sprintf("%s %s %s.", r.src, r.rel, r.dst)}
		if r.src == "nobody" {
			ev.Modality = graph.Hypothetical
		}
		events = append(events, ev)
	}
	return actors, events
}

func cameoQuad(code string) int { return cameo.QuadClass(code) }

// fixtureLoader builds views of queryFixture as a store would.
func fixtureLoader() viewLoader {
	actors, events := queryFixture()
	return func(f graph.Filter) (*view.View, *storedActors, *docNames, error) {
		return view.NewView(actors, events, f), actorList(actors), &docNames{names: map[string]string{"doc1": "news.txt"}}, nil
	}
}

// runArgs parses argv with a command built by mk and returns what runF got.
func parseArgs[T any](t *testing.T, mk func(*factory, func(*T) error) *cobra.Command, args ...string) (*T, error) {
	t.Helper()
	var got *T
	f := newFactory(&ioStreams{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}})
	cmd := mk(f, func(o *T) error { got = o; return nil })
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	return got, err
}

func testStreams(tty bool) (*ioStreams, *bytes.Buffer) {
	var out bytes.Buffer
	return &ioStreams{Out: &out, ErrOut: &bytes.Buffer{}, OutTTY: tty}, &out
}

func defaultFilter() graph.Filter { return graph.Filter{} }

// TestQueriesOnStore runs the query commands end to end on a store: the
// view is read from Badger, filters apply, names resolve through aliases.
func TestQueriesOnStore(t *testing.T) {
	s := fixtureStore(t)
	tests := []struct {
		args []string
		code int
		want []string // substrings of stdout, or of stderr when code != 0
	}{
		// Default filter: the planned visit and the two UN events; negated
		// and hypothetical events are dropped.
		{[]string{"central", "--measure", "degree", "--format", "csv", "--top", "0"}, 0,
			[]string{"1,pakistan,Pakistan,PAK,country,1.5\n", "3,vladimir-putin,Vladimir Putin,RUSGOV,person,0.5\n"}},
		{[]string{"central", "--measure", "in", "--include-negated", "--modality", "actual,planned,hypothetical", "--format", "csv"}, 0,
			[]string{"russia,Russia,RUS,country,0.33333333"}},
		{[]string{"central", "--doc", "un.html", "--format", "csv"}, 0, []string{"pakistan", "united-nations"}},
		{[]string{"central", "--doc", "nope.txt"}, 1, []string{`unknown document "nope.txt"`}},
		{[]string{"path", "Putin", "U.N.", "--format", "csv"}, 0, []string{"1,1,Vladimir Putin,vladimir-putin,RUSGOV,person,->,Pakistan,pakistan,PAK,country,1,1,0,1,visit", "1,2,Pakistan,pakistan,PAK,country,<->,United Nations,united-nations,IGOUNO,igo,2,1,1"}},
		{[]string{"path", "Putin", "Moscow"}, 1, []string{"Russia (russia) takes part in no event under the current filters"}},
		{[]string{"path", "Putn", "Pakistan"}, 1, []string{`unknown actor "Putn"; closest: Vladimir Putin`}},
		{[]string{"neighbors", "Islamabad", "--format", "csv"}, 0, []string{"united-nations,1,United Nations"}},
		{[]string{"timeline", "Pakistan", "UN", "--format", "csv"}, 0, []string{"2024,1,1,0,3"}},
		{[]string{"link", "Pakistan", "Putin", "UN"}, 0, []string{"Pakistan lies on 1 of 1 shortest Vladimir Putin–United Nations path (100%)"}},
		{[]string{"communities", "--format", "json"}, 0, []string{`"communities"`}},
		{[]string{"balance"}, 0, []string{"triads: 0 balanced"}},
		{[]string{"central", "--measure", "nope"}, 2, []string{"unknown measure"}},
	}
	for _, tt := range tests {
		r := runWithStore(t, s, false, "", tt.args...)
		got := r.out
		if tt.code != 0 {
			got = r.errOut
			if strings.Count(strings.TrimSpace(r.errOut), "\n") > 1 {
				t.Errorf("%v: error spans several lines:\n%s", tt.args, r.errOut)
			}
		}
		if r.code != tt.code {
			t.Errorf("%v: exit %d, want %d; stderr %q", tt.args, r.code, tt.code, r.errOut)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, got)
			}
		}
	}
}

// TestOneFlagOneMeaning: a flag name that several commands define has one
// type in all of them, and a filter flag one help text, so that it means
// the same everywhere.
func TestOneFlagOneMeaning(t *testing.T) {
	root := newRootCmd(newFactory(&ioStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}))
	type seen struct{ cmd, typ, usage string }
	first, firstFilter := map[string]seen{}, map[string]seen{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			s := seen{c.CommandPath(), fl.Value.Type(), fl.Usage}
			if prev, ok := first[fl.Name]; !ok {
				first[fl.Name] = s
			} else if prev.typ != s.typ {
				t.Errorf("--%s is %s in %s and %s in %s", fl.Name, prev.typ, prev.cmd, s.typ, s.cmd)
			}
			// kg actors lists actors, not events: its --type keeps actors
			// of a type, where commands reading events keep events between
			// two actors of that type.
			if c.Flags().Lookup("modality") == nil || !filterFlagNames[fl.Name] {
				return
			}
			if prev, ok := firstFilter[fl.Name]; !ok {
				firstFilter[fl.Name] = s
			} else if prev.usage != s.usage {
				t.Errorf("--%s: %q in %s, %q in %s", fl.Name, prev.usage, prev.cmd, s.usage, s.cmd)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if len(firstFilter) != len(filterFlagNames) {
		t.Errorf("found %d of the %d filter flags on the commands that read events", len(firstFilter), len(filterFlagNames))
	}
	if first["evidence"].typ != "int" {
		t.Errorf("--evidence is %q, want an int everywhere", first["evidence"].typ)
	}
}

var filterFlagNames = map[string]bool{"since": true, "until": true, "cameo": true, "quad": true, "type": true,
	"between": true, "level": true, "min-events": true, "min-confidence": true, "doc": true,
	"include-negated": true, "modality": true, "origin": true}
