package main

import (
	"reflect"
	"testing"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/graph"
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
