package main

import (
	"strings"
	"testing"
)

func TestActorsOptions(t *testing.T) {
	s := fixtureStore(t)
	tests := []struct {
		args []string
		code int
		want string // stdout, or a stderr fragment when code != 0
	}{
		{[]string{"actors", "--type", "person,igo", "--format", "csv"}, 0,
			"id,name,code,type,country,aliases,first_seen,last_seen,events\n" +
				"united-nations,United Nations,IGOUNO,igo,,U.N.; UN,2024-01-02,2024-01-02,2\n" +
				"vladimir-putin,Vladimir Putin,RUSGOV,person,RUS,President Putin; Putin,2023-04-05,2023-04-05,1\n"},
		{[]string{"actors", "--type", "group"}, 0, ""},
		{[]string{"actors", "--type", "planet"}, 2, `--type: unknown actor type "planet"`},
		{[]string{"actors", "--merges", "--unknown"}, 2, "--merges and --unknown cannot be combined"},
		{[]string{"actors", "--merges", "--type", "country"}, 2, "--type applies to the actor list"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runWithStore(t, s, false, "", tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", r.code, tt.code, r.errOut)
			}
			if tt.code == 0 && r.out != tt.want {
				t.Errorf("stdout:\n%s\nwant:\n%s", r.out, tt.want)
			}
			if tt.code != 0 && !strings.Contains(r.errOut, tt.want) {
				t.Errorf("stderr %q, want it to contain %q", r.errOut, tt.want)
			}
		})
	}
}
