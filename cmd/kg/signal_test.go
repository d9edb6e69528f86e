package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/internal/loader/synth"
)

// TestEveryLongCommandStopsOnSIGTERM: each command that can run for
// seconds, sent SIGTERM while it works, stops within a second: with exit
// status 130, or 0 for a server, which stops after the requests under
// way.
func TestEveryLongCommandStopsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("runs long commands")
	}
	dir := t.TempDir()
	// A graph whose betweenness, closeness and communities take seconds:
	// 30,000 actors, 120,000 events (half as many, closeness ended within
	// the 0.8 s before the signal on an idle machine).
	var b strings.Builder
	b.WriteString("source,target,cameo,date,doc\n")
	rng := rand.New(rand.NewPCG(11, 0))
	for i := range 120000 {
		a, c := rng.IntN(30000), rng.IntN(30000)
		if a != c {
			fmt.Fprintf(&b, "a%d,a%d,042,2020-01-%02d,d%d\n", a, c, 1+i%28, i/200)
		}
	}
	store := filepath.Join(dir, "kg.db")
	if code, _, errOut := runKG(t, b.String(), "--store", store, "import", "-"); code != 0 {
		t.Fatal(errOut)
	}
	docs := filepath.Join(dir, "docs.jsonl")
	f, err := os.Create(docs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := synth.WriteJSONL(f, synth.Options{Seed: 5, Size: 2 << 20}); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for _, c := range []struct {
		name string
		args []string
		code int
	}{
		{"betweenness", []string{"--store", store, "central", "--measure", "betweenness"}, 130},
		{"closeness", []string{"--store", store, "central", "--measure", "closeness"}, 130},
		{"communities", []string{"--store", store, "communities"}, 130},
		{"extract", []string{"extract", "--coder", "tree", docs}, 130},
		{"parse", []string{"parse", docs}, 130},
		{"load", []string{"--store", filepath.Join(dir, "new.db"), "load", "--coder", "tree", "--quiet", docs}, 130},
		{"serve", []string{"--store", store, "serve", "--addr", "127.0.0.1:0"}, 0},
	} {
		args := c.args
		t.Run(c.name, func(t *testing.T) {
			cmd := kgProcess(t, 0, args...)
			var out, errOut strings.Builder
			cmd.Stdout, cmd.Stderr = &out, &errOut
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			time.Sleep(800 * time.Millisecond)
			sent := time.Now()
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				// Each command's work takes several seconds more; stopping
				// takes well under a second on an idle machine, but a
				// machine shared with other jobs (a busy CI runner) slows
				// the last document's parse, hence the slack.
				if d := time.Since(sent); d > 2*time.Second {
					t.Errorf("stopped %v after SIGTERM, want within two seconds", d.Round(time.Millisecond))
				}
				if code := exitStatus(t, err); code != c.code {
					t.Errorf("%v: exit %d, want %d; stderr %q", args, code, c.code, errOut.String())
				}
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 10 s after SIGTERM")
			}
		})
	}
}
