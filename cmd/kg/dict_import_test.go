package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/loader/dict"
)

var shireFiles = []string{
	"testdata/dict-import/shire.verbs.txt",
	"testdata/dict-import/shire.actors.txt",
	"testdata/dict-import/shire.agents.txt",
	"testdata/dict-import/shire.discards.txt",
}

func TestDictImportFlags(t *testing.T) {
	var got *dictImportOptions
	cmd := newCmdDictImport(newFactory(&ioStreams{}), func(o *dictImportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.txt", "b.txt", "-o", "out.yaml", "--force"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Files, ",") != "a.txt,b.txt" || got.Output != "out.yaml" || !got.Force {
		t.Errorf("options %+v", got)
	}
	cmd = newCmdDictImport(newFactory(&ioStreams{}), func(o *dictImportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"a.txt"})
	if err := cmd.Execute(); err != nil || got.Output != "-" || got.Force {
		t.Errorf("defaults %+v, %v", got, err)
	}
	if code, _, stderr := runDict(t, "", "dict", "import"); code != 2 || !strings.Contains(stderr, "no dictionary file") {
		t.Errorf("no args: exit %d, stderr %q", code, stderr)
	}
}

// TestDictImportGolden converts the hand-made Shire dictionaries (one of
// each PETRARCH kind) and pins the YAML; the YAML must read back to the
// dictionary the PETRARCH files give.
func TestDictImportGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "shire.yaml")
	code, stdout, stderr := runDict(t, "", append(append([]string{"dict", "import"}, shireFiles...), "-o", out)...)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	wantSummary := out + ": 4 actors, 6 agents, 2 verb blocks (5 patterns), 3 discards\n"
	if stderr != wantSummary {
		t.Errorf("summary %q, want %q", stderr, wantSummary)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("dict-import", "shire.yaml.golden"), string(data))

	fromYAML, err := dict.LoadWith(nil, out)
	if err != nil {
		t.Fatal(err)
	}
	fromText, err := dict.LoadWith(nil, shireFiles...)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := dictDigest(fromYAML), dictDigest(fromText); a != b {
		t.Errorf("the YAML loads differently from the PETRARCH files:\n%s\n---\n%s", a, b)
	}

	// The output exists now: only --force replaces it.
	code, _, stderr = runDict(t, "", "dict", "import", shireFiles[0], "-o", out)
	if code != 1 || !strings.Contains(stderr, "exists: give --force") {
		t.Errorf("overwrite: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runDict(t, "", "dict", "import", shireFiles[3], "-o", out, "--force")
	if code != 0 || stderr != out+": 0 actors, 0 agents, 0 verb blocks (0 patterns), 3 discards\n" {
		t.Errorf("--force: exit %d, stderr %q", code, stderr)
	}
	if data, _ := os.ReadFile(out); !strings.Contains(string(data), "discards:") || strings.Contains(string(data), "actors:") {
		t.Errorf("--force did not replace the file:\n%s", data)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// dictDigest lists what a dictionary holds, positions aside.
func dictDigest(d *dict.Dictionary) string {
	var b strings.Builder
	for _, a := range d.Actors {
		b.WriteString(a.Name + " " + a.Code + " " + string(a.Type) + " " + a.Country + " " + strings.Join(a.Aliases, ";"))
		for _, r := range a.Roles {
			b.WriteString(" " + r.Code + "@" + r.From.String() + ".." + r.Until.String())
		}
		b.WriteByte('\n')
	}
	for _, a := range d.Agents {
		b.WriteString(a.Word + " " + a.Code + " " + strings.Join(a.Plurals, ";"))
		if a.Before {
			b.WriteString(" before")
		}
		b.WriteByte('\n')
	}
	for _, x := range d.Discards {
		b.WriteString(x.String() + "\n")
	}
	for _, bl := range d.VerbDict.Blocks {
		b.WriteString(bl.Name + " " + bl.Code + ":" + bl.Alt + "\n")
		for _, w := range bl.Verbs {
			b.WriteString("  " + w.Lemma + " " + w.Code + " " + strings.Join(w.Forms, ";") + "\n")
		}
		for _, p := range bl.Patterns {
			b.WriteString("  " + p.Text + " " + p.Source + " " + p.Target + " " + p.Compound + "\n")
		}
	}
	for _, tr := range d.VerbDict.Transforms {
		b.WriteString(tr.Text + "\n")
	}
	return b.String()
}

func TestDictImportStdout(t *testing.T) {
	code, stdout, stderr := runDict(t, "GONDOR [GON]\n+MINAS_TIRITH\n", "dict", "import", "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := "# kg dictionary converted by kg dict import from -\nactors:\n  - name: Gondor\n    code: GON\n    type: organization\n    aliases: [Minas Tirith]\n"
	if stdout != want || stderr != "converted: 1 actor, 0 agents, 0 verb blocks (0 patterns), 0 discards\n" {
		t.Errorf("stdout %q\nstderr %q", stdout, stderr)
	}
}

func TestDictImportErrors(t *testing.T) {
	bad := writeDict(t, "bad.agents", "SOLDIER [~MIL]\nSAILOR [~MIL~]\n")
	code, _, stderr := runDict(t, "", "dict", "import", bad)
	if code != 1 || !strings.Contains(stderr, "convert "+bad+":\n"+bad+":2:9: bad agent code") {
		t.Errorf("bad file: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runDict(t, "", "dict", "import", filepath.Join(t.TempDir(), "missing.txt"))
	if code != 1 || !strings.Contains(stderr, "read dictionary:") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "no", "such", "dir", "x.yaml")
	if code, _, _ := runDict(t, "", "dict", "import", shireFiles[3], "-o", out); code != 1 {
		t.Errorf("unwritable output: exit %d", code)
	}
}

func TestDictCheckPetrarch(t *testing.T) {
	verbs := writeDict(t, "v.txt", "--- GRANT [070] ---\nGRANT\n- * LOAN [def]\n")
	code, out, stderr := runDict(t, "", "dict", "check", verbs)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if out != verbs+": ok: 0 actors, 0 verb rules, 0 roles, 0 titles, 1 verb block (1 verb, 1 pattern), 0 synsets, read as petrarch-verbs\n" {
		t.Errorf("out %q", out)
	}
	if stderr != verbs+":3: warning: pattern * LOAN [def]: \"def\" is not a CAMEO event code\n" {
		t.Errorf("stderr %q", stderr)
	}
	code, _, stderr = runDict(t, "", "dict", "check", writeDict(t, "x.txt", "HELLO, WORLD\n"))
	if code != 1 || !strings.Contains(stderr, ":1:1: unrecognised dictionary format") {
		t.Errorf("unknown format: exit %d, stderr %q", code, stderr)
	}
}

// TestDictFlagPetrarch: --dict takes a PETRARCH file as it is.
func TestDictFlagPetrarch(t *testing.T) {
	t.Setenv("KG_DICT", "")
	actors := writeDict(t, "me.actors", "GONDOR_ [GON]\n+MINAS_TIRITH\n")
	code, out, stderr := runDict(t, "", "dict", "show", "--dict", actors, "--format", "csv")
	if code != 0 || !strings.Contains(out, "\nGondor,GON,organization,,Minas Tirith,"+actors+":1\n") {
		t.Errorf("exit %d, stderr %q, out has no Gondor:\n%.300s", code, stderr, out)
	}
}
