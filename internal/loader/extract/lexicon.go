package extract

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed lexicon.yaml
var lexiconYAML []byte

// VerbRule maps a verb or noun pattern to a CAMEO event code. The fields are
// documented in lexicon.yaml; user dictionaries may add rules in the same
// shape.
type VerbRule struct {
	Relation       string     `yaml:"relation"`
	Code           string     `yaml:"code"`
	Verbs          []string   `yaml:"verbs"`
	Forms          []string   `yaml:"forms"`
	Nouns          []string   `yaml:"nouns"`
	Preps          []string   `yaml:"preps"`
	NounPreps      []string   `yaml:"noun_preps"`
	Direct         bool       `yaml:"direct"`
	Requires       []string   `yaml:"requires"`
	RequiresBefore []string   `yaml:"requires_before"`
	Symmetric      bool       `yaml:"symmetric"`
	GroupCode      string     `yaml:"group_code"`
	Words          []WordCode `yaml:"words"`
	Intent         string     `yaml:"intent"`
	// Attempt is the code of a failed or foiled attempt at the act, where
	// CAMEO has one (185 for an assassination).
	Attempt            string   `yaml:"attempt"`
	ModifierTarget     bool     `yaml:"modifier_target"`
	Objects            bool     `yaml:"objects"`
	TargetTypes        []string `yaml:"target_types"`
	NounWindow         int      `yaml:"noun_window"`
	DirectAfterRequire bool     `yaml:"direct_after_require"`
	// Reverse swaps agent and target: "Pakistan received weapons from
	// Russia" is Russia's supply to Pakistan.
	Reverse bool `yaml:"reverse"`
	// ModifierOnly takes a direct object only when it is a nationality
	// before a noun: "bought Russian weapons" is bought from Russia.
	ModifierOnly bool `yaml:"modifier_only"`
	// SymmetricWithoutTarget makes coordinated agents with no target the
	// relation's two sides: "India and Pakistan massed troops".
	SymmetricWithoutTarget bool `yaml:"symmetric_without_target"`
	// NounDirect takes the group right after the noun as its two sides:
	// "long-term allies Pakistan and the United States".
	NounDirect bool `yaml:"noun_direct"`
	// NounRequires: a noun trigger that governs another event noun,
	// "cancellation of Putin's trip to Pakistan"; the agent is the
	// possessive before that noun and the target follows it.
	NounRequires []string `yaml:"noun_requires"`
	// Directive: the verb codes only when it directs someone to act, by
	// a to-clause ("told Belarus to free the journalists") or a
	// that-clause of obligation ("told Belarus that it must free");
	// otherwise it is speech ("told reporters that").
	Directive bool `yaml:"directive"`
	// NamedOnly takes the object (or a passive subject) as the target
	// only when it names an actor itself: "suspended Gabon", not
	// "suspended funding for Palestinian refugees".
	NamedOnly bool `yaml:"named_only"`
	// PeopleOnly: the verb codes only when what it is done to is people
	// (an actor, a role or people noun): "killed two soldiers", not
	// "killed the deal" or "executed its strategy".
	PeopleOnly bool `yaml:"people_only"`
	// AgentRoles: the rule codes only when every agent holds one of these
	// roles (the CAMEO role codes after the country's): demonstrators
	// (OPP) who protest against a state rally (141), where a state that
	// protests lodges a complaint (114).
	AgentRoles []string `yaml:"agent_roles"`
}

// agentsAllowed reports whether agents may act under r: every one holds a
// role of r.AgentRoles, when it names any.
func agentsAllowed(r *VerbRule, agents []*actorRec) bool {
	if len(r.AgentRoles) == 0 {
		return true
	}
	for _, a := range agents {
		role := a.role
		if role == "" {
			role = strings.TrimPrefix(a.Code, countryCode(a))
		}
		if !slices.ContainsFunc(r.AgentRoles, func(want string) bool { return strings.HasPrefix(role, want) }) {
			return false
		}
	}
	return len(agents) > 0
}

// WordCode switches a rule's code when one of Words stands near the trigger.
type WordCode struct {
	Code  string   `yaml:"code"`
	Words []string `yaml:"words"`
}

type lexiconFile struct {
	Verbs          []VerbRule          `yaml:"verbs"`
	Titles         map[string][]string `yaml:"titles"`
	Roles          map[string][]string `yaml:"roles"`
	PersonRoles    map[string][]string `yaml:"person_roles"`
	RoleExtensions []string            `yaml:"role_extensions"`
	Objects        []string            `yaml:"objects"`
	Organizations  []string            `yaml:"organizations"`
}

// trigger is one way a rule can fire: a verb form or a noun.
type trigger struct {
	rule     *VerbRule
	rest     []string // later words of a multi-word verb ("down" in "shoot down")
	noun     bool
	pastPart bool // a past tense or participle form (passive candidate)
	gerund   bool
}

// lexicon is the compiled grammar: trigger index and word classes.
type lexicon struct {
	triggers    map[string][]trigger
	titleRole   map[string]string // title word -> GOV, MIL or "" (honorific)
	roles       *phraseSet        // role noun phrases -> role code
	personRoles *phraseSet        // person nouns -> role code
	roleExt     map[string]bool
	objects     *phraseSet
	orgHeads    map[string]bool
	criticize   *VerbRule // the rule of code 111, for spoken judgements
	// compounds are the lexicon's nouns of several words ("tear gas",
	// "air strike", "water cannon"), which the tagger may split into a
	// verb and its object.
	compounds *phraseSet
}

// phraseSet matches lower-case word sequences, longest first.
type phraseSet struct {
	first map[string][]phrase
}

type phrase struct {
	words []string
	val   string
}

func newPhraseSet() *phraseSet { return &phraseSet{first: map[string][]phrase{}} }

func (p *phraseSet) add(s, val string) {
	w := strings.Fields(strings.ToLower(s))
	if len(w) == 0 {
		return
	}
	l := append(p.first[w[0]], phrase{words: w, val: val})
	sort.SliceStable(l, func(i, j int) bool { return len(l[i].words) > len(l[j].words) })
	p.first[w[0]] = l
}

// match returns the value and token count of the longest phrase starting at
// toks[i], skipping nothing: phrase words must be consecutive word tokens,
// except that "-" may join them.
func (p *phraseSet) match(toks []token, i int) (string, int) {
	if i >= len(toks) {
		return "", 0
	}
	for _, ph := range p.first[toks[i].low] {
		k := i + 1
		ok := true
		for _, w := range ph.words[1:] {
			if k < len(toks) && toks[k].low == "-" && !toks[k].space {
				k++
			}
			if k >= len(toks) || toks[k].low != w {
				ok = false
				break
			}
			k++
		}
		if ok {
			return ph.val, k - i
		}
	}
	return "", 0
}

var irregular = map[string][]string{
	"meet": {"met"}, "fly": {"flew", "flown"}, "go": {"went", "gone"}, "come": {"came"},
	"shoot": {"shot"}, "strike": {"struck", "stricken"}, "break": {"broke", "broken"},
	"sell": {"sold"}, "give": {"gave", "given"}, "fight": {"fought"}, "hold": {"held"},
	"cut": {"cut"}, "seek": {"sought"}, "build": {"built"}, "stand": {"stood"},
	"wage": {"waged"}, "set": {"set"}, "put": {"put"}, "mass": {"massed"}, "shell": {"shelled"},
	"travel": {"travelled", "traveled", "travelling", "traveling"}, "call": {"called"},
	"lodge": {"lodged"}, "hold talks": {"held talks"}, "veto": {"vetoes", "vetoed"},
	"ally": {"allied", "allies"}, "spurn": {"spurned"}, "slap": {"slapped", "slapping"},
	"stop": {"stopped", "stopping"}, "ship": {"shipped", "shipping"}, "plan": {"planned", "planning"},
	"end": {"ended"}, "reach": {"reaches", "reached"}, "buy": {"bought"}, "lend": {"lent"},
	"send": {"sent"}, "get": {"got", "gotten"}, "speak": {"spoke", "spoken"}, "pay": {"paid"},
	"become": {"became"}, "refer": {"referred", "referring"}, "confer": {"conferred", "conferring"}, "show": {"shown"}, "spit": {"spat"},
}

// inflect returns the regular forms of a verb lemma with a flag for past
// forms.
func inflect(lemma string) (forms []string, past []bool) {
	add := func(f string, p bool) {
		for i, g := range forms {
			if g == f {
				// "set", "put": a past the same as the lemma is a past too.
				past[i] = past[i] || p
				return
			}
		}
		forms = append(forms, f)
		past = append(past, p)
	}
	add(lemma, false)
	n := len(lemma)
	last := lemma[n-1]
	switch {
	case strings.HasSuffix(lemma, "y") && n > 1 && !strings.ContainsRune("aeiou", rune(lemma[n-2])):
		add(lemma[:n-1]+"ies", false)
		add(lemma[:n-1]+"ied", true)
		add(lemma+"ing", false)
	case last == 'e':
		add(lemma+"s", false)
		add(lemma+"d", true)
		if strings.HasSuffix(lemma, "ee") {
			add(lemma+"ing", false)
		} else {
			add(lemma[:n-1]+"ing", false)
		}
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "sh"):
		add(lemma+"es", false)
		add(lemma+"ed", true)
		add(lemma+"ing", false)
	default:
		add(lemma+"s", false)
		add(lemma+"ed", true)
		add(lemma+"ing", false)
	}
	// Short consonant-vowel-consonant verbs double their last letter:
	// snub -> snubbed, ban -> banned.
	if n >= 3 && n <= 4 && !strings.ContainsRune("aeiouwxy", rune(last)) && strings.ContainsRune("aeiou", rune(lemma[n-2])) && !strings.ContainsRune("aeiou", rune(lemma[n-3])) {
		add(lemma+string(last)+"ed", true)
		add(lemma+string(last)+"ing", false)
	}
	// British doubling: cancel -> cancelled, travel -> travelling.
	if last == 'l' && n > 2 && strings.ContainsRune("aeiou", rune(lemma[n-2])) && !strings.ContainsRune("aeiou", rune(lemma[n-3])) {
		add(lemma+"led", true)
		add(lemma+"ling", false)
	}
	for _, f := range irregular[lemma] {
		add(f, !strings.HasSuffix(f, "ing") && !strings.HasSuffix(f, "s"))
	}
	return forms, past
}

func loadLexicon(extra []VerbRule) (*lexicon, error) {
	var f lexiconFile
	if err := yaml.Unmarshal(lexiconYAML, &f); err != nil {
		return nil, fmt.Errorf("parse embedded lexicon: %w", err)
	}
	lx := &lexicon{
		triggers:    map[string][]trigger{},
		titleRole:   map[string]string{},
		roles:       newPhraseSet(),
		personRoles: newPhraseSet(),
		roleExt:     map[string]bool{},
		objects:     newPhraseSet(),
		orgHeads:    map[string]bool{},
		compounds:   newPhraseSet(),
	}
	rules := append(append([]VerbRule(nil), f.Verbs...), extra...)
	for i := range rules {
		r := &rules[i]
		if r.Code == "" || r.Relation == "" {
			return nil, fmt.Errorf("verb rule %d (%v): relation and code are required", i, r.Verbs)
		}
		for _, v := range r.Verbs {
			w := strings.Fields(strings.ToLower(v))
			if len(w) == 0 {
				continue
			}
			forms, past := inflect(w[0])
			for k, fm := range forms {
				lx.triggers[fm] = append(lx.triggers[fm], trigger{rule: r, rest: w[1:], pastPart: past[k], gerund: strings.HasSuffix(fm, "ing")})
			}
			if len(w) == 1 {
				for _, fm := range r.Forms {
					fm = strings.ToLower(fm)
					lx.triggers[fm] = append(lx.triggers[fm], trigger{rule: r, pastPart: !strings.HasSuffix(fm, "ing")})
				}
			}
		}
		for _, n := range r.Nouns {
			n = strings.ToLower(n)
			lx.triggers[n] = append(lx.triggers[n], trigger{rule: r, noun: true})
		}
		phrases := append(append([]string(nil), r.Nouns...), r.Requires...)
		for _, wc := range r.Words {
			phrases = append(phrases, wc.Words...)
		}
		for _, ph := range phrases {
			if strings.ContainsAny(ph, " -") {
				lx.compounds.add(strings.ReplaceAll(ph, "-", " "), "NOUN")
			}
		}
	}
	for i := range rules {
		if rules[i].Code == "111" && lx.criticize == nil {
			lx.criticize = &rules[i]
		}
	}
	// Rules with required words are more specific: try them first.
	for k, ts := range lx.triggers {
		sort.SliceStable(ts, func(i, j int) bool {
			return specificity(ts[i]) > specificity(ts[j])
		})
		lx.triggers[k] = ts
	}
	for role, ws := range f.Titles {
		code := strings.ToUpper(role)
		if code == "HONORIFIC" {
			code = ""
		}
		for _, w := range ws {
			if _, seen := lx.titleRole[w]; !seen || code == "MIL" {
				lx.titleRole[w] = code
			}
		}
	}
	for role, ws := range f.Roles {
		for _, w := range ws {
			lx.roles.add(w, role)
		}
	}
	for role, ws := range f.PersonRoles {
		for _, w := range ws {
			lx.personRoles.add(w, role)
		}
	}
	for _, w := range f.RoleExtensions {
		lx.roleExt[w] = true
	}
	for _, w := range f.Objects {
		lx.objects.add(w, "object")
	}
	for _, w := range f.Organizations {
		lx.orgHeads[w] = true
	}
	return lx, nil
}

func specificity(t trigger) int {
	n := len(t.rest) * 4
	if len(t.rule.Requires) > 0 {
		n += 2
	}
	if len(t.rule.RequiresBefore) > 0 || len(t.rule.TargetTypes) > 0 || len(t.rule.AgentRoles) > 0 {
		n++
	}
	return n
}

// word returns the value of the one-word phrase w.
func (p *phraseSet) word(w string) (string, bool) {
	for _, ph := range p.first[w] {
		if len(ph.words) == 1 {
			return ph.val, true
		}
	}
	return "", false
}

// peopleNoun reports whether w (lower case) names a body of people the
// lexicon knows: an organisation head, a role noun or a person noun.
func (lx *lexicon) peopleNoun(w string) bool {
	if lx.orgHeads[w] || lx.roleExt[w] {
		return true
	}
	if _, ok := lx.roles.word(w); ok {
		return true
	}
	_, ok := lx.personRoles.word(w)
	return ok
}
