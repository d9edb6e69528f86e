package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupRestore backs a loaded store up to a file and to stdout,
// restores both into new stores that answer as the first does, and refuses
// a non-empty directory, another file and a backup cut short, removing what
// a failed restore made.
func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	if code, _, errOut := runKG(t, "", "--store", src, "load", writeCorpus(t, 20<<10)); code != 0 {
		t.Fatalf("load: %d %s", code, errOut)
	}
	_, want, _ := runKG(t, "", "--store", src, "stats")

	file := filepath.Join(dir, "a.backup")
	if code, _, errOut := runKG(t, "", "--store", src, "backup", file); code != 0 || !strings.Contains(errOut, "backed up to") {
		t.Fatalf("backup: %d %s", code, errOut)
	}
	code, stream, _ := runKG(t, "", "--store", src, "backup", "-")
	if code != 0 {
		t.Fatalf("backup -: %d", code)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]struct{ path, stdin string }{
		"from a file": {file, ""},
		"from stdin":  {"-", stream},
	} {
		dst := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".db")
		if code, _, errOut := runKG(t, in.stdin, "--store", dst, "restore", in.path); code != 0 {
			t.Fatalf("restore %s: %d %s", name, code, errOut)
		}
		if _, got, _ := runKG(t, "", "--store", dst, "stats"); got != want {
			t.Errorf("restored %s, stats:\n%s\nwant:\n%s", name, got, want)
		}
		if code, _, errOut := runKG(t, "", "--store", dst, "restore", file); code != 1 || !strings.Contains(errOut, "not empty") {
			t.Errorf("restore into a full store: %d %s", code, errOut)
		}
	}

	cut := filepath.Join(dir, "cut.backup")
	if err := os.WriteFile(cut, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.txt")
	if err := os.WriteFile(other, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{cut, other} {
		dst := filepath.Join(dir, "bad.db")
		code, _, errOut := runKG(t, "", "--store", dst, "restore", bad)
		if code != 1 || !strings.HasPrefix(errOut, "kg: restore") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("restore of %s: %d %q", filepath.Base(bad), code, errOut)
		}
		if _, err := os.Stat(dst); !os.IsNotExist(err) {
			t.Errorf("a failed restore left %s behind: %v", dst, err)
		}
	}
}

// TestReindexRecodes: kg reindex with a dictionary that codes an actor
// otherwise recodes the stored actor, as a fresh load would.
func TestReindexRecodes(t *testing.T) {
	store, _ := demoStore(t)
	code := func() string {
		_, out, _ := runKG(t, "", "--store", store, "actors", "--format", "csv")
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "ashfaq-parvez-kayani,") {
				return strings.Split(line, ",")[2]
			}
		}
		t.Fatalf("no Kayani among the actors:\n%s", out)
		return ""
	}
	if got := code(); got != "PAKMIL" {
		t.Fatalf("loaded: Kayani is %s, want PAKMIL", got)
	}
	dict := filepath.Join(t.TempDir(), "my.yaml")
	if err := os.WriteFile(dict, []byte("actors:\n  - name: Ashfaq Parvez Kayani\n    code: PAKGOV\n    type: person\n    country: PAK\n    aliases: [Kayani]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, _, errOut := runKG(t, "", "--store", store, "reindex", "--dict", dict); c != 0 {
		t.Fatalf("reindex: %s", errOut)
	}
	if got := code(); got != "PAKGOV" {
		t.Errorf("reindexed with a dictionary coding Kayani PAKGOV: %s", got)
	}
}
