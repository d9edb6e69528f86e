package export

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
)

// WriteFunc writes one file of an export.
type WriteFunc func(w io.Writer, g Graph, opts Options) error

// Part is one file of an export. A single-file format has one Part with an
// empty Name: the output is the file the user named (or stdout).
type Part struct {
	Name  string
	Write WriteFunc
}

// Format is one export format: its --format name, the file extensions that
// select it, and the files it writes.
type Format struct {
	Name  string
	Exts  []string // with the dot, lower case; the first is the default
	Parts []Part
}

// Dir reports whether f writes several files into a directory.
func (f Format) Dir() bool { return len(f.Parts) > 1 || len(f.Parts) == 1 && f.Parts[0].Name != "" }

// Formats is every export format, in the order they are listed in help.
var Formats = []Format{
	{Name: "graphml", Exts: []string{".graphml"}, Parts: []Part{{Write: WriteGraphML}}},
	{Name: "gexf", Exts: []string{".gexf"}, Parts: []Part{{Write: WriteGEXF}}},
	{Name: "dot", Exts: []string{".dot", ".gv"}, Parts: []Part{{Write: WriteDOT}}},
	{Name: "json", Exts: []string{".json"}, Parts: []Part{{Write: WriteJSON}}},
	{Name: "csv", Parts: []Part{{Name: "nodes.csv", Write: WriteCSVNodes}, {Name: "edges.csv", Write: WriteCSVEdges}}},
	{Name: "neo4j", Parts: []Part{
		{Name: Neo4jNodesFile, Write: WriteNeo4jNodes},
		{Name: Neo4jRelationshipsFile, Write: WriteNeo4jRelationships},
	}},
	{Name: "nquads", Exts: []string{".rdf", ".nq"}, Parts: []Part{
		{Name: NQuadsFile, Write: WriteNQuads},
		{Name: DgraphSchemaFile, Write: WriteDgraphSchema},
	}},
}

// FormatNames lists the --format values.
func FormatNames() []string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return names
}

// Lookup returns the format named name.
func Lookup(name string) (Format, error) {
	for _, f := range Formats {
		if f.Name == strings.ToLower(name) {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("unknown export format %q (want %s)", name, strings.Join(FormatNames(), ", "))
}

// ForPath picks the format from an output file's extension.
func ForPath(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range Formats {
		for _, e := range f.Exts {
			if e == ext {
				return f, nil
			}
		}
	}
	var exts []string
	for _, f := range Formats {
		exts = append(exts, f.Exts...)
	}
	sort.Strings(exts)
	return Format{}, fmt.Errorf("cannot tell the format of %q from its extension (known: %s); use --format", path, strings.Join(exts, ", "))
}

func joinPath(dir, name string) string { return filepath.Join(dir, name) }

// shellQuote quotes s for a POSIX shell when it holds anything beyond
// a safe set, so the printed commands can be pasted as they are.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-=:,+@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
