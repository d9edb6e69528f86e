package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kg-project/kg/internal/atomicfile"
)

// WriteFiles writes every file of format f: a single-file format to out, a
// directory format (Neo4j, Dgraph) into the directory out. Each file goes
// to a temporary name first, and all are renamed into place only once
// every one is complete, so a failure or Ctrl-C leaves what was there
// before. It returns the files written.
func WriteFiles(f Format, out string, g Graph, o Options) ([]string, error) {
	type pending struct{ tmp, final string }
	var done []pending
	if f.Dir() {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return nil, fmt.Errorf("create output directory: %w", err)
		}
	}
	for _, p := range f.Parts {
		final := out
		if p.Name != "" {
			final = filepath.Join(out, p.Name)
		}
		tmp, err := atomicfile.Temp(final, func(w io.Writer) error { return p.Write(w, g, o) })
		if err != nil {
			for _, q := range done {
				os.Remove(q.tmp)
			}
			return nil, err
		}
		done = append(done, pending{tmp, final})
	}
	var files []string
	for i, p := range done {
		if err := atomicfile.Commit(p.tmp, p.final); err != nil {
			for _, q := range done[i+1:] {
				os.Remove(q.tmp)
			}
			return files, err
		}
		files = append(files, p.final)
	}
	return files, nil
}
