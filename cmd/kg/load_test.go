package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/store"
	"github.com/kg-project/kg/internal/loader/synth"
)

func TestLoadFlags(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(*loadOptions) bool
	}{
		{args: []string{"a", "b"}, check: func(o *loadOptions) bool {
			return slices.Equal(o.Paths, []string{"a", "b"}) && o.MaxSize == 50<<20 && o.Workers == 0 && o.BatchSize == 64
		}},
		{args: []string{"--workers", "3", "--max-size", "1MB", "--force", "--quiet", "--format", "json", "-"}, check: func(o *loadOptions) bool {
			return o.Workers == 3 && o.MaxSize == 1<<20 && o.Force && o.Quiet && o.Format == formatJSON && slices.Equal(o.Paths, []string{"-"})
		}},
		// The older spelling still works.
		{args: []string{"--json", "-"}, check: func(o *loadOptions) bool { return o.Format == formatJSON }},
		{args: []string{"--format", "csv", "-"}, wantErr: `unknown --format "csv" (want table, json)`},
		{args: nil, wantErr: "no input: give files, folders, or - for stdin"},
		{args: []string{"--max-size", "huge", "x"}, wantErr: `invalid argument "huge" for "--max-size" flag: want a size such as 50MB`},
		{args: []string{"--workers", "-1", "x"}, wantErr: "--workers must be 0 or more, not -1"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got *loadOptions
			cmd := newCmdLoad(newFactory(&ioStreams{}), func(o *loadOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(got) {
				t.Errorf("options %+v", got)
			}
		})
	}
}

// writeCorpus writes a synthetic corpus of about size bytes as .txt files.
func writeCorpus(t *testing.T, size int64) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := synth.WriteDir(dir, synth.Options{Seed: 42, Size: size}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runKG runs kg in this process and returns its exit status and output.
func runKG(t testing.TB, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &ioStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut})
	return code, out.String(), errOut.String()
}

func decodeSummary(t *testing.T, s string) loadSummary {
	t.Helper()
	var sum loadSummary
	if err := json.Unmarshal([]byte(s), &sum); err != nil {
		t.Fatalf("summary %q: %v", s, err)
	}
	return sum
}

func TestLoadCommand(t *testing.T) {
	corpus := writeCorpus(t, 60<<10)
	bad := t.TempDir()
	for name, data := range map[string]string{
		"empty.txt":  "",
		"binary.txt": "GIF89a\x00\x01\x02",
		"feed.jsonl": `{"id":"ok","text":"Pakistan and Russia signed an agreement on energy on Tuesday."}` + "\n" + `{"id":"broken"` + "\n",
	} {
		if err := os.WriteFile(filepath.Join(bad, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Awkward but loadable: broken HTML, and a 2 MB text on one line.
	if err := os.WriteFile(filepath.Join(bad, "broken.html"), []byte("<html><body><div><p>Pakistan and Russia signed "+
		"an agreement on energy in Moscow on Tuesday.<p>Unclosed <b>tags <i>everywhere</div></span><p>Russia criticised "+
		"the United States."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "long.txt"), bytes.Repeat([]byte("Russia and Pakistan held talks in Moscow. "), 50000), 0o644); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(t.TempDir(), "db")
	missing := filepath.Join(bad, "missing.txt")

	code, out, errOut := runKG(t, "", "--store", store, "load", "--format", "json", corpus, bad, missing)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (some documents failed); stderr:\n%s", code, errOut)
	}
	wantErrs := []string{
		"kg: " + missing + ": no such file or directory",
		"kg: " + filepath.Join(bad, "binary.txt") + ": binary file, not text",
		"kg: " + filepath.Join(bad, "empty.txt") + ": empty document",
		"kg: " + filepath.Join(bad, "feed.jsonl") + ":2: invalid JSON: unexpected end of JSON input",
	}
	if got := strings.Split(strings.TrimSpace(errOut), "\n"); !slices.Equal(got, wantErrs) {
		t.Errorf("stderr:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantErrs, "\n"))
	}
	first := decodeSummary(t, out)
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*.txt"))
	if first.New != len(files)+3 || first.Failed != 4 || first.Unchanged != 0 || first.Sentences == 0 {
		t.Errorf("first load %+v, want %d new and 4 failed", first, len(files)+3)
	}

	// Again: everything is already there.
	code, out, errOut = runKG(t, "", "--store", store, "load", "--format", "json", "--workers", "1", corpus)
	if code != 0 || errOut != "" {
		t.Fatalf("second load: exit %d, stderr %q", code, errOut)
	}
	if again := decodeSummary(t, out); again.Unchanged != len(files) || again.New != 0 || again.Events != 0 {
		t.Errorf("second load %+v, want all %d unchanged", again, len(files))
	}

	// --force replaces, from stdin too.
	code, out, _ = runKG(t, `{"text":"Pakistan and Russia signed an agreement on energy on Tuesday."}`,
		"--store", store, "load", "--force", "--format", "json", "-")
	if sum := decodeSummary(t, out); code != 0 || sum.Replaced != 1 {
		t.Errorf("forced load from stdin: exit %d, %+v", code, sum)
	}

	// The text summary names every count.
	code, out, _ = runKG(t, "", "--store", store, "load", corpus)
	for _, want := range []string{"documents  0 new, " + strconv.Itoa(len(files)) + " unchanged, 0 replaced, 0 failed", "sentences  0", "events     0", "actors     ", "MB/s"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, summary lacks %q:\n%s", code, want, out)
		}
	}
	if code, out, _ = runKG(t, "", "--store", store, "load", "--quiet", corpus); code != 0 || out != "" {
		t.Errorf("--quiet printed %q (exit %d)", out, code)
	}
}

// TestKGHelperProcess is not a test: the fault tests run it as a separate kg
// process (the test binary re-executed), with the kg arguments after "--".
// KG_HELPER_BATCH_DELAY slows each written batch and reports it on stderr
// as "written N", so a test can strike in the middle of a load.
func TestKGHelperProcess(t *testing.T) {
	if os.Getenv("KG_HELPER_PROCESS") != "1" {
		t.Skip("helper process for the fault tests")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	if d, err := time.ParseDuration(os.Getenv("KG_HELPER_BATCH_DELAY")); err == nil {
		loadBatchHook = func(done int) {
			fmt.Fprintf(os.Stderr, "written %d\n", done)
			time.Sleep(d)
		}
	}
	os.Exit(run(args, defaultIO()))
}

func kgProcess(t *testing.T, delay time.Duration, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestKGHelperProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "KG_HELPER_PROCESS=1")
	if delay > 0 {
		cmd.Env = append(cmd.Env, "KG_HELPER_BATCH_DELAY="+delay.String())
	}
	return cmd
}

// runProcess runs kg to the end and returns its exit status and output.
func runProcess(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := kgProcess(t, 0, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	return exitStatus(t, cmd.Run()), out.String(), errOut.String()
}

// exitStatus is the exit status of a finished process, given what its Run
// returned; a process that could not run fails the test.
func exitStatus(t *testing.T, err error) int {
	t.Helper()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return 0
}

// strike starts a slowed load and sends sig once at least after documents
// are written. It returns the exit status and stderr.
func strike(t *testing.T, sig os.Signal, after int, args ...string) (int, string) {
	t.Helper()
	cmd := kgProcess(t, 40*time.Millisecond, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	sent := false
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if n, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "written ")); err == nil && n >= after && !sent {
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			sent = true
		}
	}
	err = cmd.Wait()
	if !sent {
		t.Fatalf("load ended before %d documents were written: %v\n%s", after, err, strings.Join(lines, "\n"))
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	return code, strings.Join(lines, "\n")
}

// storeDump describes a store's content: totals, actors and events.
func storeDump(t *testing.T, dir string) string {
	t.Helper()
	s, err := store.Open(store.DefaultOptions(dir).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	actors, err := s.Actors()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%+v\n", st)
	for _, a := range actors {
		fmt.Fprintf(&b, "%s %s %v\n", a.ID, a.Code, a.Aliases)
	}
	var events []string
	if err := s.Events(func(e graph.Event) error {
		events = append(events, e.ID+" "+e.Source+" "+e.CAMEO+" "+e.Target)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(events)
	b.WriteString(strings.Join(events, "\n"))
	return b.String()
}

// cleanLoad loads corpus into a new store and returns the store's dump.
func cleanLoad(t *testing.T, corpus string) string {
	t.Helper()
	store := filepath.Join(t.TempDir(), "clean")
	if code, _, errOut := runProcess(t, "--store", store, "load", "--quiet", corpus); code != 0 {
		t.Fatalf("clean load: exit %d\n%s", code, errOut)
	}
	return storeDump(t, store)
}

func TestLoadKilledThenResumed(t *testing.T) {
	corpus := writeCorpus(t, 120<<10)
	want := cleanLoad(t, corpus)
	for _, after := range []int{1, 24} {
		t.Run(fmt.Sprintf("after%d", after), func(t *testing.T) {
			store := filepath.Join(t.TempDir(), "db")
			code, errOut := strike(t, syscall.SIGKILL, after, "--store", store, "load", "--batch-size", "8", corpus)
			if code != -1 {
				t.Fatalf("killed load exited %d, want -1 (killed)\n%s", code, errOut)
			}
			code, out, errOut := runProcess(t, "--store", store, "load", "--format", "json", corpus)
			if code != 0 {
				t.Fatalf("resumed load: exit %d\n%s", code, errOut)
			}
			sum := decodeSummary(t, out)
			if sum.Unchanged < after || sum.New == 0 {
				t.Errorf("resumed load %+v: want at least %d unchanged and some new", sum, after)
			}
			if got := storeDump(t, store); got != want {
				t.Errorf("store after kill and resume differs from a clean load:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestLoadInterrupted(t *testing.T) {
	corpus := writeCorpus(t, 120<<10)
	want := cleanLoad(t, corpus)
	store := filepath.Join(t.TempDir(), "db")
	code, errOut := strike(t, os.Interrupt, 16, "--store", store, "load", "--batch-size", "8", corpus)
	if code != 130 {
		t.Fatalf("interrupted load exited %d, want 130\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "run the same kg load again to continue: loaded documents are skipped") ||
		!strings.Contains(errOut, "interrupted after ") {
		t.Errorf("stderr does not say how to resume:\n%s", errOut)
	}
	code, out, errOut := runProcess(t, "--store", store, "load", "--format", "json", corpus)
	if code != 0 {
		t.Fatalf("resumed load: exit %d\n%s", code, errOut)
	}
	if sum := decodeSummary(t, out); sum.Unchanged < 16 || sum.New == 0 {
		t.Errorf("resumed load %+v", sum)
	}
	if got := storeDump(t, store); got != want {
		t.Errorf("store after interrupt and resume differs from a clean load:\n%s\nwant:\n%s", got, want)
	}
}

func TestLoadSecondWriterRefused(t *testing.T) {
	corpus := writeCorpus(t, 8<<10)
	dir := filepath.Join(t.TempDir(), "db")
	s, err := store.Open(store.DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	code, _, errOut := runProcess(t, "--store", dir, "load", corpus)
	if want := "kg: store " + dir + " is in use by another kg process\n"; code != 1 || errOut != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, errOut, want)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("refusal took %v", d)
	}
}

// The progress bar is drawn on a terminal only, and never with --quiet.
func TestLoadProgressBar(t *testing.T) {
	corpus := writeCorpus(t, 20<<10)
	tests := []struct {
		tty, quiet, want bool
	}{
		{tty: true, want: true},
		{tty: true, quiet: true},
		{tty: false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("tty=%v,quiet=%v", tt.tty, tt.quiet), func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := []string{"--store", filepath.Join(t.TempDir(), "db"), "load", corpus}
			if tt.quiet {
				args = append(args, "--quiet")
			}
			code := run(args, &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, ErrTTY: tt.tty})
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			if got := strings.Contains(errOut.String(), " docs ("); got != tt.want {
				t.Errorf("progress drawn: %v, want %v; stderr %q", got, tt.want, errOut.String())
			}
			if !tt.want && errOut.Len() != 0 {
				t.Errorf("stderr %q, want nothing", errOut.String())
			}
		})
	}
}

// TestQueryWaitsForLoad: a query on a store that a load holds waits for
// the load to end (--wait) and then answers; with --wait 0 it fails at
// once, as a second writer does.
func TestQueryWaitsForLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	if code, _, errOut := runKG(t, "source,target,cameo\nA,B,042\n", "--store", dir, "import", "-"); code != 0 {
		t.Fatal(errOut)
	}
	s, err := store.Open(store.DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	// A reader already waits 3 s for a lock (a store being recovered);
	// the load here holds the store for longer than that twice over.
	release := time.AfterFunc(7*time.Second, func() { s.Close() })
	defer release.Stop()
	if code, _, errOut := runProcess(t, "--store", dir, "--wait", "0", "stats"); code != 1 || !strings.Contains(errOut, "in use by another kg process") {
		t.Errorf("--wait 0: exit %d: %s", code, errOut)
	}
	start := time.Now()
	code, out, errOut := runProcess(t, "--store", dir, "stats", "--format", "jsonl")
	if code != 0 || !strings.Contains(out, `"events":1`) || !strings.Contains(errOut, "waiting up to 30s (--wait)") {
		t.Errorf("waiting query: exit %d, %s%s", code, out, errOut)
	}
	if d := time.Since(start); d < 2*time.Second {
		t.Errorf("answered after %v, before the store was let go", d)
	}
}
