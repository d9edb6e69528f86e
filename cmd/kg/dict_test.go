package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runDict runs kg in this process with the given args and stdin.
func runDict(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &ioStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut})
	return code, out.String(), errOut.String()
}

func writeDict(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDictCheckFlags(t *testing.T) {
	var got *dictCheckOptions
	cmd := newCmdDictCheck(newFactory(&ioStreams{}), func(o *dictCheckOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.yaml", "b.yaml"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Files, ",") != "a.yaml,b.yaml" {
		t.Errorf("files = %v", got.Files)
	}
	if code, _, stderr := runDict(t, "", "dict", "check"); code != 2 || !strings.Contains(stderr, "no dictionary file") {
		t.Errorf("no args: exit %d, stderr %q", code, stderr)
	}
}

func TestDictCheck(t *testing.T) {
	good := writeDict(t, "good.yaml", "actors:\n  - {name: Gondor, code: GON, type: country}\nverbs:\n  - {verbs: [besiege], code: \"191\", relation: besiege}\n")
	bad := writeDict(t, "bad.yaml", "actors:\n  - name: X\n    code: gon\n    colour: red\n")

	code, out, stderr := runDict(t, "", "dict", "check", good)
	if code != 0 || out != good+": ok: 1 actor, 1 verb rule, 0 roles, 0 titles\n" || stderr != "" {
		t.Errorf("good: exit %d, out %q, stderr %q", code, out, stderr)
	}

	code, out, stderr = runDict(t, "", "dict", "check", good, bad)
	wantErr := bad + ":3:11: bad actor code \"gon\": want upper-case letters and digits such as PAK, RUSGOV, IGOWSTNAT (at most 15 characters)\n" +
		bad + ":4:5: unknown field \"colour\" in actor (want abbrevs, aliases, code, country, demonyms, name, note, official, places, prefixes, replace, roles, type)\n"
	if code != 1 || !strings.HasPrefix(out, good+": ok") || stderr != wantErr {
		t.Errorf("bad: exit %d, out %q, stderr\n%s\nwant\n%s", code, out, stderr, wantErr)
	}

	code, out, _ = runDict(t, "actors: []\n", "dict", "check", "-")
	if code != 0 || out != "-: ok: 0 actors, 0 verb rules, 0 roles, 0 titles\n" {
		t.Errorf("stdin: exit %d, out %q", code, out)
	}

	code, _, stderr = runDict(t, "", "dict", "check", filepath.Join(t.TempDir(), "missing.yaml"))
	if code != 1 || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("missing: exit %d, stderr %q", code, stderr)
	}
}

func TestDictShow(t *testing.T) {
	t.Setenv("KG_DICT", "")
	code, out, stderr := runDict(t, "", "dict", "show", "--type", "igo", "--format", "csv")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(out, "name,code,type,country,aliases,where\n") || !strings.Contains(out, "\nNATO,IGOWSTNAT,igo,,") || strings.Contains(out, "Pakistan,PAK") {
		t.Errorf("igo listing:\n%s", out)
	}

	world := writeDict(t, "world.yaml", "replace: true\nactors:\n  - {name: Gondor, code: GON, type: country, demonyms: [Gondorian]}\n")
	t.Setenv("KG_DICT", world)
	code, out, _ = runDict(t, "", "dict", "show", "--format", "json")
	var recs []struct {
		Name     string   `json:"name"`
		Demonyms []string `json:"demonyms"`
	}
	if err := json.Unmarshal([]byte(out), &recs); err != nil || code != 0 {
		t.Fatalf("json: exit %d, %v\n%s", code, err, out)
	}
	if len(recs) != 1 || recs[0].Name != "Gondor" || recs[0].Demonyms[0] != "Gondorian" {
		t.Errorf("KG_DICT world: %+v", recs)
	}

	code, out, _ = runDict(t, "", "dict", "show", "--what", "titles")
	if code != 0 || out != "" {
		t.Errorf("a replacing world has no titles: exit %d, %q", code, out)
	}

	if code, _, _ := runDict(t, "", "dict", "show", "--what", "planets"); code != 2 {
		t.Errorf("bad --what: exit %d, want 2", code)
	}
	if code, _, _ := runDict(t, "", "dict", "show", "--what", "roles", "--type", "igo"); code != 2 {
		t.Errorf("--type with --what roles: exit %d, want 2", code)
	}
	bad := writeDict(t, "bad.yaml", "actors: 3\n")
	if code, _, stderr := runDict(t, "", "dict", "show", "--dict", bad); code != 1 || !strings.Contains(stderr, "bad.yaml:1:9:") {
		t.Errorf("bad --dict: exit %d, stderr %q", code, stderr)
	}
}
