package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// TestParquet: kg triples and kg panel write Parquet that holds the rows
// and values their JSON Lines hold, read back here and by hyparquet, a
// reader of its own (JavaScript, from npm), as pandas or DuckDB would read
// it; Parquet is not written to a terminal.
func TestParquet(t *testing.T) {
	store, _ := demoStore(t)
	for _, c := range []struct {
		cmd   string
		check func(t *testing.T, file string, jsonl []map[string]any)
	}{
		{"triples", func(t *testing.T, file string, want []map[string]any) {
			rows := readParquet[tripleParquet](t, file, len(want))
			for i, r := range rows {
				w := want[i]
				src := w["source"].(map[string]any)
				if r.ID != w["id"] || r.SourceID != src["id"] || r.CAMEO != w["cameo"] || r.Goldstein != w["goldstein"].(float64) ||
					r.Date != w["date"] || int(r.QuadClass) != int(w["quad_class"].(float64)) || r.Sentence != w["sentence"] {
					t.Fatalf("row %d: %+v, JSON %v", i, r, w)
				}
			}
		}},
		{"panel", func(t *testing.T, file string, want []map[string]any) {
			rows := readParquet[panelParquet](t, file, len(want))
			for i, r := range rows {
				w := want[i]
				mean, null := w["goldstein_mean"].(float64)
				if r.Period != w["period"] || int(r.Events) != int(w["events"].(float64)) ||
					(r.GoldsteinMean == nil) == null || r.GoldsteinMean != nil && *r.GoldsteinMean != mean {
					t.Fatalf("row %d: %+v, JSON %v", i, r, w)
				}
			}
		}},
	} {
		file := filepath.Join(t.TempDir(), c.cmd+".parquet")
		code, out, errOut := runKG(t, "", "--store", store, c.cmd, "--format", "parquet")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.cmd, code, errOut)
		}
		os.WriteFile(file, []byte(out), 0o644)
		_, lines, _ := runKG(t, "", "--store", store, c.cmd, "--format", "jsonl")
		var want []map[string]any
		for _, l := range strings.Split(strings.TrimSpace(lines), "\n") {
			var m map[string]any
			json.Unmarshal([]byte(l), &m)
			want = append(want, m)
		}
		c.check(t, file, want)
		hyparquetRows(t, file, len(want))
	}
	r := runWithStore(t, nil, true, "", "--store", store, "triples", "--format", "parquet")
	if r.code != 1 || !strings.Contains(r.errOut, "writes binary") {
		t.Errorf("to a terminal: exit %d: %s", r.code, r.errOut)
	}
}

// hyparquetRows reads file with hyparquet (web/node_modules, installed by
// npm ci) and checks its number of rows.
func hyparquetRows(t *testing.T, file string, want int) {
	t.Helper()
	web := filepath.Join("..", "..", "web")
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(filepath.Join(web, "node_modules", "hyparquet")); err != nil || serr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node and web/node_modules/hyparquet are required under CI=true (.ci/run runs npm ci)")
		}
		t.Log("no node or hyparquet: the independent reader is not tried")
		return
	}
	script := `import { parquetReadObjects } from 'hyparquet'; import { readFileSync } from 'fs';
const b = readFileSync(process.argv[1]);
const rows = await parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) });
console.log(rows.length);`
	cmd := exec.Command(node, "--input-type=module", "-e", script, file)
	cmd.Dir = web
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != strconv.Itoa(want) {
		t.Errorf("hyparquet read %s: %v %s, want %d rows", file, err, bytes.TrimSpace(out), want)
	}
}

// readParquet reads a Parquet file's rows, failing the test unless there
// are n.
func readParquet[T any](t *testing.T, file string, n int) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](file)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n {
		t.Fatalf("%d rows, JSON Lines %d", len(rows), n)
	}
	return rows
}
