//go:build coreonly

package main

// formatEntryPoints is empty in the -tags coreonly build (formats.go).
var formatEntryPoints []any
