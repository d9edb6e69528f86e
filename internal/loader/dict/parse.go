package dict

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/graph/cameo"
)

// Problem is one thing wrong with a dictionary file, with the position of the
// offending YAML node or text (1-based; 0 when unknown).
type Problem struct {
	File string
	Line int
	Col  int
	Msg  string
	// Warning marks a problem the file reads despite: something skipped or
	// guessed in a PETRARCH file, a code that is not CAMEO. See
	// File.Warnings.
	Warning bool
}

// String formats p as file:line:col: msg, the form editors jump to; a
// warning says so after the position.
func (p Problem) String() string {
	msg := p.Msg
	if p.Warning {
		msg = "warning: " + msg
	}
	switch {
	case p.Line == 0:
		return fmt.Sprintf("%s: %s", p.File, msg)
	case p.Col == 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, msg)
}

// ProblemsError is returned by Parse and Load when a file has problems; it
// lists all of them, not just the first.
type ProblemsError struct{ Problems []Problem }

func (e *ProblemsError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// File is one parsed dictionary file, before merging.
type File struct {
	Name string
	// Format is the reader that read the file: kg YAML or one of the
	// PETRARCH formats.
	Format Format
	// Replace drops everything loaded before this file (the embedded default
	// included), for coding a world that shares nothing with ours.
	Replace bool
	Actors  []ActorEntry
	Verbs   []VerbEntry
	Roles   []RoleEntry
	Titles  []TitleEntry
	Forbid  Forbid
	// Agents, Discards, Issues and VerbDict come from PETRARCH files (or
	// the agents:, discards:, issues:, synsets:, verb_blocks: and
	// verb_transforms: sections of a YAML file). VerbDict is nil when the
	// file has no verb dictionary.
	Agents   []RoleEntry
	Discards []Discard
	Issues   []IssueEntry
	VerbDict *VerbDict

	warnings []Problem
}

// Warnings lists what reading the file skipped or guessed (a PETRARCH
// line without a code, a seven-digit date, an alias two actors shared),
// then what its verb dictionary holds that a coder cannot use (see
// VerbDict.Warnings). None of them stopped the file from loading.
func (f *File) Warnings() []Problem {
	out := append([]Problem(nil), f.warnings...)
	return append(out, f.VerbDict.Warnings()...)
}

// Forbid lists merges and aliases a researcher rules out.
type Forbid struct {
	// Merges are pairs of names never to be merged as spelling variants.
	Merges [][2]string `json:"merges,omitempty"`
	// Aliases are surface forms removed from every actor (and from roles and
	// titles), e.g. Washington in a study where it names a person.
	Aliases []string `json:"aliases,omitempty"`
	// Actors are canonical names removed from the dictionary altogether.
	Actors []string `json:"actors,omitempty"`
}

// Parse reads one dictionary file: kg YAML, or a PETRARCH/TABARI verb,
// actor, agent, discard or issue file, recognised by its content (see
// DetectFormat). A file with problems gives a *ProblemsError that lists
// them all, each as file:line:col; what a PETRARCH file gets away with is
// in File.Warnings.
func Parse(name string, data []byte) (*File, error) {
	f, probs := parseAny(name, data)
	if len(probs) > 0 {
		return nil, &ProblemsError{Problems: probs}
	}
	return f, nil
}

// Check validates one dictionary file and returns its problems, sorted by
// position; nil means the file is good. Warnings are not problems: see
// File.Warnings.
func Check(name string, data []byte) []Problem {
	_, probs := parseAny(name, data)
	return probs
}

// parseAny picks the reader for data.
func parseAny(name string, data []byte) (*File, []Problem) {
	if len(data) > maxFileSize {
		return nil, []Problem{{File: name, Msg: fmt.Sprintf("file is larger than %d MiB", maxFileSize>>20)}}
	}
	if yamlFirst(data) {
		f, probs := parse(name, data)
		if f != nil {
			f.Format = FormatYAML
		}
		return f, probs
	}
	r := &textReader{file: name}
	lines := splitLines(r, data)
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	format, bad := detect(lines, data)
	if format == "" {
		t, col := bad.trimmed()
		return nil, []Problem{{File: name, Line: bad.n, Col: col, Msg: fmt.Sprintf("%s (line %q)", unknownFormatMsg, clip(t, 60))}}
	}
	f, errs, warns := parsePetrarch(name, format, r, lines)
	if len(errs) > 0 {
		sortProblems(errs)
		return nil, errs
	}
	f.warnings = warns
	return f, nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

type parser struct {
	file  string
	probs []Problem
	warns []Problem
	// aliasPos remembers where each surface form of an actor was written
	// (key: actor location, NUL, form), to point duplicate aliases at the
	// form itself.
	aliasPos map[string]*yaml.Node
}

// notePos records the scalar nodes of a name field of the actor at where.
func (p *parser) notePos(where string, n *yaml.Node) {
	if n == nil {
		return
	}
	if p.aliasPos == nil {
		p.aliasPos = map[string]*yaml.Node{}
	}
	nodes := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		nodes = n.Content
	}
	for _, e := range nodes {
		if e = deref(e); e != nil && e.Kind == yaml.ScalarNode {
			k := where + "\x00" + strings.TrimSpace(e.Value)
			if _, ok := p.aliasPos[k]; !ok {
				p.aliasPos[k] = e
			}
		}
	}
}

func (p *parser) errf(n *yaml.Node, format string, args ...any) {
	pr := Problem{File: p.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		pr.Line, pr.Col = n.Line, n.Column
	}
	p.probs = append(p.probs, pr)
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func parse(name string, data []byte) (*File, []Problem) {
	p := &parser{file: name}
	f := &File{Name: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		pr := Problem{File: name, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			pr.Line, _ = strconv.Atoi(m[1])
		}
		return nil, []Problem{pr}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return f, nil // an empty file is a valid, empty dictionary
	}
	root := deref(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return f, nil
	}
	var syn, blocks, trans *yaml.Node
	p.fields(root, "dictionary", map[string]func(*yaml.Node){
		"replace":         func(n *yaml.Node) { f.Replace = p.boolean(n) },
		"actors":          func(n *yaml.Node) { f.Actors = collect(p, n, p.actor) },
		"verbs":           func(n *yaml.Node) { f.Verbs = collect(p, n, p.verb) },
		"roles":           func(n *yaml.Node) { f.Roles = collect(p, n, p.role) },
		"titles":          func(n *yaml.Node) { f.Titles = collect(p, n, p.title) },
		"forbid":          func(n *yaml.Node) { f.Forbid = p.forbid(n) },
		"agents":          func(n *yaml.Node) { f.Agents = collect(p, n, p.agent) },
		"discards":        func(n *yaml.Node) { f.Discards = collect(p, n, p.discard) },
		"issues":          func(n *yaml.Node) { f.Issues = collect(p, n, p.issue) },
		"synsets":         func(n *yaml.Node) { syn = n },
		"verb_blocks":     func(n *yaml.Node) { blocks = n },
		"verb_transforms": func(n *yaml.Node) { trans = n },
	})
	if syn != nil || blocks != nil || trans != nil {
		f.VerbDict = p.verbDict(syn, blocks, trans)
	}
	f.warnings = p.warns
	p.duplicateAliases(f)
	sort.SliceStable(p.probs, func(i, j int) bool {
		a, b := p.probs[i], p.probs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return f, p.probs
}

// deref follows YAML aliases (*anchor) to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 32; i++ {
		n = n.Alias
	}
	return n
}

// fields walks a mapping node, calling the handler of each known key and
// reporting unknown and repeated keys. It reports whether n is a mapping.
func (p *parser) fields(n *yaml.Node, what string, handlers map[string]func(*yaml.Node)) bool {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		p.errf(n, "%s: want a mapping, got %s", what, kindName(n))
		return false
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		h, ok := handlers[k.Value]
		if !ok {
			p.errf(k, "unknown field %q in %s (want %s)", k.Value, what, keyList(handlers))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			p.errf(k, "field %q repeated in %s (first at line %d)", k.Value, what, line)
			continue
		}
		seen[k.Value] = k.Line
		if v == nil {
			continue
		}
		h(v)
	}
	return true
}

func keyList(m map[string]func(*yaml.Node)) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

func kindName(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an unexpected node"
}

// collect parses each element of the list n with parse, keeping those that
// parse without error (parse reports its own problems).
func collect[T any](p *parser, n *yaml.Node, parse func(*yaml.Node) (T, bool)) []T {
	var out []T
	p.seq(n, func(e *yaml.Node) {
		if v, ok := parse(e); ok {
			out = append(out, v)
		}
	})
	return out
}

// seq calls each for every element of the list n; null is an empty list.
func (p *parser) seq(n *yaml.Node, each func(*yaml.Node)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.errf(n, "want a list, got %s", kindName(n))
		return
	}
	for _, e := range n.Content {
		each(deref(e))
	}
}

// str reads a scalar as text. Unquoted values keep their source spelling, so
// a code written 072 stays "072" rather than becoming the number 72.
func (p *parser) str(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		p.errf(n, "want text, got %s", kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// strs reads a list of text values; a single value stands for a list of one.
func (p *parser) strs(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		if s := p.str(n); s != "" {
			return []string{s}
		}
		return nil
	}
	var out []string
	p.seq(n, func(e *yaml.Node) {
		s := p.str(e)
		if s == "" && e.Kind == yaml.ScalarNode {
			p.errf(e, "empty value in list")
			return
		}
		if s != "" {
			out = append(out, s)
		}
	})
	return out
}

func (p *parser) boolean(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		p.errf(n, "want true or false, got %s", kindName(n))
		return false
	}
	b, _ := strconv.ParseBool(n.Value)
	return b
}

var (
	roleCodeRe = regexp.MustCompile(`^(?:[A-Z]{3})+$`)
	countryRe  = regexp.MustCompile(`^[A-Z]{3}$`)
	relationRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// maxCodeLen bounds actor codes: a primary block and up to four role blocks
// (religion codes hold digits: NGOCHRPRO214).
const maxCodeLen = 15

// validActorCode reports whether s is an actor code: blocks of upper-case
// letters and digits, or the null codes --- and +++, joined by "/" (TABARI's
// "ELR/GAL"), at most maxCodeLen long.
func validActorCode(s string) bool {
	if s == "" || len(s) > maxCodeLen {
		return false
	}
	for _, part := range strings.Split(s, "/") {
		if part == "---" || part == "+++" {
			continue
		}
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			if c := part[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}

func (p *parser) actorCode(n *yaml.Node) string {
	s := p.str(n)
	if s == "" {
		return ""
	}
	if !validActorCode(s) {
		p.errf(n, "bad actor code %q: want upper-case letters and digits such as PAK, RUSGOV, IGOWSTNAT (at most %d characters)", s, maxCodeLen)
		return ""
	}
	return s
}

func (p *parser) roleCode(n *yaml.Node) string {
	s := p.str(n)
	if s == "" {
		p.errf(n, "empty role code")
		return ""
	}
	if !roleCodeRe.MatchString(s) || len(s) > maxCodeLen {
		p.errf(n, "bad role code %q: want 3-letter upper-case blocks such as GOV, MIL, GOVLEG", s)
		return ""
	}
	return s
}

func (p *parser) date(n *yaml.Node) graph.Date {
	s := p.str(n)
	d, err := graph.ParseDate(s)
	if err != nil {
		p.errf(n, "%v", err)
	}
	return d
}

func (p *parser) actor(n *yaml.Node) (ActorEntry, bool) {
	var a ActorEntry
	var nameNode *yaml.Node
	var nameFields []*yaml.Node
	keep := func(v *yaml.Node) *yaml.Node { nameFields = append(nameFields, v); return v }
	if !p.fields(n, "actor", map[string]func(*yaml.Node){
		"name": func(v *yaml.Node) { a.Name, nameNode = p.str(keep(v)), v },
		"code": func(v *yaml.Node) { a.Code = p.actorCode(v) },
		"type": func(v *yaml.Node) {
			s := p.str(v)
			t, err := graph.ParseActorType(s)
			if err != nil {
				p.errf(v, "%v", err)
			}
			a.Type = t
		},
		"country": func(v *yaml.Node) {
			s := p.str(v)
			if s != "" && !countryRe.MatchString(s) {
				p.errf(v, "bad country %q: want an ISO 3166 alpha-3 code such as PAK", s)
				return
			}
			a.Country = s
		},
		"official": func(v *yaml.Node) { a.Official = p.str(keep(v)) },
		"aliases":  func(v *yaml.Node) { a.Aliases = p.strs(keep(v)) },
		"demonyms": func(v *yaml.Node) { a.Demonyms = p.strs(keep(v)) },
		"places":   func(v *yaml.Node) { a.Places = p.strs(keep(v)) },
		"abbrevs":  func(v *yaml.Node) { a.Abbrevs = p.strs(keep(v)) },
		"prefixes": func(v *yaml.Node) { a.Prefixes = p.strs(keep(v)) },
		"roles": func(v *yaml.Node) {
			p.seq(v, func(e *yaml.Node) {
				if r, ok := p.roleSpan(e); ok {
					a.Roles = append(a.Roles, r)
				}
			})
		},
		"note":    func(v *yaml.Node) { a.Note = p.str(v) },
		"replace": func(v *yaml.Node) { a.replace = p.boolean(v) },
	}) {
		return a, false
	}
	if a.Name == "" {
		switch {
		case nameNode != nil && nameNode.Kind == yaml.ScalarNode:
			p.errf(nameNode, "actor with an empty name")
		case nameNode == nil:
			p.errf(n, "actor without a name")
		}
		return a, false
	}
	for _, s := range a.surfaces() {
		if norm(s.text) == "" {
			p.errf(n, "actor %q: alias %q has no letters or digits", a.Name, s.text)
		}
	}
	a.Where = fmt.Sprintf("%s:%d", p.file, n.Line)
	for _, v := range nameFields {
		p.notePos(a.Where, v)
	}
	return a, true
}

func (p *parser) roleSpan(n *yaml.Node) (RoleSpan, bool) {
	var r RoleSpan
	var fromNode *yaml.Node
	if !p.fields(n, "role span", map[string]func(*yaml.Node){
		"code":  func(v *yaml.Node) { r.Code = p.actorCode(v) },
		"from":  func(v *yaml.Node) { r.From, fromNode = p.date(v), v },
		"until": func(v *yaml.Node) { r.Until = p.date(v) },
	}) {
		return r, false
	}
	if r.Code == "" {
		p.errf(n, "role span without a code")
		return r, false
	}
	if !r.From.IsZero() && !r.Until.IsZero() && r.Until.Before(r.From) {
		p.errf(fromNode, "role span %s: from %s is after until %s", r.Code, r.From, r.Until)
	}
	return r, true
}

func (p *parser) eventCode(n *yaml.Node, what string) string {
	s := p.str(n)
	if s == "" {
		return ""
	}
	if err := cameo.Valid(s); err != nil {
		p.errf(n, "%s: %v", what, err)
	}
	return s
}

func (p *parser) verb(n *yaml.Node) (VerbEntry, bool) {
	var v VerbEntry
	if !p.fields(n, "verb", map[string]func(*yaml.Node){
		"relation":             func(x *yaml.Node) { v.Relation = p.str(x) },
		"code":                 func(x *yaml.Node) { v.Code = p.eventCode(x, "code") },
		"verbs":                func(x *yaml.Node) { v.Verbs = p.strs(x) },
		"forms":                func(x *yaml.Node) { v.Forms = p.strs(x) },
		"nouns":                func(x *yaml.Node) { v.Nouns = p.strs(x) },
		"preps":                func(x *yaml.Node) { v.Preps = p.strs(x) },
		"noun_preps":           func(x *yaml.Node) { v.NounPreps = p.strs(x) },
		"direct":               func(x *yaml.Node) { v.Direct = p.boolean(x) },
		"requires":             func(x *yaml.Node) { v.Requires = p.strs(x) },
		"requires_before":      func(x *yaml.Node) { v.RequiresBefore = p.strs(x) },
		"symmetric":            func(x *yaml.Node) { v.Symmetric = p.boolean(x) },
		"group_code":           func(x *yaml.Node) { v.GroupCode = p.eventCode(x, "group_code") },
		"intent":               func(x *yaml.Node) { v.Intent = p.eventCode(x, "intent") },
		"modifier_target":      func(x *yaml.Node) { v.ModifierTarget = p.boolean(x) },
		"objects":              func(x *yaml.Node) { v.Objects = p.boolean(x) },
		"direct_after_require": func(x *yaml.Node) { v.DirectAfterRequire = p.boolean(x) },
		"reverse":              func(x *yaml.Node) { v.Reverse = p.boolean(x) },
		"modifier_only":        func(x *yaml.Node) { v.ModifierOnly = p.boolean(x) },
		"symmetric_without_target": func(x *yaml.Node) {
			v.SymmetricWithoutTarget = p.boolean(x)
		},
		"noun_direct":   func(x *yaml.Node) { v.NounDirect = p.boolean(x) },
		"noun_requires": func(x *yaml.Node) { v.NounRequires = p.strs(x) },
		"noun_window": func(x *yaml.Node) {
			w, err := strconv.Atoi(p.str(x))
			if err != nil || w < 0 {
				p.errf(x, "noun_window: want a whole number of tokens, 0 or more")
			}
			v.NounWindow = w
		},
		"agent_roles": func(x *yaml.Node) {
			for _, r := range p.strs(x) {
				if len(r) != 3 || strings.ToUpper(r) != r {
					p.errf(x, "agent_roles: %q is no CAMEO role code (three capital letters, such as OPP or MIL)", r)
				}
				v.AgentRoles = append(v.AgentRoles, r)
			}
		},
		"target_types": func(x *yaml.Node) {
			for _, t := range p.strs(x) {
				if _, err := graph.ParseActorType(t); err != nil {
					p.errf(x, "target_types: %v", err)
				}
				v.TargetTypes = append(v.TargetTypes, t)
			}
		},
		"words": func(x *yaml.Node) {
			p.seq(x, func(e *yaml.Node) {
				var wc WordCode
				p.fields(e, "verb words", map[string]func(*yaml.Node){
					"code":  func(y *yaml.Node) { wc.Code = p.eventCode(y, "words code") },
					"words": func(y *yaml.Node) { wc.Words = p.strs(y) },
				})
				if e.Kind == yaml.MappingNode && (wc.Code == "" || len(wc.Words) == 0) {
					p.errf(e, "verb words: want a code and a list of words")
				}
				v.Words = append(v.Words, wc)
			})
		},
	}) {
		return v, false
	}
	ok := true
	label := strings.Join(append(append([]string(nil), v.Verbs...), v.Nouns...), "|")
	if len(v.Verbs) == 0 && len(v.Nouns) == 0 {
		p.errf(n, "verb rule %q without verbs or nouns", v.Relation)
		ok = false
	}
	if v.Code == "" {
		p.errf(n, "verb rule %q without a CAMEO code", label)
		ok = false
	}
	// The noun-only fields mean nothing on a rule without nouns; saying so
	// beats a rule that silently never fires the way its author expects.
	if len(v.Nouns) == 0 && (v.NounDirect || len(v.NounRequires) > 0) {
		p.errf(n, "verb rule %q: noun_direct and noun_requires need nouns", label)
		ok = false
	}
	if v.NounDirect && len(v.NounRequires) > 0 {
		p.errf(n, "verb rule %q: noun_direct and noun_requires exclude each other", label)
		ok = false
	}
	if v.ModifierOnly && !v.Direct && len(v.Nouns) == 0 {
		p.errf(n, "verb rule %q: modifier_only needs direct or nouns", label)
		ok = false
	}
	if v.Relation == "" {
		p.errf(n, "verb rule %q without a relation name", label)
		ok = false
	} else if !relationRe.MatchString(v.Relation) {
		p.errf(n, "verb rule %q: relation %q: want lower-case words joined by _ (visit, sign_agreement)", label, v.Relation)
		ok = false
	}
	v.Where = fmt.Sprintf("%s:%d", p.file, n.Line)
	return v, ok
}

func (p *parser) role(n *yaml.Node) (RoleEntry, bool) {
	var r RoleEntry
	if !p.fields(n, "role", map[string]func(*yaml.Node){
		"word": func(v *yaml.Node) { r.Word = p.str(v) },
		"code": func(v *yaml.Node) { r.Code = p.roleCode(v) },
	}) {
		return r, false
	}
	if r.Word == "" || r.Code == "" {
		if r.Word == "" {
			p.errf(n, "role without a word")
		}
		return r, false
	}
	return r, true
}

func (p *parser) title(n *yaml.Node) (TitleEntry, bool) {
	var t TitleEntry
	if !p.fields(n, "title", map[string]func(*yaml.Node){
		"title": func(v *yaml.Node) { t.Title = p.str(v) },
		"code": func(v *yaml.Node) {
			// A title may imply no role (Mr, Dr): it still marks a person.
			if p.str(v) != "" {
				t.Code = p.roleCode(v)
			}
		},
	}) {
		return t, false
	}
	if t.Title == "" {
		p.errf(n, "title without a title")
		return t, false
	}
	return t, true
}

func (p *parser) forbid(n *yaml.Node) Forbid {
	var f Forbid
	p.fields(n, "forbid", map[string]func(*yaml.Node){
		"merges": func(v *yaml.Node) {
			p.seq(v, func(e *yaml.Node) {
				names := p.strs(e)
				if e.Kind != yaml.SequenceNode || len(names) != 2 {
					p.errf(e, "forbidden merge: want a pair of names such as [Kayani, Kiani]")
					return
				}
				f.Merges = append(f.Merges, [2]string{names[0], names[1]})
			})
		},
		"aliases": func(v *yaml.Node) { f.Aliases = p.strs(v) },
		"actors":  func(v *yaml.Node) { f.Actors = p.strs(v) },
	})
	return f
}

// duplicateAliases reports a surface form that names two different actors
// in one file: which one the matcher would pick would be an accident of
// order. Across files the later file wins, which is how overrides work.
func (p *parser) duplicateAliases(f *File) {
	type owner struct {
		name  string
		where string
	}
	seen := map[string]owner{}
	for _, a := range f.Actors {
		for _, s := range a.surfaces() {
			k := norm(s.text)
			if k == "" {
				continue
			}
			if o, ok := seen[k]; ok && norm(o.name) != norm(a.Name) {
				msg := fmt.Sprintf("alias %q of %q already names %q (%s)", s.text, a.Name, o.name, o.where)
				if n := p.aliasPos[a.Where+"\x00"+s.text]; n != nil {
					p.errf(n, "%s", msg)
				} else {
					p.probs = append(p.probs, problemAt(a.Where, msg))
				}
				continue
			}
			seen[k] = owner{a.Name, a.Where}
		}
	}
}

// problemAt turns a "file:line" location back into a Problem.
func problemAt(where, msg string) Problem {
	i := strings.LastIndexByte(where, ':')
	line, _ := strconv.Atoi(where[i+1:])
	return Problem{File: where[:i], Line: line, Msg: msg}
}
