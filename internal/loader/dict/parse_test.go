package dict

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // "line:col: message fragment"
	}{
		{"good", "actors:\n  - name: X\n    code: PAKGOV\n", nil},
		{"empty file", "", nil},
		{"syntax error", "actors:\n  - name: [x\n", []string{"1:0: "}},
		{"unknown top field", "actorz: []\n", []string{"1:1: unknown field \"actorz\" in dictionary"}},
		{"unknown actor field", "actors:\n  - name: X\n    alias: [Y]\n", []string{"3:5: unknown field \"alias\" in actor"}},
		{"repeated field", "actors:\n  - name: X\n    name: Y\n", []string{"3:5: field \"name\" repeated"}},
		{"bad type", "actors:\n  - name: X\n    type: planet\n", []string{"3:11: unknown actor type \"planet\""}},
		{"list where text wanted", "actors:\n  - name: [X]\n", []string{"2:11: want text, got a list"}},
		{"mapping where list wanted", "actors:\n  name: X\n", []string{"2:3: want a list"}},
		{"bad code shape", "actors:\n  - name: X\n    code: PAKgov\n", []string{"3:11: bad actor code \"PAKgov\""}},
		{"code too long", "actors:\n  - name: X\n    code: PAKGOVMILLEGBUSOPP\n", []string{"3:11: bad actor code"}},
		{"bad country", "actors:\n  - name: X\n    country: Pakistan\n", []string{"3:14: bad country \"Pakistan\""}},
		{"empty name", "actors:\n  - name: \"\"\n    code: PAK\n", []string{"2:11: actor with an empty name"}},
		{"missing name", "actors:\n  - code: PAK\n", []string{"2:5: actor without a name"}},
		{"bad date", "actors:\n  - name: X\n    roles:\n      - {code: PAKGOV, from: 2008-13-01}\n", []string{"4:30: bad date \"2008-13-01\""}},
		{"reversed span", "actors:\n  - name: X\n    roles:\n      - {code: PAKGOV, from: 2010, until: 2008}\n", []string{"4:30: role span PAKGOV: from 2010 is after until 2008"}},
		{"bad cameo code", "verbs:\n  - {verbs: [visit], code: \"42\", relation: visit}\n", []string{"2:28: code: CAMEO code \"42\": root must be 01 to 20"}},
		{"cameo code not digits", "verbs:\n  - {verbs: [visit], code: abc, relation: visit}\n", []string{"2:28: code: CAMEO code \"abc\": want digits only"}},
		{"unquoted code keeps zeros", "verbs:\n  - {verbs: [visit], code: 042, relation: visit, intent: 036}\n", nil},
		{"bad relation", "verbs:\n  - {verbs: [visit], code: \"042\", relation: Make Visit}\n", []string{"2:5: verb rule \"visit\": relation \"Make Visit\""}},
		{"verb without code", "verbs:\n  - {nouns: [visit], relation: visit}\n", []string{"2:5: verb rule \"visit\" without a CAMEO code"}},
		{"verb without triggers", "verbs:\n  - {code: \"042\", relation: visit}\n", []string{"2:5: verb rule \"visit\" without verbs or nouns"}},
		{"bad symmetric", "verbs:\n  - {verbs: [meet], code: \"040\", relation: meet, symmetric: yes please}\n", []string{"2:61: want true or false"}},
		{"bad words code", "verbs:\n  - verbs: [supply]\n    code: \"07\"\n    relation: support\n    words: [{code: \"7\", words: [arms]}]\n", []string{"5:20: words code: CAMEO code \"7\""}},
		{"bad agent role", "verbs:\n  - {verbs: [hit], code: \"19\", relation: attack, agent_roles: [protesters]}\n", []string{"2:63: agent_roles: \"protesters\" is no CAMEO role code (three capital letters, such as OPP or MIL)"}},
		{"bad target type", "verbs:\n  - {verbs: [hit], code: \"19\", relation: attack, target_types: [planet]}\n", []string{"2:64: target_types: unknown actor type \"planet\""}},
		{"bad noun window", "verbs:\n  - {verbs: [hit], code: \"19\", relation: attack, noun_window: -1}\n", []string{"2:63: noun_window: want a whole number"}},
		{"bad role code", "roles:\n  - {word: minister, code: gov}\n", []string{"2:28: bad role code \"gov\""}},
		{"role without word", "roles:\n  - {code: GOV}\n", []string{"2:5: role without a word"}},
		{"bad merge pair", "forbid:\n  merges: [[Kayani]]\n", []string{"2:12: forbidden merge: want a pair"}},
		{"duplicate alias", "actors:\n  - name: A\n    aliases: [Zed]\n  - name: B\n    aliases: [zed]\n", []string{"5:15: alias \"zed\" of \"B\" already names \"A\" (t.yaml:2)"}},
		{"duplicate name", "actors:\n  - name: A\n    aliases: [Zed]\n  - name: Zed\n", []string{"4:11: alias \"Zed\" of \"Zed\" already names \"A\" (t.yaml:2)"}},
		{"same actor twice is fine", "actors:\n  - name: A\n    aliases: [Zed]\n  - name: A\n    aliases: [zed]\n", nil},
		{"two problems sorted", "actors:\n  - name: X\n    code: x\n    type: y\n", []string{"3:11: bad actor code", "4:11: unknown actor type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := Check("t.yaml", []byte(tt.yaml))
			if len(probs) != len(tt.want) {
				t.Fatalf("got %d problems %v, want %d %v", len(probs), probs, len(tt.want), tt.want)
			}
			for i, p := range probs {
				if p.File != "t.yaml" {
					t.Errorf("problem %d file %q", i, p.File)
				}
				got := strings.TrimPrefix(p.String(), "t.yaml:")
				if p.Col == 0 {
					got = strings.Replace(got, ":", ":0:", 1)
				}
				if !strings.HasPrefix(got, tt.want[i]) {
					t.Errorf("problem %d = %q, want prefix %q", i, got, tt.want[i])
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	f, err := Parse("u.yaml", []byte(`
replace: true
actors:
  - name: Ashfaq Parvez Kayani
    code: PAKMIL
    type: person
    country: PAK
    aliases: [Kayani, Kiani, Gen Kayani]
    roles:
      - {code: PAKMIL, from: 2007-11-29, until: 2013-11-29}
verbs:
  - relation: supply_arms
    code: 072
    verbs: [supply, sell]
    forms: [sold]
    nouns: [supply]
    preps: to
    direct: true
    words:
      - {code: "071", words: [loan, credit]}
    target_types: [country, group]
    noun_window: 4
titles:
  - {title: Air Chief Marshal, code: MIL}
forbid:
  merges: [[Kayani, Kiani]]
  aliases: [Washington]
`))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Replace || len(f.Actors) != 1 || len(f.Verbs) != 1 || len(f.Titles) != 1 {
		t.Fatalf("parsed %+v", f)
	}
	a := f.Actors[0]
	if a.Code != "PAKMIL" || len(a.Aliases) != 3 || len(a.Roles) != 1 || a.Roles[0].From.String() != "2007-11-29" || a.Where != "u.yaml:4" {
		t.Errorf("actor %+v", a)
	}
	v := f.Verbs[0]
	if v.Code != "072" || v.Relation != "supply_arms" || len(v.Preps) != 1 || v.Preps[0] != "to" || !v.Direct ||
		len(v.Words) != 1 || v.Words[0].Code != "071" || v.NounWindow != 4 || len(v.TargetTypes) != 2 || v.Where != "u.yaml:12" {
		t.Errorf("verb %+v", v)
	}
	if f.Forbid.Merges[0] != [2]string{"Kayani", "Kiani"} || f.Forbid.Aliases[0] != "Washington" {
		t.Errorf("forbid %+v", f.Forbid)
	}

	_, err = Parse("bad.yaml", []byte("actors: 3\n"))
	var pe *ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 1 || !strings.HasPrefix(err.Error(), "bad.yaml:1:9: ") {
		t.Errorf("Parse(bad) error = %v", err)
	}
}

// TestEmbeddedFilesCheck runs Check over each embedded file, so a data edit
// that breaks a rule fails here with its line number.
func TestEmbeddedFilesCheck(t *testing.T) {
	for _, name := range defaultFiles {
		data, err := embedded.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Check(name, data) {
			t.Error(p)
		}
	}
}

func FuzzCheck(f *testing.F) {
	for _, name := range []string{"countries-extra.yaml", "roles.yaml", "persons.yaml", "groups.yaml"} {
		data, err := embedded.ReadFile("data/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("actors:\n  - name: X\n    code: &a PAK\n    country: *a\n"))
	f.Add([]byte("forbid: {merges: [[a, b], [c]]}\nreplace: maybe\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		probs := Check("f.yaml", data)
		file, err := Parse("f.yaml", data)
		if (len(probs) == 0) != (err == nil) {
			t.Fatalf("Check found %d problems but Parse error = %v", len(probs), err)
		}
		if err == nil {
			d := FromFiles(file)
			for _, a := range d.Actors {
				d.ActorByName(a.Name)
			}
			d.Matcher().Find(string(data))
		}
	})
}
