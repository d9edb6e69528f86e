package dict

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/internal/graph"
)

// ActorEntry is one actor of the dictionary. Every surface form the matcher
// looks for is in one of the name lists; the list says what kind of mention
// it is (Kind), which the extractor uses, e.g. to read "Russian minister" as
// RUSGOV but "Russia" as RUS.
type ActorEntry struct {
	Name     string          `json:"name"`              // canonical name
	Code     string          `json:"code"`              // CAMEO actor code: PAK, RUSGOV, IGOWSTNAT, OBJ
	Type     graph.ActorType `json:"type"`              // country, person, organization, igo, group, object, place
	Country  string          `json:"country,omitempty"` // ISO 3166 alpha-3 affiliation
	Official string          `json:"official,omitempty"`
	Aliases  []string        `json:"aliases,omitempty"`  // other names and spellings
	Demonyms []string        `json:"demonyms,omitempty"` // Pakistani, Russians
	Places   []string        `json:"places,omitempty"`   // capitals and seats of power used as metonyms
	Abbrevs  []string        `json:"abbrevs,omitempty"`  // US, U.K., UNSC
	Prefixes []string        `json:"prefixes,omitempty"` // combining forms matched only before a hyphen: Indo, Sino
	// Roles give the code the actor held over a period (a president's
	// PAKGOV term); outside every span Code applies.
	Roles []RoleSpan `json:"roles,omitempty"`
	Note  string     `json:"note,omitempty"`
	// Where is the file:line of the entry that last changed this actor.
	Where string `json:"where,omitempty"`

	replace bool // replace an earlier entry of the same name instead of merging
}

// RoleSpan is a code an actor held over a period; zero bounds are open.
type RoleSpan struct {
	Code  string     `json:"code"`
	From  graph.Date `json:"from"`
	Until graph.Date `json:"until"`
}

// VerbEntry is one verb or noun rule for the relation extractor. Its fields
// and YAML names are those of the extractor's own lexicon (extract.VerbRule),
// so a rule written for one reads the same in the other; this package only
// validates them. The extractor's lexicon holds the default grammar; a
// dictionary file adds rules to it.
type VerbEntry struct {
	Relation           string     `json:"relation"`                       // kg relation name: visit, supply_arms
	Code               string     `json:"code"`                           // CAMEO event code as text: "042"
	Verbs              []string   `json:"verbs,omitempty"`                // lemmas; the first word is inflected, later words must follow ("shoot down")
	Forms              []string   `json:"forms,omitempty"`                // irregular forms of the first word: flew, met
	Nouns              []string   `json:"nouns,omitempty"`                // nominal triggers: visit, talks
	Preps              []string   `json:"preps,omitempty"`                // prepositions introducing the target after the verb
	NounPreps          []string   `json:"noun_preps,omitempty"`           // prepositions introducing the target after a noun
	Direct             bool       `json:"direct,omitempty"`               // the verb takes its target as a direct object
	Requires           []string   `json:"requires,omitempty"`             // one of these must follow the trigger (sign ... agreement)
	RequiresBefore     []string   `json:"requires_before,omitempty"`      // one of these must precede the trigger
	Symmetric          bool       `json:"symmetric,omitempty"`            // the relation holds both ways
	GroupCode          string     `json:"group_code,omitempty"`           // code when the target is an armed group
	Words              []WordCode `json:"words,omitempty"`                // code switches on nearby words
	Intent             string     `json:"intent,omitempty"`               // code under "agreed to", "offered to"
	ModifierTarget     bool       `json:"modifier_target,omitempty"`      // a country right before the noun is the target
	Objects            bool       `json:"objects,omitempty"`              // the rule may take a non-actor object (supplied helicopters)
	TargetTypes        []string   `json:"target_types,omitempty"`         // actor types the target may have
	NounWindow         int        `json:"noun_window,omitempty"`          // how far a noun trigger may stand from its actors, in tokens
	DirectAfterRequire bool       `json:"direct_after_require,omitempty"` // the target follows the required word directly
	Reverse            bool       `json:"reverse,omitempty"`              // agent and target swap: "received arms from Russia"
	ModifierOnly       bool       `json:"modifier_only,omitempty"`        // a direct object counts only as a nationality: "bought Russian jets"
	// SymmetricWithoutTarget: coordinated agents with no target are the
	// two sides ("India and Pakistan massed troops").
	SymmetricWithoutTarget bool     `json:"symmetric_without_target,omitempty"`
	NounDirect             bool     `json:"noun_direct,omitempty"`   // the group right after the noun is the pair: "allies X and Y"
	NounRequires           []string `json:"noun_requires,omitempty"` // event nouns a noun trigger governs: "cancellation of X's trip to Y"
	AgentRoles             []string `json:"agent_roles,omitempty"`   // CAMEO roles every agent must hold: demonstrators (OPP) rally
	Where                  string   `json:"where,omitempty"`         // file:line of the entry
}

// WordCode switches a verb rule's code when one of Words stands near the
// trigger.
type WordCode struct {
	Code  string   `json:"code"`
	Words []string `json:"words"`
}

// RoleEntry maps a common noun to a CAMEO role code: minister → GOV. The
// same type holds PETRARCH agents, whose phrases run to several words
// ("foreign minister"), list their plural forms, and may put their code
// before the actor's rather than after it (NGO~: a human rights body of
// Pakistan is NGOPAK).
type RoleEntry struct {
	Word string `json:"word"` // lower case for agents; words separated by one blank
	Code string `json:"code"`
	// Plurals are the plural forms of an agent phrase (regular ones
	// generated, {X} given, {} none). Roles leave it empty: their look-up
	// tries the word without -s/-es.
	Plurals []string `json:"plurals,omitempty"`
	// Before puts the code before the actor's code (PETRARCH "NGO~")
	// instead of after it ("~GOV").
	Before bool   `json:"before,omitempty"`
	Where  string `json:"where,omitempty"` // file:line of an agent
}

// TitleEntry maps a personal title to the role code it implies:
// Air Chief Marshal → MIL.
type TitleEntry struct {
	Title string `json:"title"`
	Code  string `json:"code"`
}

// Conflict records an alias claimed by two actors; the later file wins.
type Conflict struct {
	Alias  string `json:"alias"`
	Winner string `json:"winner"`
	Loser  string `json:"loser"`
}

// Dictionary is the effective, merged dictionary. It is read-only once
// built and safe for concurrent use.
type Dictionary struct {
	Actors       []ActorEntry // sorted by canonical name
	Verbs        []VerbEntry  // rules from dictionary files, in load order
	Roles        []RoleEntry  // sorted by word
	Titles       []TitleEntry // sorted by title
	ForbidMerges [][2]string
	// Conflicts lists aliases that two actors claimed and how each was
	// resolved, for `kg dict check` and tests.
	Conflicts []Conflict
	// Agents are the agent phrases of PETRARCH agent files (and of the
	// agents: section of YAML files), sorted by phrase; a phrase given
	// again takes the later entry. See AgentMatch.
	Agents []RoleEntry
	// Discards are the discard phrases of every file, in load order. See
	// DiscardMatch.
	Discards []Discard
	// Issues are the issue phrases of every file, in load order.
	Issues []IssueEntry
	// VerbDict merges the verb dictionaries of every file in load order;
	// see verbMerger for how a later block extends an earlier one. It is
	// never nil: without verb files it is empty.
	VerbDict *VerbDict

	byName      map[string]int // normalised name or alias → index in Actors
	roles       map[string]string
	titles      map[string]string
	known       map[string]bool
	forbidPairs map[[2]string]bool

	agents         *agentIndex
	discardNeedles []string // " " + phrase, per Discards
	// discardFirst indexes discards of several words by their first
	// word, discardStem those of one word by the word (a stem: it may
	// begin a longer word); discardLens are the lengths of the latter.
	discardFirst map[string][]int
	discardStem  map[string][]int // keyed by the stem's first three bytes

	matcherOnce sync.Once
	matcher     *Matcher
}

//go:embed data/*.yaml
var embedded embed.FS

// defaultFiles is the merge order of the embedded files: generated country
// facts first, then the hand-made files that extend them.
var defaultFiles = []string{
	"countries.yaml", "demonyms.yaml", "countries-extra.yaml",
	"places.yaml", "igos.yaml", "groups.yaml", "objects.yaml", "persons.yaml", "conflicts.yaml",
	"roles.yaml",
}

var (
	defaultOnce  sync.Once
	defaultDict  *Dictionary
	defaultParts []*File
	defaultErr   error
)

func loadDefault() {
	for _, name := range defaultFiles {
		data, err := embedded.ReadFile("data/" + name)
		if err != nil {
			defaultErr = fmt.Errorf("read embedded dictionary %s: %w", name, err)
			return
		}
		f, err := Parse("embedded:"+name, data)
		if err != nil {
			defaultErr = fmt.Errorf("parse embedded dictionary: %w", err)
			return
		}
		defaultParts = append(defaultParts, f)
	}
	defaultDict = build(defaultParts)
}

// Default returns the embedded dictionary. It is parsed once per process;
// later calls are cheap and return the same value.
func Default() (*Dictionary, error) {
	defaultOnce.Do(loadDefault)
	return defaultDict, defaultErr
}

// Load returns the embedded dictionary merged with the files at paths, in
// order. With no paths it is Default. Problems in a file are reported as
// file:line:col.
func Load(paths ...string) (*Dictionary, error) {
	if len(paths) == 0 {
		return Default()
	}
	base, err := DefaultFiles()
	if err != nil {
		return nil, err
	}
	return LoadWith(base, paths...)
}

// FromFiles builds a dictionary from parsed files alone, without the
// embedded default (tests, and worlds that share nothing with ours).
func FromFiles(files ...*File) *Dictionary { return build(files) }

// EnvVar names the environment variable holding extra dictionary paths,
// separated by the OS list separator (":" on Unix).
const EnvVar = "KG_DICT"

// Paths returns the dictionary files to load: those listed in KG_DICT, then
// those given on the command line, so that flags override the environment.
func Paths(flagPaths []string) []string {
	var out []string
	for _, p := range filepath.SplitList(os.Getenv(EnvVar)) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return append(out, flagPaths...)
}

// surface is one name form of an actor with its kind.
type surface struct {
	text string
	kind Kind
}

func (a *ActorEntry) surfaces() []surface {
	out := []surface{{a.Name, KindName}}
	if a.Official != "" {
		out = append(out, surface{a.Official, KindName})
	}
	for _, l := range []struct {
		list []string
		kind Kind
	}{{a.Aliases, KindAlias}, {a.Demonyms, KindDemonym}, {a.Places, KindPlace}, {a.Abbrevs, KindAbbrev}, {a.Prefixes, KindPrefix}} {
		for _, s := range l.list {
			out = append(out, surface{s, l.kind})
		}
	}
	return out
}

// Names returns every surface form of the actor, canonical name first.
func (a *ActorEntry) Names() []string {
	ss := a.surfaces()
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.text
	}
	return out
}

// CodeAt returns the actor's code on date d: the code of the role span that
// covers d, else Code. A zero date gets Code.
func (a *ActorEntry) CodeAt(d graph.Date) string {
	if d.IsZero() {
		return a.Code
	}
	for _, r := range a.Roles {
		if (r.From.IsZero() || !d.Before(r.From)) && (r.Until.IsZero() || !r.Until.Before(d)) {
			return r.Code
		}
	}
	return a.Code
}

// merge folds e (from a later file) into a: given scalars replace, lists
// are extended.
// extend folds in the names and dated codes of e, keeping a's kind,
// country and code; dated codes are taken only when a has none.
func (a *ActorEntry) extend(e ActorEntry) {
	a.Aliases = appendNew(a.Aliases, e.Aliases...)
	a.Demonyms = appendNew(a.Demonyms, e.Demonyms...)
	a.Places = appendNew(a.Places, e.Places...)
	a.Abbrevs = appendNew(a.Abbrevs, e.Abbrevs...)
	if len(a.Roles) == 0 {
		a.Roles = append(a.Roles, e.Roles...)
	}
}

func (a *ActorEntry) merge(e ActorEntry) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&a.Code, e.Code)
	set(&a.Country, e.Country)
	set(&a.Official, e.Official)
	set(&a.Note, e.Note)
	set(&a.Where, e.Where)
	if e.Type != "" {
		a.Type = e.Type
	}
	a.Aliases = appendNew(a.Aliases, e.Aliases...)
	a.Demonyms = appendNew(a.Demonyms, e.Demonyms...)
	a.Places = appendNew(a.Places, e.Places...)
	a.Abbrevs = appendNew(a.Abbrevs, e.Abbrevs...)
	a.Prefixes = appendNew(a.Prefixes, e.Prefixes...)
	if e.Code != "" && len(e.Roles) == 0 {
		// A later file's code with no dates holds for all time: the
		// earlier file's dated codes ("PAKMIL until 2013") would
		// otherwise still win over it for their years.
		a.Roles = nil
	}
	a.Roles = append(a.Roles, e.Roles...)
}

func appendNew(dst []string, src ...string) []string {
	for _, s := range src {
		dup := false
		for _, d := range dst {
			if d == s {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, s)
		}
	}
	return dst
}

func clone(a ActorEntry) ActorEntry {
	a.Aliases = append([]string(nil), a.Aliases...)
	a.Demonyms = append([]string(nil), a.Demonyms...)
	a.Places = append([]string(nil), a.Places...)
	a.Abbrevs = append([]string(nil), a.Abbrevs...)
	a.Prefixes = append([]string(nil), a.Prefixes...)
	a.Roles = append([]RoleSpan(nil), a.Roles...)
	return a
}

// build merges files in order into an effective dictionary.
func build(files []*File) *Dictionary {
	var (
		actors   []ActorEntry
		index    = map[string]int{} // norm(name) → index in actors
		claims   = map[string]string{}
		verbs    []VerbEntry
		roles    = map[string]RoleEntry{}
		titles   = map[string]TitleEntry{}
		forbidA  = map[string]bool{}
		merges   [][2]string
		agents   = map[string]RoleEntry{}
		discards []Discard
		issues   []IssueEntry
		vm       = newVerbMerger()
	)
	n := 0
	for _, f := range files {
		if f != nil {
			n += len(f.Actors)
		}
	}
	actors = make([]ActorEntry, 0, n)
	for _, f := range files {
		if f == nil {
			continue
		}
		if f.Replace {
			actors, index, claims, verbs = nil, map[string]int{}, map[string]string{}, nil
			roles, titles, forbidA, merges = map[string]RoleEntry{}, map[string]TitleEntry{}, map[string]bool{}, nil
			agents, discards, issues, vm = map[string]RoleEntry{}, nil, nil, newVerbMerger()
		}
		for _, e := range f.Actors {
			k := norm(e.Name)
			if _, ok := index[k]; !ok && e.Code != "" && !e.replace {
				// An actor one of whose names an earlier actor of the same
				// code already has is that actor: PETRARCH's
				// UNITED_STATES_OF_AMERICA [USA] is kg's United States,
				// whose official name it is.
				for _, s := range e.surfaces() {
					owner, ok := claims[norm(s.text)]
					if !ok {
						continue
					}
					if i, ok := index[owner]; ok && actors[i].Name != "" && actors[i].Code == e.Code {
						index[k] = i
						k = owner
						break
					}
				}
			}
			soft := f.Format != "" && f.Format != FormatYAML
			if i, ok := index[k]; ok && actors[i].Name != "" {
				switch {
				case e.replace:
					actors[i] = clone(e)
				case soft:
					// A PETRARCH file's kind and country are guesses from
					// its codes: it adds names and dated codes to an actor
					// a YAML file described, not a new kind.
					actors[i].extend(e)
					if !strings.HasPrefix(f.Name, "phoenix:") && e.Code != "" {
						// A user's own file says what code the actor has
						// in the user's world ("ZIMBABWE [ZBW]"); the
						// embedded Phoenix only fills in.
						actors[i].Code, actors[i].Roles = e.Code, e.Roles
						if e.Country != "" {
							actors[i].Country = e.Country
						}
					}
				default:
					actors[i].merge(e)
				}
			} else {
				index[k] = len(actors)
				actors = append(actors, clone(e))
			}
			// The latest file to name a surface form decides which actor it
			// means, unless it is a PETRARCH file naming a form already
			// taken: Phoenix lists Moscow under the Soviet Union too.
			for _, s := range e.surfaces() {
				if _, taken := claims[norm(s.text)]; taken && soft {
					continue
				}
				claims[norm(s.text)] = k
			}
		}
		for _, name := range f.Forbid.Actors {
			if i, ok := index[norm(name)]; ok {
				actors[i] = ActorEntry{} // tombstone, dropped below
				delete(index, norm(name))
			}
		}
		verbs = append(verbs, f.Verbs...)
		for _, r := range f.Roles {
			roles[norm(r.Word)] = r
		}
		for _, t := range f.Titles {
			titles[norm(t.Title)] = t
		}
		for _, a := range f.Agents {
			agents[a.Word] = a
		}
		discards = append(discards, f.Discards...)
		issues = append(issues, f.Issues...)
		vm.add(f.VerbDict)
		for _, a := range f.Forbid.Aliases {
			forbidA[norm(a)] = true
		}
		merges = append(merges, f.Forbid.Merges...)
	}

	d := &Dictionary{
		byName:      map[string]int{},
		roles:       map[string]string{},
		titles:      map[string]string{},
		known:       map[string]bool{},
		forbidPairs: map[[2]string]bool{},
	}
	d.Actors = make([]ActorEntry, 0, len(actors))
	for _, a := range actors {
		if a.Name == "" {
			continue
		}
		if a.Type == "" {
			a.Type = graph.Organization
		}
		if a.Code == "" {
			a.Code = a.Country
		}
		if a.Code == "" {
			a.Code = "---"
		}
		d.Actors = append(d.Actors, a)
	}
	// Sort an index rather than the entries: they are large to move.
	order := make([]int, len(d.Actors))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return strings.Compare(d.Actors[i].Name, d.Actors[j].Name) })
	sorted := make([]ActorEntry, len(d.Actors))
	for i, j := range order {
		sorted[i] = d.Actors[j]
	}
	d.Actors = sorted

	// Drop forbidden aliases and aliases another actor claimed later.
	for i := range d.Actors {
		a := &d.Actors[i]
		self := norm(a.Name)
		keep := func(list []string) []string {
			out := list[:0]
			for _, s := range list {
				k := norm(s)
				if forbidA[k] {
					continue
				}
				if owner, ok := claims[k]; ok && owner != self {
					if _, alive := index[owner]; alive {
						d.Conflicts = append(d.Conflicts, Conflict{Alias: s, Winner: ownerName(actors, index, owner), Loser: a.Name})
						continue
					}
				}
				out = append(out, s)
			}
			return out
		}
		if forbidA[norm(a.Official)] {
			a.Official = ""
		}
		a.Aliases = keep(a.Aliases)
		a.Demonyms = keep(a.Demonyms)
		a.Places = keep(a.Places)
		a.Abbrevs = keep(a.Abbrevs)
		a.Prefixes = keep(a.Prefixes)
		for _, s := range a.surfaces() {
			k := norm(s.text)
			if k == "" || (forbidA[k] && s.kind != KindName) {
				continue
			}
			if _, taken := d.byName[k]; !taken || s.kind == KindName {
				d.byName[k] = i
			}
			if s.kind != KindPrefix {
				addKnown(d.known, s.text)
			}
		}
	}
	sort.Slice(d.Conflicts, func(i, j int) bool {
		if d.Conflicts[i].Alias != d.Conflicts[j].Alias {
			return d.Conflicts[i].Alias < d.Conflicts[j].Alias
		}
		return d.Conflicts[i].Loser < d.Conflicts[j].Loser
	})

	d.Verbs = verbs
	d.Roles = unforbidden(roles, func(k string) bool { return forbidA[k] }, func(r RoleEntry) string { return r.Word })
	for _, r := range d.Roles {
		d.roles[norm(r.Word)] = r.Code
	}
	d.Titles = unforbidden(titles, func(k string) bool { return forbidA[k] }, func(t TitleEntry) string { return t.Title })
	for _, t := range d.Titles {
		d.titles[norm(t.Title)] = t.Code
	}
	d.Agents = unforbidden(agents, func(k string) bool { return forbidA[norm(k)] }, func(a RoleEntry) string { return a.Word })
	d.agents = newAgentIndex(d.Agents)
	d.Discards, d.Issues = discards, issues
	d.discardFirst, d.discardStem = map[string][]int{}, map[string][]int{}
	for i, dc := range discards {
		d.discardNeedles = append(d.discardNeedles, " "+dc.Phrase)
		if first, _, multi := strings.Cut(dc.Phrase, " "); multi {
			d.discardFirst[first] = append(d.discardFirst[first], i)
		} else {
			k := stemKey(dc.Phrase)
			d.discardStem[k] = append(d.discardStem[k], i)
		}
	}
	d.VerbDict = vm.result()
	d.ForbidMerges = merges
	for _, m := range merges {
		a, b := norm(m[0]), norm(m[1])
		d.forbidPairs[[2]string{a, b}] = true
		d.forbidPairs[[2]string{b, a}] = true
	}
	return d
}

// unforbidden returns the entries of m whose key is not forbidden, sorted
// by name.
func unforbidden[T any](m map[string]T, forbidden func(key string) bool, name func(T) string) []T {
	var out []T
	for k, v := range m {
		if !forbidden(k) {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return name(out[i]) < name(out[j]) })
	return out
}

// addKnown records the capitalized words of at least three letters of a
// name: "Republic of the Congo" gives Republic and Congo, not "the".
func addKnown(known map[string]bool, name string) {
	for start := 0; start < len(name); {
		r, n := utf8.DecodeRuneInString(name[start:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			start += n
			continue
		}
		end := start + n
		for end < len(name) {
			r2, n2 := utf8.DecodeRuneInString(name[end:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			end += n2
		}
		w := name[start:end]
		start = end
		// A word of letters and digits normalises to its lower case.
		if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 3 {
			continue
		}
		if k := strings.ToLower(w); k != "the" && k != "and" && k != "for" { // The West, The Hague
			known[k] = true
		}
	}
}

func ownerName(actors []ActorEntry, index map[string]int, k string) string {
	if i, ok := index[k]; ok {
		return actors[i].Name
	}
	return k
}

// ActorByName finds an actor by canonical name or any alias, ignoring case,
// punctuation, a leading "the" and a possessive 's.
func (d *Dictionary) ActorByName(name string) (*ActorEntry, bool) {
	i, ok := d.byName[norm(name)]
	if !ok {
		return nil, false
	}
	return &d.Actors[i], true
}

// Role returns the role code of a common noun: "minister" → GOV. Plural
// forms are tried as their singular when the plural itself is not listed.
// Agent phrases (and their plurals) answer when no role word does; whether
// an agent's code goes before the actor's is for AgentMatch to say.
func (d *Dictionary) Role(word string) (code string, ok bool) {
	k := norm(word)
	if c, ok := d.roles[k]; ok {
		return c, true
	}
	for _, suf := range []string{"s", "es"} {
		if s, found := strings.CutSuffix(k, suf); found && s != "" {
			if c, ok := d.roles[s]; ok {
				return c, true
			}
		}
	}
	if d.agents != nil {
		if i, ok := d.agents.byKey[k]; ok {
			return d.Agents[i].Code, true
		}
	}
	return "", false
}

// Title returns the role code a personal title implies: "Air Chief
// Marshal" → MIL, "Gen." → MIL.
func (d *Dictionary) Title(title string) (code string, ok bool) {
	code, ok = d.titles[norm(title)]
	return code, ok
}

// MergeForbidden reports whether the dictionary rules out merging the two
// names as spelling variants of one actor: the pair is listed under
// forbid.merges, or both names are dictionary names of two different actors
// (Nawaz Sharif and Shahbaz Sharif are both listed, so they are distinct).
func (d *Dictionary) MergeForbidden(a, b string) bool {
	ka, kb := norm(a), norm(b)
	if d.forbidPairs[[2]string{ka, kb}] {
		return true
	}
	ia, okA := d.byName[ka]
	ib, okB := d.byName[kb]
	return okA && okB && ia != ib
}

// KnownWord reports whether w (any case) is a capitalized word of at least
// three letters in some actor name. The text cleaner uses it to split run-together
// words such as "ofAfghanistan".
func (d *Dictionary) KnownWord(w string) bool { return d.known[norm(w)] }

// norm is the key under which names are compared: lower case, apostrophes
// and dots dropped (U.S. = US), a possessive 's and a leading "the" removed,
// every other run of non-alphanumerics one space.
func norm(s string) string {
	if k, ok := normASCII(s); ok {
		return k
	}
	return normRunes(s)
}

func normRunes(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		s = strings.TrimSuffix(s, p)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	out := b.String()
	if rest, ok := strings.CutPrefix(out, "the "); ok {
		out = rest
	}
	return out
}

// normASCII is norm for ASCII text, without the rune decoding; ok is false
// for other text.
func normASCII(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "'S")
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '.':
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c+'a'-'A')
		default:
			space = true
		}
	}
	if len(b) >= 4 && string(b[:4]) == "the " {
		b = b[4:]
	}
	return string(b), true
}
