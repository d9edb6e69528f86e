package dict

import (
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kg-project/kg/internal/graph"
)

// WriteYAML writes f as a kg YAML dictionary. Parse reads the output back
// to the same File, positions (Where) and warnings aside; values that a
// reader generates (regular verb forms and agent plurals) are written only
// where they differ from what it would generate.
func (f *File) WriteYAML(w io.Writer) error {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		root.Content = append(root.Content, str(key), v)
	}
	if f.Replace {
		add("replace", boolNode(true))
	}
	if len(f.Actors) > 0 {
		seq := blockSeq()
		for i := range f.Actors {
			seq.Content = append(seq.Content, actorNode(&f.Actors[i]))
		}
		add("actors", seq)
	}
	if len(f.Verbs) > 0 {
		seq := blockSeq()
		for _, v := range f.Verbs {
			seq.Content = append(seq.Content, structNode(reflect.ValueOf(v), false))
		}
		add("verbs", seq)
	}
	if len(f.Roles) > 0 {
		seq := blockSeq()
		for _, r := range f.Roles {
			seq.Content = append(seq.Content, flowMap("word", str(r.Word), "code", str(r.Code)))
		}
		add("roles", seq)
	}
	if len(f.Titles) > 0 {
		seq := blockSeq()
		for _, t := range f.Titles {
			m := flowMap("title", str(t.Title))
			if t.Code != "" {
				m.Content = append(m.Content, str("code"), str(t.Code))
			}
			seq.Content = append(seq.Content, m)
		}
		add("titles", seq)
	}
	if fb := f.Forbid; len(fb.Merges)+len(fb.Aliases)+len(fb.Actors) > 0 {
		m := &yaml.Node{Kind: yaml.MappingNode}
		if len(fb.Merges) > 0 {
			seq := flowSeq()
			for _, pair := range fb.Merges {
				seq.Content = append(seq.Content, strSeq(pair[:]))
			}
			m.Content = append(m.Content, str("merges"), seq)
		}
		if len(fb.Aliases) > 0 {
			m.Content = append(m.Content, str("aliases"), strSeq(fb.Aliases))
		}
		if len(fb.Actors) > 0 {
			m.Content = append(m.Content, str("actors"), strSeq(fb.Actors))
		}
		add("forbid", m)
	}
	if len(f.Agents) > 0 {
		seq := blockSeq()
		for _, a := range f.Agents {
			m := flowMap("word", str(a.Word), "code", str(a.Code))
			if !slices.Equal(a.Plurals, pluralsOf(a.Word)) {
				m.Content = append(m.Content, str("plurals"), strSeq(a.Plurals))
			}
			if a.Before {
				m.Content = append(m.Content, str("before"), boolNode(true))
			}
			seq.Content = append(seq.Content, m)
		}
		add("agents", seq)
	}
	if len(f.Discards) > 0 {
		seq := blockSeq()
		for _, d := range f.Discards {
			seq.Content = append(seq.Content, str(d.String()))
		}
		add("discards", seq)
	}
	if len(f.Issues) > 0 {
		seq := blockSeq()
		for _, e := range f.Issues {
			m := flowMap("text", str(e.Text))
			for _, kv := range [][2]string{{"code", e.Code}, {"category", e.Category}, {"category_type", e.CategoryType}, {"ignore", e.Ignore}} {
				if kv[1] != "" {
					m.Content = append(m.Content, str(kv[0]), str(kv[1]))
				}
			}
			seq.Content = append(seq.Content, m)
		}
		add("issues", seq)
	}
	if v := f.VerbDict; v != nil {
		verbDictNodes(v, add)
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	if len(root.Content) == 0 {
		root.Style = yaml.FlowStyle
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write dictionary %s: %w", f.Name, err)
	}
	return enc.Close()
}

func verbDictNodes(v *VerbDict, add func(string, *yaml.Node)) {
	// A VerbDict with nothing in it still says "this file has a verb
	// dictionary", which an empty synsets mapping keeps.
	if len(v.Synsets) > 0 || (len(v.Blocks) == 0 && len(v.Transforms) == 0) {
		names := make([]string, 0, len(v.Synsets))
		for k := range v.Synsets {
			names = append(names, k)
		}
		sort.Strings(names)
		m := &yaml.Node{Kind: yaml.MappingNode}
		if len(names) == 0 {
			m.Style = yaml.FlowStyle
		}
		for _, k := range names {
			var ps []string
			for _, p := range v.Synsets[k] {
				ps = append(ps, p.String())
			}
			m.Content = append(m.Content, str(k), strSeq(ps))
		}
		add("synsets", m)
	}
	if len(v.Blocks) > 0 {
		seq := blockSeq()
		for _, b := range v.Blocks {
			m := &yaml.Node{Kind: yaml.MappingNode}
			m.Content = append(m.Content, str("name"), str(b.Name), str("code"), str(joinCode(b.Code, b.Alt)))
			if len(b.Verbs) > 0 {
				vs := blockSeq()
				for _, w := range b.Verbs {
					vs.Content = append(vs.Content, verbWordNode(w))
				}
				m.Content = append(m.Content, str("verbs"), vs)
			}
			if len(b.Patterns) > 0 {
				ps := blockSeq()
				for _, p := range b.Patterns {
					ps.Content = append(ps.Content, str(p.Text))
				}
				m.Content = append(m.Content, str("patterns"), ps)
			}
			seq.Content = append(seq.Content, m)
		}
		add("verb_blocks", seq)
	}
	if len(v.Transforms) > 0 {
		seq := blockSeq()
		for _, t := range v.Transforms {
			seq.Content = append(seq.Content, str(t.Text))
		}
		add("verb_transforms", seq)
	}
}

// verbWordNode writes a verb as a bare word (or "shoot down") when the
// reader would rebuild it from that alone, else as a mapping.
func verbWordNode(w *VerbWord) *yaml.Node {
	regular := slices.Equal(w.Forms, verbForms(w.Verb))
	if !w.own && len(w.Before) == 0 && regular {
		return str(strings.Join(append([]string{w.Verb}, w.After...), " "))
	}
	m := flowMap("verb", str(w.Verb))
	if len(w.Before) > 0 {
		m.Content = append(m.Content, str("before"), strSeq(w.Before))
	}
	if len(w.After) > 0 {
		m.Content = append(m.Content, str("after"), strSeq(w.After))
	}
	if !regular {
		m.Content = append(m.Content, str("forms"), strSeq(w.Forms))
	}
	if w.own {
		m.Content = append(m.Content, str("code"), str(joinCode(w.Code, w.Alt)))
	}
	return m
}

func actorNode(a *ActorEntry) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	put := func(k string, v *yaml.Node) { m.Content = append(m.Content, str(k), v) }
	put("name", str(a.Name))
	for _, kv := range [][2]string{{"code", a.Code}, {"type", string(a.Type)}, {"country", a.Country}, {"official", a.Official}} {
		if kv[1] != "" {
			put(kv[0], str(kv[1]))
		}
	}
	for _, kv := range []struct {
		k string
		v []string
	}{{"aliases", a.Aliases}, {"demonyms", a.Demonyms}, {"places", a.Places}, {"abbrevs", a.Abbrevs}, {"prefixes", a.Prefixes}} {
		if len(kv.v) > 0 {
			put(kv.k, strSeq(kv.v))
		}
	}
	if len(a.Roles) > 0 {
		seq := blockSeq()
		for _, r := range a.Roles {
			rm := flowMap("code", str(r.Code))
			if !r.From.IsZero() {
				rm.Content = append(rm.Content, str("from"), str(r.From.String()))
			}
			if !r.Until.IsZero() {
				rm.Content = append(rm.Content, str("until"), str(r.Until.String()))
			}
			seq.Content = append(seq.Content, rm)
		}
		put("roles", seq)
	}
	if a.Note != "" {
		put("note", str(a.Note))
	}
	if a.replace {
		put("replace", boolNode(true))
	}
	return m
}

// structNode writes a struct by its JSON field names, leaving out empty
// values and the position.
func structNode(v reflect.Value, flow bool) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	if flow {
		m.Style = yaml.FlowStyle
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "" || name == "-" || name == "where" {
			continue
		}
		fv := v.Field(i)
		if strings.Contains(opts, "omitempty") && fv.IsZero() {
			continue
		}
		if n := valueNode(fv); n != nil {
			m.Content = append(m.Content, str(name), n)
		}
	}
	return m
}

func valueNode(v reflect.Value) *yaml.Node {
	if d, ok := v.Interface().(graph.Date); ok {
		return str(d.String())
	}
	switch v.Kind() {
	case reflect.String:
		return str(v.String())
	case reflect.Bool:
		return boolNode(v.Bool())
	case reflect.Int, reflect.Int64, reflect.Int32:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v.Int(), 10)}
	case reflect.Slice:
		seq := flowSeq()
		for i := 0; i < v.Len(); i++ {
			if n := valueNode(v.Index(i)); n != nil {
				seq.Content = append(seq.Content, n)
			}
		}
		return seq
	case reflect.Struct:
		return structNode(v, true)
	}
	return nil
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func boolNode(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func blockSeq() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

func flowSeq() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle} }

func strSeq(ss []string) *yaml.Node {
	seq := flowSeq()
	for _, s := range ss {
		seq.Content = append(seq.Content, str(s))
	}
	return seq
}

func flowMap(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Content = append(m.Content, str(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return m
}

// Combine joins parsed files into one, as if they had been written as one
// file in this order: a file with Replace drops what came before it; an
// alias two actors share goes to the later one; the verb dictionaries'
// blocks follow each other and their synsets pool. The result's Warnings
// are those of the files and of joining them. It is what `kg dict import`
// writes.
func Combine(name string, files ...*File) *File {
	out := &File{Name: name, Format: FormatYAML}
	var vds []*VerbDict
	for _, f := range files {
		if f == nil {
			continue
		}
		if f.Replace {
			out = &File{Name: name, Format: FormatYAML, Replace: true}
			vds = nil
		}
		out.Actors = append(out.Actors, f.Actors...)
		out.Verbs = append(out.Verbs, f.Verbs...)
		out.Roles = append(out.Roles, f.Roles...)
		out.Titles = append(out.Titles, f.Titles...)
		out.Forbid.Merges = append(out.Forbid.Merges, f.Forbid.Merges...)
		out.Forbid.Aliases = append(out.Forbid.Aliases, f.Forbid.Aliases...)
		out.Forbid.Actors = append(out.Forbid.Actors, f.Forbid.Actors...)
		out.Agents = append(out.Agents, f.Agents...)
		out.Discards = append(out.Discards, f.Discards...)
		out.Issues = append(out.Issues, f.Issues...)
		if f.VerbDict != nil {
			vds = append(vds, f.VerbDict)
		}
		out.warnings = append(out.warnings, f.warnings...)
	}
	if len(files) > 1 {
		r := &textReader{file: name}
		out.Actors = resolveClaims(r, out.Actors)
		out.warnings = append(out.warnings, r.warns...)
	}
	if len(vds) > 0 {
		v := &VerbDict{Synsets: map[string][]Phrase{}}
		for _, src := range vds {
			for k, ps := range src.Synsets {
				v.Synsets[k] = appendPhrases(v.Synsets[k], ps)
			}
			v.Blocks = append(v.Blocks, src.Blocks...)
			v.Transforms = append(v.Transforms, src.Transforms...)
		}
		v.reindex()
		out.VerbDict = v
	}
	return out
}
