// Package dict holds kg's actor, role, title and verb dictionaries (embedded YAML merged with user files) and matches them in text.
// It also reads the plain-text dictionaries of the PETRARCH and TABARI event coders (see Parse and VerbDict) and embeds
// PETRARCH 2's Phoenix set (see Phoenix).
package dict
