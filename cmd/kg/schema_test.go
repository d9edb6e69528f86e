package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// schemaDoc is docs/schema.md read back: the shapes, and for each command
// the type of its output.
type schemaDoc struct {
	shapes   map[string]map[string]string // shape → field → type
	commands map[string]string            // "kg panel" → type of the output
	order    []string
}

// readSchema parses the tables of docs/schema.md. A section under
// "## Shapes" defines a shape; one under "## Commands" gives its command's
// output: a table alone is an object of those fields, "A list of:" and a
// table a list of such objects, "A list of T" a list of a shape.
func readSchema(t *testing.T) schemaDoc {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "docs", "schema.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc := schemaDoc{shapes: map[string]map[string]string{}, commands: map[string]string{}}
	part, name, list := "", "", false
	row := regexp.MustCompile("^\\| `([a-z_]+)` \\| ([^|]+) \\|")
	listOf := regexp.MustCompile(`^A list of ([a-z ]+)\.$`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			part, name = strings.TrimPrefix(line, "## "), ""
		case strings.HasPrefix(line, "### "):
			name, list = strings.Trim(strings.TrimPrefix(line, "### "), "`"), false
			if part == "Shapes" {
				doc.shapes[name] = map[string]string{}
			} else if part == "Commands" {
				doc.order = append(doc.order, name)
			}
		case part == "Commands" && line == "A list of:":
			list = true
		case part == "Commands" && listOf.MatchString(line):
			doc.commands[name] = "[" + listOf.FindStringSubmatch(line)[1] + "]"
		case row.MatchString(line) && name != "":
			m := row.FindStringSubmatch(line)
			field, typ := m[1], strings.TrimSpace(m[2])
			if part == "Shapes" {
				doc.shapes[name][field] = typ
				continue
			}
			shape := "command " + name
			if doc.shapes[shape] == nil {
				doc.shapes[shape] = map[string]string{}
				doc.commands[name] = shape
				if list {
					doc.commands[name] = "[" + shape + "]"
				}
			}
			doc.shapes[shape][field] = typ
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return doc
}

var schemaDate = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?)?$`)

// check reports where v does not have type typ.
func (d schemaDoc) check(v any, typ, at string) []string {
	if base, ok := strings.CutSuffix(typ, " or null"); ok {
		if v == nil {
			return nil
		}
		typ = base
	}
	bad := func() []string { return []string{fmt.Sprintf("%s: %T %v is not %s", at, v, v, typ)} }
	if elem, ok := strings.CutPrefix(typ, "["); ok {
		elem = strings.TrimSuffix(elem, "]")
		xs, ok := v.([]any)
		if !ok {
			return bad()
		}
		var out []string
		for i, x := range xs {
			out = append(out, d.check(x, elem, fmt.Sprintf("%s[%d]", at, i))...)
		}
		return out
	}
	switch typ {
	case "string":
		if _, ok := v.(string); !ok {
			return bad()
		}
	case "date":
		if s, ok := v.(string); !ok || !schemaDate.MatchString(s) {
			return bad()
		}
	case "number":
		if _, ok := v.(float64); !ok {
			return bad()
		}
	case "integer":
		if x, ok := v.(float64); !ok || x != math.Trunc(x) {
			return bad()
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return bad()
		}
	default:
		fields, ok := d.shapes[typ]
		if !ok {
			return []string{fmt.Sprintf("%s: the schema has no type %q", at, typ)}
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return bad()
		}
		var out []string
		for k := range obj {
			if _, ok := fields[k]; !ok {
				out = append(out, fmt.Sprintf("%s: field %q is not in the schema's %s", at, k, typ))
			}
		}
		keys := make([]string, 0, len(fields))
		for k := range fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ft, optional := strings.CutSuffix(fields[k], ", absent when none")
			x, ok := obj[k]
			if !ok {
				if !optional {
					out = append(out, fmt.Sprintf("%s: field %q of the schema's %s is missing", at, k, typ))
				}
				continue
			}
			out = append(out, d.check(x, ft, at+"."+k)...)
		}
		return out
	}
	return nil
}

// TestSchemaDocument runs every command docs/schema.md describes on a store
// of the demo corpus and checks its JSON output against the document.
func TestSchemaDocument(t *testing.T) {
	doc := readSchema(t)
	store, corpus := demoStore(t)
	imp := filepath.Join(t.TempDir(), "more.csv")
	if err := os.WriteFile(imp, []byte("source,target,cameo\nIndia,Pakistan,042\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A name no dictionary knows, so that kg actors --unknown lists one.
	extra := filepath.Join(t.TempDir(), "freedonia.txt")
	if err := os.WriteFile(extra, []byte("Freedonia criticised Russia on Monday."), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runKG(t, "", "--store", store, "load", "--quiet", extra); code != 0 {
		t.Fatalf("load %s: exit %d: %s", extra, code, errOut)
	}
	// The arguments that make each command answer with every field.
	args := map[string][]string{
		"kg load":      {corpus, "--force"},
		"kg import":    {imp},
		"kg compare":   {"kg", "import"},
		"kg path":      {"India", "Pakistan", "--k", "2"},
		"kg link":      {"India", "Russia", "Pakistan"},
		"kg neighbors": {"India", "--depth", "2"},
		"kg timeline":  {"India", "Pakistan"},
	}
	if len(doc.order) < 10 {
		t.Fatalf("read only %d commands from the schema", len(doc.order))
	}
	for _, name := range doc.order {
		typ, ok := doc.commands[name]
		if !ok {
			t.Errorf("%s: the schema gives no output type", name)
			continue
		}
		argv := append([]string{"--store", store}, strings.Fields(strings.TrimPrefix(name, "kg "))...)
		argv = append(append(argv, args[name]...), "--format", "json")
		code, out, errOut := runKG(t, "", argv...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", name, code, errOut)
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if xs, ok := v.([]any); ok && len(xs) == 0 {
			t.Errorf("%s: an empty list checks nothing", name)
		}
		for _, p := range doc.check(v, typ, name) {
			t.Error(p)
		}
	}
}

// TestDocsText: kg docs --text prints a document's sentences numbered as
// its events' sentence_index numbers them.
func TestDocsText(t *testing.T) {
	s := fixtureStore(t)
	r := runWithStore(t, s, false, "", "triples", "--format", "jsonl")
	if r.code != 0 || r.out == "" {
		t.Fatalf("triples: %d %s", r.code, r.errOut)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(r.out), "\n") {
		var e struct {
			Doc           string `json:"doc"`
			SentenceIndex int    `json:"sentence_index"`
			Sentence      string `json:"sentence"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		d := runWithStore(t, s, false, "", "docs", "--text", e.Doc)
		if d.code != 0 {
			t.Fatalf("docs --text %s: %d %s", e.Doc, d.code, d.errOut)
		}
		want := fmt.Sprintf("%d\t%s", e.SentenceIndex, e.Sentence)
		if !strings.Contains(d.out+"\n", want+"\n") {
			t.Errorf("docs --text %s lacks %q:\n%s", e.Doc, want, d.out)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("nothing checked")
	}
	if r := runWithStore(t, s, false, "", "docs", "--text", "no-such-document"); r.code != 1 || !strings.Contains(r.errOut, "unknown document") {
		t.Errorf("an unknown document: %d %q", r.code, r.errOut)
	}
}
