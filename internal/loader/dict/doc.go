// Package dict holds kg's actor, role, title and verb dictionaries (embedded YAML merged with user files) and matches them in text.
package dict
