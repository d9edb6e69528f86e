package cameo

// roles names CAMEO's actor role codes, the three letters after a
// country's code (PAKMIL: Pakistan's military), as a sector of a country.
var roles = map[string]string{
	"GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition",
	"PTY": "political parties", "COP": "police", "JUD": "judiciary", "SPY": "intelligence",
	"LEG": "legislature", "ELI": "elites", "MED": "media", "EDU": "education",
	"BUS": "business", "CRM": "criminals", "CVL": "civilians", "LAB": "labour",
	"HLH": "health", "REF": "refugees", "AGR": "agriculture", "ENV": "environment",
	"HRI": "human rights", "NGO": "non-governmental organisations", "IGO": "intergovernmental organisations",
	"INS": "insurgents", "SEP": "separatists", "UAF": "unaligned armed forces", "PKO": "peacekeepers",
	"MNC": "multinational corporations", "NGM": "non-governmental movements", "REL": "religious groups",
	"MUS": "Muslim groups", "CHR": "Christian groups", "JEW": "Jewish groups", "HIN": "Hindu groups",
	"BUD": "Buddhist groups", "SET": "settlers", "UIS": "unidentified state actors",
}

// RoleName is the sector a role code names ("MIL": "military"), "" for a
// code that is not a role.
func RoleName(code string) string { return roles[code] }

// Role splits an actor code held by an actor of country into the country's
// role it names: RUSGOV of RUS is GOV. It returns "" when the code names
// the country itself, another country's actor, or no known role.
func Role(code, country string) string {
	if country == "" || len(code) < len(country)+3 || code[:len(country)] != country {
		return ""
	}
	r := code[len(country) : len(country)+3]
	if roles[r] == "" {
		return ""
	}
	return r
}
