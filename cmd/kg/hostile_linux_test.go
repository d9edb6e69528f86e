package main

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// maxRSS is the most memory any command may hold on any input.
const maxRSS = 1 << 30

// treeDigest sums the names, modes and contents of the files under dir.
func treeDigest(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h.Write([]byte(p + "\x00" + info.Mode().String() + "\x00"))
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// hostileRun is one kg process of the suite: its exit status, output and
// peak resident memory.
type hostileRun struct {
	code        int
	out, errOut string
	rss         int64 // bytes
}

func runHostile(t *testing.T, stdin string, args ...string) hostileRun {
	t.Helper()
	cmd := kgProcess(t, 0, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if stdin != "" {
		f, err := os.Open(stdin)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cmd.Stdin = f
	}
	r := hostileRun{code: exitStatus(t, cmd.Run()), out: out.String(), errOut: errOut.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rss = ru.Maxrss << 10 // kilobytes on Linux
	}
	return r
}

// sane fails the test on a panic, a runtime fault, an error of more than
// one line or a process that held more than maxRSS. An error starts with
// "kg: " or, for a checker such as kg dict check, with the file it names.
func (r hostileRun) sane(t *testing.T, file ...string) {
	t.Helper()
	for _, bad := range []string{"panic:", "goroutine ", "fatal error", "SIGBUS", "SIGSEGV"} {
		if strings.Contains(r.errOut, bad) {
			t.Fatalf("stderr shows %q:\n%.2000s", bad, r.errOut)
		}
	}
	if r.code != 0 {
		if lines := strings.Count(strings.TrimRight(r.errOut, "\n"), "\n") + 1; lines > 2 || !strings.HasPrefix(r.errOut, "kg: ") && (len(file) == 0 || !strings.HasPrefix(r.errOut, file[0]+":")) {
			t.Errorf("the error is not one line of kg's (%d lines): %q", lines, r.errOut)
		}
	}
	if r.rss > maxRSS {
		t.Errorf("peak RSS %d MB, over %d MB", r.rss>>20, maxRSS>>20)
	}
	t.Logf("exit %d, peak RSS %d MB", r.code, r.rss>>20)
}

// TestHostileInputs runs kg, as its own process, on the inputs an
// adversary would give it: endless and huge inputs, a directory of
// someone else's files, another program's database, a damaged store,
// file names that try to forge output, and a full disk (as root). Each
// must end with a one-line error or the right answer, never a panic or a
// runtime fault, never with a user's file changed, and within 1 GB.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("reads gigabytes")
	}
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := write("a.txt", "Pakistan met Russia in Moscow on Monday. Russia praised Pakistan.\n")
	sparse := filepath.Join(dir, "sparse.txt")
	if f, err := os.Create(sparse); err != nil {
		t.Fatal(err)
	} else {
		if err := f.Truncate(1 << 30); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	clean := filepath.Join(dir, "clean.db")
	runHostile(t, "", "--store", clean, "load", "--quiet", text).sane(t)

	for _, c := range []struct {
		name  string
		stdin string
		args  []string
		want  string // in stderr
	}{
		{"import /dev/zero", "", []string{"--store", filepath.Join(dir, "i.db"), "import", "/dev/zero"}, "kg: "},
		{"import a 1 GB sparse file", "", []string{"--store", filepath.Join(dir, "i2.db"), "import", sparse}, "kg: "},
		{"dict check /dev/zero", "", []string{"dict", "check", "/dev/zero"}, "/dev/zero: file is larger than"},
		{"extract < /dev/zero", "/dev/zero", []string{"extract", "-"}, "kg: "},
		{"load a 1 GB sparse file", "", []string{"--store", filepath.Join(dir, "l.db"), "load", sparse}, "kg: "},
		{"load --dict /dev/zero", "", []string{"--store", filepath.Join(dir, "l2.db"), "load", "--dict", "/dev/zero", text}, "kg: "},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runHostile(t, c.stdin, c.args...)
			r.sane(t, c.args[len(c.args)-1])
			if r.code == 0 || !strings.Contains(r.errOut, c.want) {
				t.Errorf("exit %d, stderr %q", r.code, r.errOut)
			}
		})
	}

	t.Run("a directory of other files", func(t *testing.T) {
		other := filepath.Join(dir, "other")
		os.Mkdir(other, 0o755)
		os.WriteFile(filepath.Join(other, "000007.sst"), []byte("x\n"), 0o644)
		before := treeDigest(t, other)
		r := runHostile(t, "", "--store", other, "load", text)
		r.sane(t)
		if r.code != 1 || !strings.Contains(r.errOut, "not a kg store") || treeDigest(t, other) != before {
			t.Errorf("exit %d, stderr %q, files changed: %v", r.code, r.errOut, treeDigest(t, other) != before)
		}
	})

	t.Run("a truncated MANIFEST", func(t *testing.T) {
		db := filepath.Join(dir, "trunc.db")
		runHostile(t, "", "--store", db, "load", "--quiet", text).sane(t)
		if err := os.Truncate(filepath.Join(db, "MANIFEST"), 8); err != nil {
			t.Fatal(err)
		}
		before := treeDigest(t, db)
		for _, args := range [][]string{{"docs"}, {"triples"}, {"load", text}} {
			r := runHostile(t, "", append([]string{"--store", db}, args...)...)
			r.sane(t)
			if r.code != 1 || !strings.Contains(r.errOut, "damaged") {
				t.Errorf("%v: exit %d, stderr %q", args, r.code, r.errOut)
			}
		}
		if treeDigest(t, db) != before {
			t.Error("a damaged store's files changed")
		}
	})

	t.Run("flipped bytes", func(t *testing.T) {
		want := runHostile(t, "", "--store", clean, "triples", "--format", "jsonl")
		if want.code != 0 {
			t.Fatalf("clean store: %q", want.errOut)
		}
		rng := rand.New(rand.NewPCG(3, 7))
		same, failed := 0, 0
		for i := range 12 {
			db := filepath.Join(dir, "flip", string(rune('a'+i)))
			if err := os.CopyFS(db, os.DirFS(clean)); err != nil {
				t.Fatal(err)
			}
			files, _ := filepath.Glob(filepath.Join(db, "*.sst"))
			vlogs, _ := filepath.Glob(filepath.Join(db, "*.vlog"))
			files = append(files, vlogs...)
			if len(files) == 0 {
				t.Fatal("no table or log file to flip")
			}
			p := files[rng.IntN(len(files))]
			b, _ := os.ReadFile(p)
			if len(b) == 0 {
				continue
			}
			b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
			os.WriteFile(p, b, 0o644)
			r := runHostile(t, "", "--store", db, "triples", "--format", "jsonl")
			r.sane(t)
			switch {
			case r.code == 0 && r.out == want.out:
				same++
			case r.code != 0:
				failed++
			default:
				t.Errorf("flip %d in %s: exit 0 with a different answer", i, filepath.Base(p))
			}
		}
		t.Logf("%d flips: %d same answers, %d errors", same+failed, same, failed)
	})

	t.Run("file names that forge output", func(t *testing.T) {
		evil := filepath.Join(dir, "names")
		os.Mkdir(evil, 0o755)
		os.WriteFile(filepath.Join(evil, "x\nkg: all good\x1b[2J.pdf"), []byte("%PDF-1.4\n"), 0o644)
		r := runHostile(t, "", "--store", filepath.Join(dir, "n.db"), "load", evil)
		if strings.Contains(r.errOut, "\x1b") || strings.Contains(r.errOut, "\nkg: all good") {
			t.Errorf("a file name reached stderr raw: %q", r.errOut)
		}
		r.sane(t)
	})

	t.Run("a full disk", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("mounting a tmpfs needs root")
		}
		mnt := t.TempDir()
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mnt).CombinedOutput(); err != nil {
			t.Skipf("mount tmpfs: %v: %s", err, out)
		}
		t.Cleanup(func() { exec.Command("umount", mnt).Run() })
		r := runHostile(t, "", "--store", filepath.Join(mnt, "db"), "load", text)
		r.sane(t)
		if r.code != 1 || !strings.Contains(r.errOut, "disk full") {
			t.Errorf("exit %d, stderr %q", r.code, r.errOut)
		}
	})
}
