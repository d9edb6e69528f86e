package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tourExample is one "$ kg …" line of a console block in the README, with
// the output shown under it.
type tourExample struct {
	line       int // 1-based line of the command in the README
	cmd        string
	want       []string
	start, end int // the output's lines, as indexes into the README's lines
}

// readTour returns the README's lines, the examples of its console blocks
// and the kg command lines of its sh blocks. In a console block a line
// starting "$ " is a command, the lines up to the next one or the end of
// the block are its output; an sh block shows commands alone.
func readTour(t *testing.T, path string) ([]string, []tourExample, []tourExample) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var out, sh []tourExample
	in, inSh := false, false
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "```console"):
			in = true
		case l == "```sh":
			inSh = true
		case (in || inSh) && strings.HasPrefix(l, "```"):
			in, inSh = false, false
		case inSh && (strings.HasPrefix(l, "kg ") || strings.Contains(l, "| kg ")):
			sh = append(sh, tourExample{line: i + 1, cmd: l})
		case in && strings.HasPrefix(l, "$ "):
			out = append(out, tourExample{line: i + 1, cmd: strings.TrimPrefix(l, "$ "), start: i + 1, end: i + 1})
		case in && len(out) > 0:
			ex := &out[len(out)-1]
			ex.want = append(ex.want, l)
			ex.end = i + 1
		}
	}
	return lines, out, sh
}

// Load reports its own speed; that line is the one output of the tour that
// differs from run to run.
var tourTiming = regexp.MustCompile(`^time +[0-9.]+ s for [0-9.]+[KMG]?B \([0-9.]+ MB/s\)$`)

func tourNormalise(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if tourTiming.MatchString(l) {
			l = "time (varies)"
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}

// TestReadmeTour runs every command of the README's console blocks with a
// shell, in a folder holding the store and articles that
// "kg demo --corpus demo --keep demo.db" writes, as the README says, and
// compares what it prints with what the README shows. -update rewrites
// the README's outputs from the run.
func TestReadmeTour(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every README example")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	readme := filepath.Join("..", "..", "README.md")
	lines, examples, commands := readTour(t, readme)
	if len(examples) < 20 {
		t.Fatalf("found only %d examples in the README's console blocks", len(examples))
	}

	// A kg on PATH that is this test binary run as kg.
	bin := t.TempDir()
	self, err := filepath.Abs(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\nKG_HELPER_PROCESS=1 exec '" + strings.ReplaceAll(self, "'", `'\''`) + "' -test.run='^TestKGHelperProcess$' -- \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "kg"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	env := []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + work,
		"KG_STORE=demo.db", "KG_FORCE_TTY=1", "LC_ALL=C.UTF-8"}
	runSh := func(cmd string) (int, string) {
		c := exec.Command(sh, "-c", cmd)
		c.Dir, c.Env = work, env
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		return exitStatus(t, c.Run()), out.String()
	}
	if code, out := runSh("kg demo --corpus demo --keep demo.db"); code != 0 {
		t.Fatalf("kg demo: exit %d\n%s", code, out)
	}

	_, hasPython := exec.LookPath("python3")
	changed := false
	for _, ex := range examples {
		if strings.Contains(ex.cmd, "python3") && hasPython != nil {
			t.Logf("README:%d: no python3; skipped %s", ex.line, ex.cmd)
			continue
		}
		code, out := runSh(ex.cmd)
		got := strings.Split(strings.TrimRight(out, "\n"), "\n")
		wantErr := len(ex.want) > 0 && strings.HasPrefix(ex.want[0], "kg: ")
		if code != 0 && !wantErr {
			t.Errorf("README:%d: %s: exit %d\n%s", ex.line, ex.cmd, code, out)
			continue
		}
		if wantErr && code == 0 {
			t.Errorf("README:%d: %s: succeeded where the README shows an error", ex.line, ex.cmd)
		}
		if tourNormalise(got) == tourNormalise(ex.want) {
			continue
		}
		if updateGoldens() {
			for i := range got {
				got[i] = strings.TrimRight(got[i], " \t")
			}
			lines = append(lines[:ex.start], append(got, lines[ex.end:]...)...)
			changed = true
			// Later examples' positions moved with this one's length.
			shift := len(got) - (ex.end - ex.start)
			for j := range examples {
				if examples[j].start >= ex.end && examples[j].line > ex.line {
					examples[j].start += shift
					examples[j].end += shift
				}
			}
			continue
		}
		t.Errorf("README:%d: %s: the output differs from the README's (go test ./cmd/kg -run TestReadmeTour -update rewrites it)\n--- README\n%s\n--- kg\n%s",
			ex.line, ex.cmd, tourNormalise(ex.want), tourNormalise(got))
	}

	// The sh blocks' commands run after the console examples, since some
	// load more documents; they must succeed. The files they name stand
	// for the user's own.
	for name, data := range map[string]string{
		"feed.jsonl": `{"id":"f1","date":"2016-09-30","title":"Protest","text":"India protested to Russia over its joint exercise with Pakistan."}` + "\n",
		"page.html": "<html><head><title>Talks</title></head><body><nav><a href=/>Home</a> | <a href=/world>World</a></nav>" +
			"<article><h1>Talks in Moscow</h1><p>Russia and Pakistan held talks on Afghanistan in Moscow on Tuesday.</p></article>" +
			"<footer>Subscribe to our newsletter</footer></body></html>",
		"en_ewt-ud-test.conllu": "# sent_id = t1\n# text = India protested.\n1\tIndia\tIndia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
			"2\tprotested\tprotest\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
	} {
		if err := os.WriteFile(filepath.Join(work, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out := runSh("cp -R demo articles"); code != 0 {
		t.Fatal(out)
	}
	// A GDELT export as GDELT publishes it: one .CSV in a .CSV.zip.
	gd := make([]string, 61)
	gd[0], gd[1], gd[5], gd[6], gd[7], gd[15], gd[16], gd[17] = "1001", "20231005", "PAKGOV", "PAKISTAN", "PAK", "RUS", "RUSSIA", "RUS"
	gd[26], gd[29], gd[30], gd[31], gd[32], gd[60] = "042", "1", "1.9", "4", "2", "https://example.org/a1"
	zf, err := os.Create(filepath.Join(work, "20231007150000.export.CSV.zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	if w, err := zw.Create("20231007150000.export.CSV"); err != nil {
		t.Fatal(err)
	} else {
		io.WriteString(w, strings.Join(gd, "\t")+"\n")
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zf.Close()
	_, hasDot := exec.LookPath("dot")
	ran := 0
	for _, ex := range commands {
		if strings.HasSuffix(strings.TrimSpace(ex.cmd), "&") {
			t.Logf("README:%d: a server; not started here (TestServeAnswersAsTheCLI covers it): %s", ex.line, ex.cmd)
			continue
		}
		if strings.Contains(ex.cmd, "--render") && hasDot != nil {
			t.Logf("README:%d: no Graphviz; skipped %s", ex.line, ex.cmd)
			continue
		}
		if code, out := runSh(ex.cmd); code != 0 {
			t.Errorf("README:%d: %s: exit %d\n%s", ex.line, ex.cmd, code, out)
		}
		ran++
	}
	t.Logf("%d console examples compared, %d sh commands run", len(examples), ran)
	if ran < 15 {
		t.Errorf("ran only %d commands of the README's sh blocks", ran)
	}
	if changed {
		if err := os.WriteFile(readme, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
