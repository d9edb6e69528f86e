package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Document is one loaded article. Its ID is the SHA-256 of the normalised
// text, so the same article is recognised whatever its file name.
type Document struct {
	ID     string `json:"id"`
	Name   string `json:"name"`   // file base name, or the id field of a JSONL record
	Title  string `json:"title"`  // headline, when one was found
	Date   Date   `json:"date"`   // publication date, from metadata or dateline
	Source string `json:"source"` // path or URL it was read from
	// Text is the cleaned, normalised text. Event offsets slice it.
	Text string `json:"text"`
	// Raw is the input as read (HTML included), kept so that extraction can be
	// re-run with new dictionaries or a new cleaner.
	Raw string `json:"raw,omitempty"`
	// Format is the input format that produced the text: txt, md, html, jsonl.
	Format string `json:"format,omitempty"`
	// Sentences is the number of sentences the text was split into.
	Sentences int `json:"sentences"`
}

// ShortID shortens a document ID for people, as git does for commits: its
// first 12 hex digits.
func ShortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// Label names a document in messages: its name, else its short ID.
func (d Document) Label() string {
	if d.Name != "" {
		return d.Name
	}
	return ShortID(d.ID)
}

// DocumentID is the content hash used as a document's identity.
func DocumentID(normalizedText string) string {
	h := sha256.Sum256([]byte(normalizedText))
	return hex.EncodeToString(h[:])
}

// ActorType classifies an actor.
type ActorType string

// Actor types. The set is closed: dictionaries and imports are validated
// against it.
const (
	Country      ActorType = "country"
	Person       ActorType = "person"
	Organization ActorType = "organization"
	IGO          ActorType = "igo"
	Group        ActorType = "group"
	Object       ActorType = "object"
	Place        ActorType = "place"
)

// ActorTypes lists every valid actor type in a stable order.
var ActorTypes = []ActorType{Country, Person, Organization, IGO, Group, Object, Place}

// ParseActorType validates s as an actor type.
func ParseActorType(s string) (ActorType, error) {
	for _, t := range ActorTypes {
		if string(t) == strings.ToLower(strings.TrimSpace(s)) {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown actor type %q (want one of country, person, organization, igo, group, object, place)", s)
}

// Actor is a canonical participant in events.
type Actor struct {
	ID        string    `json:"id"`   // slug of the canonical name, stable across loads
	Name      string    `json:"name"` // canonical name
	Code      string    `json:"code"` // CAMEO actor code: PAK, RUSGOV, PAKMIL, IGOWSTNAT
	Type      ActorType `json:"type"`
	Country   string    `json:"country,omitempty"` // ISO 3166 alpha-3 affiliation
	Aliases   []string  `json:"aliases,omitempty"` // surface forms seen or known
	FirstSeen Date      `json:"first_seen"`
	LastSeen  Date      `json:"last_seen"`
}

// Slug turns a canonical name into an actor ID: lower case ASCII letters and
// digits joined by single hyphens. Letters outside ASCII are kept as they are
// so that non-Latin names still get distinct IDs.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '\'' || r == '\u2019' || r == '.':
			// "Xi's", "U.S." : drop without a separator
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "actor"
	}
	return b.String()
}

// CountryCode is the country an actor counts for at country level: its
// affiliation, or its own code for a country; "" for an actor of no
// country (an international organisation, a stateless group).
func (a *Actor) CountryCode() string {
	if a.Country != "" {
		return a.Country
	}
	if a.Type == Country {
		return a.Code
	}
	return ""
}

// Union folds b into a, as when two records of one actor meet: a's identity
// and non-empty fields win, aliases are united (sorted, trimmed, without
// duplicates) and the first and last seen dates widened to cover both.
func (a Actor) Union(b Actor) Actor {
	if a.Name == "" {
		a.Name = b.Name
	}
	if a.Code == "" {
		a.Code = b.Code
	}
	if a.Type == "" {
		a.Type = b.Type
	}
	if a.Country == "" {
		a.Country = b.Country
	}
	a.Aliases = unionAliases(a.Aliases, b.Aliases)
	return a.Seen(b.FirstSeen).Seen(b.LastSeen)
}

// Seen widens a's first and last seen dates to cover d.
func (a Actor) Seen(d Date) Actor {
	if d.IsZero() {
		return a
	}
	if a.FirstSeen.IsZero() || d.Before(a.FirstSeen) {
		a.FirstSeen = d
	}
	if a.LastSeen.IsZero() || a.LastSeen.Before(d) {
		a.LastSeen = d
	}
	return a
}

func unionAliases(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, s := range l {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// Modality says whether an event happened, is planned, or is only
// hypothetical.
type Modality string

// Modalities.
const (
	Actual       Modality = "actual"
	Planned      Modality = "planned"
	Hypothetical Modality = "hypothetical"
)

// ParseModality validates s; the empty string means actual.
func ParseModality(s string) (Modality, error) {
	switch Modality(strings.ToLower(strings.TrimSpace(s))) {
	case "", Actual:
		return Actual, nil
	case Planned:
		return Planned, nil
	case Hypothetical:
		return Hypothetical, nil
	}
	return "", fmt.Errorf("unknown modality %q (want actual, planned or hypothetical)", s)
}

// Event is one extracted actor–relation–actor triple with its provenance.
type Event struct {
	ID        string  `json:"id"`
	Source    string  `json:"source"` // actor ID
	Target    string  `json:"target"` // actor ID
	Relation  string  `json:"relation"`
	CAMEO     string  `json:"cameo"`      // event code as a string: "042", "1123"
	QuadClass int     `json:"quad_class"` // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
	Goldstein float64 `json:"goldstein"`
	Date      Date    `json:"date"`
	// DocDate says Date is the document's date, which the event took
	// because its sentence gives none: the event happened on or before it.
	DocDate   bool     `json:"doc_date,omitempty"`
	Negated   bool     `json:"negated"`
	Modality  Modality `json:"modality"`
	Symmetric bool     `json:"symmetric"`
	// Reporter is the actor ID of whoever the text says reported the
	// event ("officials said", "according to Lavrov"); "" when the text
	// states it itself.
	Reporter string `json:"reporter,omitempty"`
	// SourceCode and TargetCode are the CAMEO actor codes the actors held
	// on the event's date, when those differ from the actors' own codes
	// (a minister in 1966, an opposition leader who later governed); ""
	// when the actor's code applies.
	SourceCode string `json:"source_code,omitempty"`
	TargetCode string `json:"target_code,omitempty"`

	DocID         string `json:"doc_id"`
	SentenceIndex int    `json:"sentence_index"`
	Start         int    `json:"start"` // byte offset of the sentence in Document.Text
	End           int    `json:"end"`   // Text[Start:End] is the sentence
	Sentence      string `json:"sentence"`

	Confidence float64 `json:"confidence"`
	Extractor  string  `json:"extractor"` // extractor name and version, "kg-rules/1", "import", or an origin (OriginGDELT)

	// Mentions and Sources are how many reports, and in how many sources,
	// an event taken from another event data set stands for (GDELT's
	// NumMentions and NumSources); 0 for an event kg found, which is one
	// report in one source.
	Mentions int `json:"mentions,omitempty"`
	Sources  int `json:"sources,omitempty"`
}

// Origins of events: kg's own extraction, triples imported, and the event
// data sets kg reads.
const (
	OriginKG     = "kg"
	OriginImport = "import"
	OriginGDELT  = "gdelt"
	OriginICEWS  = "icews"
)

// Origin says where e comes from: OriginGDELT for an event of GDELT,
// OriginImport for imported triples, OriginKG for kg's extraction.
func (e *Event) Origin() string {
	switch e.Extractor {
	case OriginGDELT, OriginICEWS, OriginImport:
		return e.Extractor
	}
	return OriginKG
}

// EventID derives an event's identity from where it was found and what it
// says, so re-extracting a document gives the same IDs.
func EventID(docID string, sentence int, source, relation, cameo, target string) string {
	h := sha256.New()
	for _, s := range []string{docID, strconv.Itoa(sentence), source, relation, cameo, target} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// Merge records that a spelling variant was folded into an existing actor.
type Merge struct {
	From   string  `json:"from"`    // name as it appeared (the variant)
	FromID string  `json:"from_id"` // ID the variant would have had
	Into   string  `json:"into"`    // actor ID it was merged into
	Score  float64 `json:"score"`   // similarity that justified it
	Reason string  `json:"reason"`  // e.g. "jaro-winkler 0.95, same affiliation PAKMIL"
	DocID  string  `json:"doc_id"`  // document that brought the variant
}

// Unknown is a capitalized phrase that stood as subject or object of a coded
// verb but matched no dictionary entry, with how often it did so.
type Unknown struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Extraction is everything found in one document: the unit that the store
// writes atomically and that `kg extract` prints without a store. Events
// refer to actors by ID; Actors holds every actor they refer to.
type Extraction struct {
	Doc     Document
	Actors  []Actor
	Events  []Event
	Unknown []Unknown
	Merges  []Merge
	// Recode makes the actors' codes, types and countries replace those
	// stored: the extraction was made again with the dictionary as it is
	// now (kg reindex), which may code an actor otherwise. Without it the
	// stored facts win and the new ones only fill gaps.
	Recode bool
}

// NormalizeName folds a name for lookups (the store's alias index and name
// resolution): case, punctuation and spacing do not matter, so "U.S.", "US"
// and "u.s" meet, as do "Al-Qaeda" and "al qaeda". Apostrophes and full stops
// vanish (as in Slug); other runs of non-letters become one space. It returns
// "" for a name with no letter or digit.
func NormalizeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '.' || r == '\'' || r == '\u2019':
			// "U.S.", "Xi's": no word break
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// Stats are the store's totals. Edges counts ordered actor pairs with at
// least one event.
type Stats struct {
	Documents int `json:"documents"`
	Sentences int `json:"sentences"`
	Actors    int `json:"actors"`
	Events    int `json:"events"`
	Edges     int `json:"edges"`
}

// PutStatus tells what writing a document to the store did.
type PutStatus int

// Outcomes of writing a document.
const (
	// Added: the document was not in the store and now is.
	Added PutStatus = iota + 1
	// Unchanged: a document with the same ID was already stored and force
	// was not given; nothing was written.
	Unchanged
	// Replaced: the document was stored already and force replaced its
	// events, merges and unknown-actor counts with the new ones.
	Replaced
)

func (p PutStatus) String() string {
	switch p {
	case Added:
		return "new"
	case Unchanged:
		return "unchanged"
	case Replaced:
		return "replaced"
	}
	return fmt.Sprintf("PutStatus(%d)", int(p))
}

// ActorIndex numbers a list of actors: IDs[i] is the ID of actor i, and
// Index maps an ID back to i. A store that reads events for a caller
// holding such a list gives each event's actors as positions in it, so
// that the caller need not look every event's actors up again.
type ActorIndex struct {
	IDs   []string
	Index map[string]int32
}
