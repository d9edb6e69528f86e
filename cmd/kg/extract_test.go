package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
)

func runExtractCmd(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	var out, errOut bytes.Buffer
	code := run(args, &ioStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut})
	return code, out.String(), errOut.String()
}

func decodeTriples(t *testing.T, s string) []graph.TripleRecord {
	t.Helper()
	var out []graph.TripleRecord
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		if line == "" {
			continue
		}
		var r graph.TripleRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not a triple record: %q: %v", line, err)
		}
		out = append(out, r)
	}
	return out
}

func TestExtractFlags(t *testing.T) {
	t.Setenv("KG_DICT", "")
	var got *extractOptions
	cmd := newCmdExtract(newFactory(&ioStreams{}), func(o *extractOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.txt", "dir", "--dict", "x.yaml", "--dict", "y.yaml", "--max-size", "1MB"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Paths, ",") != "a.txt,dir" || strings.Join(got.Dicts, ",") != "x.yaml,y.yaml" || got.MaxSize != 1<<20 {
		t.Errorf("options = %+v", got)
	}
	if code, _, stderr := runExtractCmd(t, "", nil, "extract", "--max-size", "lots"); code != 2 || !strings.Contains(stderr, "max-size") {
		t.Errorf("bad size: exit %d, stderr %q", code, stderr)
	}
}

func TestExtractFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("Russia and Pakistan signed a defence agreement in 2014. India criticised Russia."), 0o644)
	code, stdout, stderr := runExtractCmd(t, "", map[string]string{"KG_DICT": ""}, "extract", a)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	recs := decodeTriples(t, stdout)
	if len(recs) != 2 {
		t.Fatalf("got %d triples, want 2:\n%s", len(recs), stdout)
	}
	r := recs[0]
	if r.Doc != "a.txt" || r.CAMEO != "057" || !r.Symmetric || r.Date != "2014" || r.Source.Name != "Russia" || r.Target.Name != "Pakistan" {
		t.Errorf("first triple = %+v", r)
	}
	if recs[1].CAMEO != "111" || recs[1].Source.Code != "IND" || recs[1].Target.Code != "RUS" {
		t.Errorf("second triple = %+v", recs[1])
	}
}

func TestExtractStdinStream(t *testing.T) {
	stdin := `{"id": "d1", "text": "Japan helped Sri Lanka after the floods."}
{"id": "d2", "body": "Canada condemned North Korea for the missile launch.", "date": "2017-07-04"}
not json
{"id": "d3", "content": "Nothing happens here."}
`
	code, stdout, stderr := runExtractCmd(t, stdin, map[string]string{"KG_DICT": ""}, "extract")
	if code != 1 {
		t.Errorf("exit %d, want 1 for the bad line", code)
	}
	if n := strings.Count(strings.TrimSpace(stderr), "\n") + 1; n != 1 || !strings.Contains(stderr, ":3") {
		t.Errorf("stderr should be one line naming line 3, got %q", stderr)
	}
	recs := decodeTriples(t, stdout)
	if len(recs) != 2 || recs[0].Doc != "d1" || recs[1].Doc != "d2" || recs[1].CAMEO != "111" {
		t.Errorf("triples = %+v", recs)
	}
}

func TestExtractDictFlag(t *testing.T) {
	dict := filepath.Join(t.TempDir(), "extra.yaml")
	os.WriteFile(dict, []byte(`actors:
  - name: Freedonia
    code: FRD
    type: country
    country: FRD
    aliases: [Fredonia City]
`), 0o644)
	stdin := `{"id": "x", "text": "Freedonia criticised Russia."}` + "\n"
	code, stdout, stderr := runExtractCmd(t, stdin, map[string]string{"KG_DICT": ""}, "extract", "--dict", dict, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs := decodeTriples(t, stdout)
	if len(recs) != 1 || recs[0].Source.Code != "FRD" {
		t.Errorf("with --dict: %+v", recs)
	}
	// The same dictionary through the environment.
	code, stdout, _ = runExtractCmd(t, stdin, map[string]string{"KG_DICT": dict}, "extract")
	if recs := decodeTriples(t, stdout); code != 0 || len(recs) != 1 || recs[0].Source.Code != "FRD" {
		t.Errorf("with KG_DICT: exit %d, %+v", code, recs)
	}
	if code, _, stderr := runExtractCmd(t, stdin, map[string]string{"KG_DICT": ""}, "extract", "--dict", filepath.Join(t.TempDir(), "missing.yaml")); code != 1 || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("missing dictionary: exit %d, stderr %q", code, stderr)
	}
}

func TestExtractMissingFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("India criticised Russia."), 0o644)
	code, stdout, stderr := runExtractCmd(t, "", map[string]string{"KG_DICT": ""}, "extract", filepath.Join(dir, "nope.txt"), good)
	if code != 1 || !strings.Contains(stderr, "nope.txt") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if recs := decodeTriples(t, stdout); len(recs) != 1 {
		t.Errorf("the good file should still be extracted: %q", stdout)
	}
}

// TestExtractLoadAgree: kg extract and kg load code the same triples,
// with either coder, reporter included.
func TestExtractLoadAgree(t *testing.T) {
	t.Setenv("KG_DICT", "")
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.txt")
	text := "Russia and Pakistan signed a defence agreement in 2014. Ukrainian officials said Russian forces shelled Kharkiv. " +
		"The United Nations urged Sudan to release the prisoners. India did not criticise Russia."
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	key := func(r graph.TripleRecord) string {
		rep := ""
		if r.Reporter != nil {
			rep = r.Reporter.ID
		}
		return strings.Join([]string{r.Source.ID, r.CAMEO, r.Target.ID, rep, r.Date, r.DatePrecision, string(r.Modality)}, " ") + map[bool]string{true: " not"}[r.Negated]
	}
	for _, coder := range []string{"rules", "tree"} {
		t.Run(coder, func(t *testing.T) {
			code, stdout, stderr := runExtractCmd(t, "", nil, "extract", "--coder", coder, doc)
			if code != 0 {
				t.Fatalf("extract: exit %d: %s", code, stderr)
			}
			var fromExtract []string
			for _, r := range decodeTriples(t, stdout) {
				fromExtract = append(fromExtract, key(r))
			}
			store := filepath.Join(t.TempDir(), "kg.db")
			if code, _, stderr := runKG(t, "", "--store", store, "load", "--coder", coder, doc); code != 0 {
				t.Fatalf("load: exit %d: %s", code, stderr)
			}
			code, stdout, stderr = runKG(t, "", "--store", store, "triples", "--format", "jsonl")
			if code != 0 {
				t.Fatalf("triples: exit %d: %s", code, stderr)
			}
			var fromLoad []string
			for _, r := range decodeTriples(t, stdout) {
				fromLoad = append(fromLoad, key(r))
			}
			sort.Strings(fromExtract)
			sort.Strings(fromLoad)
			if len(fromExtract) == 0 || strings.Join(fromExtract, "\n") != strings.Join(fromLoad, "\n") {
				t.Errorf("extract gave\n%s\nload gave\n%s", strings.Join(fromExtract, "\n"), strings.Join(fromLoad, "\n"))
			}
		})
	}
	if code, _, stderr := runExtractCmd(t, "", nil, "extract", "--coder", "magic", doc); code == 0 || !strings.Contains(stderr, "unknown coder") {
		t.Errorf("--coder magic: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runExtractCmd(t, "", nil, "extract", "--coder", "rules", "--fast", doc); code == 0 || !strings.Contains(stderr, "--fast") {
		t.Errorf("--fast without the tree coder: exit %d, stderr %q", code, stderr)
	}
}

// TestExtractVerbDictNeedsTree: a PETRARCH verb dictionary is refused by
// the rules coder, which would ignore it, and used by the tree coder.
func TestExtractVerbDictNeedsTree(t *testing.T) {
	t.Setenv("KG_DICT", "")
	dir := t.TempDir()
	verbs := filepath.Join(dir, "v.txt")
	if err := os.WriteFile(verbs, []byte("--- MEND [064] ---\nMEND\n- * TIES [064]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := `{"id":"x","text":"Armenia mended its ties with Azerbaijan."}`
	if code, _, stderr := runExtractCmd(t, doc, nil, "extract", "--coder", "rules", "--dict", verbs); code == 0 || !strings.Contains(stderr, "--coder tree") || !strings.Contains(stderr, "v.txt") {
		t.Errorf("rules coder with a verb dictionary: exit %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := runExtractCmd(t, doc, nil, "extract", "--dict", verbs)
	if code != 0 {
		t.Fatalf("tree coder (the default): exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"cameo":"064"`) {
		t.Errorf("tree coder did not code mended ties as 064: %s", stdout)
	}
}

// TestExtractIssuesRefused: an issue list, which kg does not code, is
// refused rather than read and ignored.
func TestExtractIssuesRefused(t *testing.T) {
	t.Setenv("KG_DICT", "")
	issues := filepath.Join(t.TempDir(), "issues.txt")
	if err := os.WriteFile(issues, []byte("<ISSUE CATEGORY=\"ID_ATROCITY\" TYPE=\"\">\nn:massacre [ID_ATROCITY]\n</ISSUE>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runExtractCmd(t, `{"id":"x","text":"Chile criticised Peru."}`, nil, "extract", "--dict", issues); code == 0 || !strings.Contains(stderr, "issue lists") {
		t.Errorf("issue list: exit %d, stderr %q", code, stderr)
	}
}
