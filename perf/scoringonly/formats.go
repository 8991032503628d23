//go:build !coreonly

package main

import (
	"github.com/threatcard/threatcard/scoring/aivssreport"
	"github.com/threatcard/threatcard/scoring/carddiff"
	"github.com/threatcard/threatcard/scoring/cardimport"
	"github.com/threatcard/threatcard/scoring/cardjson"
	"github.com/threatcard/threatcard/scoring/cardtext"
	"github.com/threatcard/threatcard/scoring/export"
)

// formatEntryPoints are what app/ui calls of the import, export and compare
// packages: the formats a card is read from and written to, and the
// compare view of two cards. (carddiff.Compare itself is in entryPoints:
// Undo and Redo say what they changed with it.)
var formatEntryPoints = []any{
	cardimport.Detect, cardimport.Import, cardtext.Warning.String,
	export.Badge, export.Markdown, cardjson.Marshal, cardjson.Unmarshal,
	aivssreport.Marshal, aivssreport.Skips,
	carddiff.Diff.Markdown, carddiff.Diff.DeltaWords, carddiff.Diff.NoDelta,
	(*carddiff.Side).ScoreWords, (*carddiff.Side).FindingsWords,
}
