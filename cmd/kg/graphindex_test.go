package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestIndexedQueriesMatchEvents runs the queries that read the graph
// index on the demo corpus twice, from the index and from every event,
// and wants the same bytes: counts, relations, dates, evidence and the
// reports of each event.
func TestIndexedQueriesMatchEvents(t *testing.T) {
	store, _ := demoStore(t)
	queries := [][]string{
		{"central", "--measure", "pagerank", "--format", "json"},
		{"central", "--measure", "degree", "--format", "csv"},
		{"central", "--measure", "betweenness", "--mentions"},
		{"central", "--measure", "closeness", "--min-events", "1"},
		{"path", "Kayani", "India", "--k", "3", "--evidence", "2", "--format", "json"},
		{"path", "Russia", "Pakistan", "--max-hops", "3", "--format", "jsonl"},
		{"path", "Russia", "Afghanistan", "--directed", "--weighted", "--format", "csv"},
		{"path", "Moscow", "Islamabad", "--mentions", "--evidence", "3", "--format", "json"},
		{"link", "India", "Russia", "Pakistan", "--evidence", "2", "--format", "json"},
		{"link", "United States", "Russia", "Pakistan"},
		{"neighbors", "Lavrov", "--depth", "2", "--evidence", "2", "--format", "json"},
		{"neighbors", "Pakistan", "--evidence", "3", "--format", "json"},
		{"neighbors", "Russia", "--mentions", "--format", "csv"},
		{"neighbors", "Zardari"},
		{"neighbors", "nobody-at-all"},
	}
	answer := func(indexed bool, args []string) string {
		graphIndexQueries = indexed
		defer func() { graphIndexQueries = true }()
		var out, errOut bytes.Buffer
		io := &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
		code := run(append([]string{"--store", store}, args...), io)
		return strings.Join([]string{string(rune('0' + code)), out.String(), errOut.String()}, "\n")
	}
	answered := 0
	for _, q := range queries {
		idx, all := answer(true, q), answer(false, q)
		if idx != all {
			t.Errorf("kg %s:\nfrom the index:\n%s\nfrom the events:\n%s", strings.Join(q, " "), idx, all)
		}
		if strings.HasPrefix(idx, "0\n") && len(idx) > 40 {
			answered++
		}
	}
	if answered < len(queries)-2 {
		t.Errorf("only %d of %d queries answered", answered, len(queries))
	}
}
