package dict

import (
	"strings"
	"testing"
)

// TestVerbRuleFields: the extractor's newer rule fields parse into VerbEntry
// and are checked against each other.
func TestVerbRuleFields(t *testing.T) {
	f, err := Parse("v.yaml", []byte(`verbs:
  - {relation: take_loan, code: "071", verbs: [borrow], preps: [from], reverse: true}
  - {relation: procure, code: "062", verbs: [procure], direct: true, modifier_only: true}
  - {relation: mobilize, code: "154", verbs: [muster], requires: [troops], symmetric_without_target: true}
  - {relation: ally_with, code: "050", nouns: [comrades], noun_direct: true}
  - {relation: cancel_visit, code: "161", nouns: [scrapping], noun_requires: [visit, trip]}
`))
	if err != nil {
		t.Fatal(err)
	}
	v := f.Verbs
	if len(v) != 5 || !v[0].Reverse || !v[1].ModifierOnly || !v[2].SymmetricWithoutTarget || !v[3].NounDirect ||
		strings.Join(v[4].NounRequires, ",") != "visit,trip" {
		t.Fatalf("parsed %+v", v)
	}
	bad := []struct{ rule, want string }{
		{`{relation: a, code: "050", verbs: [x], noun_direct: true}`, "need nouns"},
		{`{relation: a, code: "050", verbs: [x], noun_requires: [visit]}`, "need nouns"},
		{`{relation: a, code: "050", nouns: [x], noun_direct: true, noun_requires: [visit]}`, "exclude each other"},
		{`{relation: a, code: "050", verbs: [x], modifier_only: true}`, "modifier_only needs"},
		{`{relation: a, code: "050", verbs: [x], reverse: maybe}`, "want true or false"},
	}
	for _, b := range bad {
		ps := Check("v.yaml", []byte("verbs:\n  - "+b.rule+"\n"))
		var msgs []string
		for _, p := range ps {
			msgs = append(msgs, p.String())
		}
		if !strings.Contains(strings.Join(msgs, "\n"), b.want) {
			t.Errorf("%s: problems %q, want one about %q", b.rule, msgs, b.want)
		}
	}
}
