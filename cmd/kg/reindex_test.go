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
