package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReindexFlags(t *testing.T) {
	t.Setenv("KG_DICT", "")
	var got *reindexOptions
	cmd := newCmdReindex(newFactory(&ioStreams{}), func(o *reindexOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--dict", "a.yaml", "--format", "json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Dicts, ",") != "a.yaml" || got.Format != formatJSON {
		t.Errorf("options = %+v", got)
	}
	if code, _, _ := runExtractCmd(t, "", nil, "reindex", "extra-arg"); code != 2 {
		t.Errorf("positional argument: exit %d, want 2", code)
	}
}

func TestReindexStore(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "kg.db")
	doc := filepath.Join(dir, "a.txt")
	os.WriteFile(doc, []byte("Freedonia criticised Russia. India criticised Russia."), 0o644)
	env := map[string]string{"KG_DICT": ""}
	// The rules coder takes no one-word name it does not know as an
	// actor, so the dictionary below is what adds Freedonia's event.
	if code, _, stderr := runExtractCmd(t, "", env, "--store", store, "load", "--coder", "rules", "--quiet", doc); code != 0 {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	// A dictionary that knows Freedonia adds its event on reindex.
	dict := filepath.Join(dir, "extra.yaml")
	os.WriteFile(dict, []byte("actors:\n  - {name: Freedonia, code: FRD, type: country, country: FRD}\n"), 0o644)
	code, stdout, stderr := runExtractCmd(t, "", env, "--store", store, "reindex", "--coder", "rules", "--dict", dict, "--format", "json")
	if code != 0 {
		t.Fatalf("reindex: exit %d: %s", code, stderr)
	}
	var sum struct {
		Documents    int `json:"documents"`
		Failed       int `json:"failed"`
		EventsBefore int `json:"events_before"`
		EventsAfter  int `json:"events_after"`
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("summary %q: %v", stdout, err)
	}
	if sum.Documents != 1 || sum.Failed != 0 || sum.EventsBefore != 1 || sum.EventsAfter != 2 {
		t.Errorf("summary = %s", stdout)
	}
	code, stdout, _ = runExtractCmd(t, "", env, "--store", store, "reindex")
	if code != 0 || !strings.HasPrefix(stdout, "reindexed 1 documents:") {
		t.Errorf("text summary: exit %d, %q", code, stdout)
	}

	// Imported events stay as imported: the document is skipped.
	csv := filepath.Join(dir, "events.csv")
	os.WriteFile(csv, []byte("doc,source,target,cameo,sentence\nimp.txt,Freedonia,Russia,111,Freedonia criticised Russia.\n"), 0o644)
	if code, _, stderr := runExtractCmd(t, "", env, "--store", store, "import", csv); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	code, stdout, stderr = runExtractCmd(t, "", env, "--store", store, "reindex")
	if code != 0 || !strings.HasPrefix(stdout, "reindexed 1 documents:") || !strings.Contains(stdout, ", 1 imported skipped") {
		t.Errorf("with an imported document: exit %d, %q, %s", code, stdout, stderr)
	}
}

// TestReindexGraph: --graph rebuilds the graph index from the stored
// events and extracts nothing; extraction flags are refused beside it.
func TestReindexGraph(t *testing.T) {
	store, _ := demoStore(t)
	_, before, _ := runKG(t, "", "--store", store, "central", "--measure", "pagerank", "--format", "json")
	code, out, errOut := runKG(t, "", "--store", store, "reindex", "--graph")
	if code != 0 || !strings.HasPrefix(out, "rebuilt the graph index of ") {
		t.Fatalf("reindex --graph: exit %d, out %q, err %q", code, out, errOut)
	}
	if code, out, _ := runKG(t, "", "--store", store, "reindex", "--graph", "--format", "json"); code != 0 || !strings.Contains(out, `"events"`) {
		t.Errorf("reindex --graph --format json: exit %d, out %q", code, out)
	}
	if _, after, _ := runKG(t, "", "--store", store, "central", "--measure", "pagerank", "--format", "json"); after != before || before == "" {
		t.Errorf("central before the rebuild:\n%s\nafter:\n%s", before, after)
	}
	if code, _, _ := runKG(t, "", "--store", store, "check"); code != 0 {
		t.Errorf("check after the rebuild: exit %d", code)
	}
	for _, flag := range [][]string{{"--dict", "x.yaml"}, {"--coder", "rules"}, {"--fast"}} {
		if code, _, errOut := runKG(t, "", append([]string{"--store", store, "reindex", "--graph"}, flag...)...); code != 2 || !strings.Contains(errOut, "--graph") {
			t.Errorf("reindex --graph %v: exit %d, err %q", flag, code, errOut)
		}
	}
}
