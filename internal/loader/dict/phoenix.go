package dict

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
)

// The Phoenix dictionaries of the Open Event Data Alliance (PETRARCH 2,
// MIT licence: data/phoenix/LICENSE) ship gzipped: 2.5 MB of text is 0.6 MB
// compressed, and unpacking costs a few milliseconds once per process.
//
//go:embed data/phoenix/*.gz data/phoenix/LICENSE
var phoenixFS embed.FS

// phoenixFiles is their load order: verbs, then the actors (countries,
// international, armed non-state groups), agents and discards. The issue
// list is left out: kg does not code issues.
var phoenixFiles = []string{
	"CAMEO.2.0.txt",
	"Phoenix.Countries.actors.txt",
	"Phoenix.International.actors.txt",
	"Phoenix.MilNonState.actors.txt",
	"Phoenix.agents.txt",
	"Phoenix.discards.txt",
}

var phoenixOnce = sync.OnceValues(func() ([]*File, error) {
	files := make([]*File, len(phoenixFiles))
	errs := make([]error, len(phoenixFiles))
	var wg sync.WaitGroup
	for i, name := range phoenixFiles {
		wg.Go(func() { files[i], errs[i] = readPhoenix(name) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
})

func readPhoenix(name string) (*File, error) {
	gz, err := phoenixFS.ReadFile("data/phoenix/" + name + ".gz")
	if err != nil {
		return nil, fmt.Errorf("read embedded Phoenix dictionary %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("unpack embedded Phoenix dictionary %s: %w", name, err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("unpack embedded Phoenix dictionary %s: %w", name, err)
	}
	f, err := Parse("phoenix:"+name, data)
	if err != nil {
		return nil, fmt.Errorf("parse embedded Phoenix dictionary:\n%w", err)
	}
	return f, nil
}

// Phoenix returns the embedded Phoenix dictionaries (CAMEO.2.0 verbs;
// country, international and armed-group actors; agents; discards),
// parsed once per process on first use. It is safe for concurrent use;
// the files are shared and must not be modified.
func Phoenix() ([]*File, error) {
	files, err := phoenixOnce()
	return slices.Clone(files), err
}

// PhoenixLicense returns the licence the Phoenix dictionaries come under.
func PhoenixLicense() string {
	b, _ := phoenixFS.ReadFile("data/phoenix/LICENSE")
	return string(b)
}

// ReadBounded reads a dictionary from r: at most one byte more than the
// largest file Parse accepts, so that /dev/zero or a runaway pipe cannot
// fill memory; Parse then reports the file as too large.
func ReadBounded(r io.Reader) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, maxFileSize+1))
}

// readFile reads and parses the dictionary file at p.
func readFile(p string) (*File, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("read dictionary: %w", err)
	}
	data, err := ReadBounded(fh)
	fh.Close()
	if err != nil {
		return nil, fmt.Errorf("read dictionary %s: %w", p, err)
	}
	f, err := Parse(p, data)
	if err != nil {
		return nil, fmt.Errorf("load dictionary %s:\n%w", p, err)
	}
	return f, nil
}

// LoadWith builds a dictionary from the base files followed by the files
// at paths, in order: LoadWith(DefaultFiles(), paths...) is Load, and
// adding Phoenix() between them gives kg's YAML, then Phoenix, then the
// user's files.
func LoadWith(base []*File, paths ...string) (*Dictionary, error) {
	files := slices.Clone(base)
	for _, p := range paths {
		f, err := readFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return build(files), nil
}

// DefaultFiles returns the parsed embedded kg YAML files in merge order.
// They are shared and must not be modified.
func DefaultFiles() ([]*File, error) {
	defaultOnce.Do(loadDefault)
	return slices.Clone(defaultParts), defaultErr
}

// standardFiles is kg's standard dictionary: its curated YAML, then the
// Phoenix dictionaries, which add names, dated codes, agents, verb
// patterns and discards to it without changing what the YAML says (see
// build). Phoenix's discards that are bare years are dropped: they kept
// TABARI from coding history, which kg is used to study. So are those that
// name natural disasters (landslide, tsunami, typhoon): they drop the
// condolences and aid that disasters bring, events of the cooperation kind
// kg is used to count, and a disaster is no actor that could act.
var standardFiles = sync.OnceValues(func() ([]*File, error) {
	def, err := DefaultFiles()
	if err != nil {
		return nil, err
	}
	ph, err := Phoenix()
	if err != nil {
		return nil, err
	}
	for i, f := range ph {
		if len(f.Discards) == 0 && len(f.Actors) == 0 {
			continue
		}
		g := *f
		g.Discards = nil
		for _, d := range f.Discards {
			if !allDigits(d.Phrase) && !disasterDiscards[strings.ToLower(d.Phrase)] {
				g.Discards = append(g.Discards, d)
			}
		}
		// A name with no code at all (Phoenix's "US_SECRETARY_OF_STATE_",
		// listed right above the same office with its code) would hide
		// the office and the country kg reads in it.
		g.Actors = nil
		for _, a := range f.Actors {
			if a.Code != "" && a.Code != "---" || len(a.Roles) > 0 {
				g.Actors = append(g.Actors, a)
			}
		}
		ph[i] = &g
	}
	return append(def, ph...), nil
})

// disasterDiscards are the Phoenix discards that name natural disasters.
var disasterDiscards = map[string]bool{"landslide": true, "tsunami": true, "typhoon": true}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

var standardDict = sync.OnceValues(func() (*Dictionary, error) {
	files, err := standardFiles()
	if err != nil {
		return nil, err
	}
	return build(files), nil
})

// Standard returns kg's standard dictionary, the embedded YAML with the
// Phoenix dictionaries (see standardFiles). It is built once per process.
func Standard() (*Dictionary, error) { return standardDict() }

// LoadStandard is Standard with the files at paths merged over it. A
// user's verb dictionary stands in for Phoenix's, and a user's agents for
// Phoenix's: a coding scheme of one's own is not to be mixed with another
// one's verbs and roles. Actors add up.
func LoadStandard(paths ...string) (*Dictionary, error) {
	if len(paths) == 0 {
		return Standard()
	}
	base, err := standardFiles()
	if err != nil {
		return nil, err
	}
	user := make([]*File, 0, len(paths))
	verbs, agents := false, false
	for _, p := range paths {
		f, err := readFile(p)
		if err != nil {
			return nil, err
		}
		verbs = verbs || f.VerbDict != nil && len(f.VerbDict.Blocks) > 0
		agents = agents || len(f.Agents) > 0
		user = append(user, f)
	}
	files := make([]*File, 0, len(base)+len(user))
	for _, f := range base {
		if strings.HasPrefix(f.Name, "phoenix:") && (verbs && f.VerbDict != nil && len(f.VerbDict.Blocks) > 0 || agents && len(f.Agents) > 0) {
			continue
		}
		files = append(files, f)
	}
	return build(append(files, user...)), nil
}
