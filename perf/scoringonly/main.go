// Command scoringonly is the hello world of perf/hello with threatcard's
// scoring packages linked in: every function of them that app/ui calls,
// but no UI. It is built only to be weighed (make bench -split), to tell
// how much of what threatcard adds to go-app's floor is the scoring, the
// link and the import and export formats, and how much is the page itself.
// It is never served.
//
// Built with -tags coreonly, it leaves out the import, export and compare
// packages (formats.go): what is left is what the page needs to open,
// score, edit and share a card, and make bench -split weighs the two
// apart.
package main

import (
	"runtime"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/perf/baseline"
	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/carddiff"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/definitions"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
	"github.com/threatcard/threatcard/scoring/numtext"
)

// entryPoints are the functions and methods of the scoring packages that
// app/ui calls to open, score, edit and share a card; formatEntryPoints
// (formats.go) are the rest (TestScoringOnlyLinksWhatTheUIImports checks
// the packages).
// Holding them in a live variable links them, and what they call, into
// the binary, as the page does.
var entryPoints = []any{
	aivss.Lookup, aivss.Editions, (*aivss.Edition).Worked, (*aivss.Edition).FactorIndex,
	(*aivss.Scale).Describe, (*aivss.Scale).Values,
	card.NewCard, card.Evaluate, (*card.Card).Validate, (*card.Evaluation).Complete,
	cvss4.Parse, cvss4.Build, cvss4.Metrics, (*cvss4.Vector).String, (*cvss4.Vector).Score,
	(*cvss4.Vector).GoCVSSScore, (*cvss4.Vector).Nomenclature, (*cvss4.Vector).MacroVector,
	(*cvss4.Vector).Get, (*cvss4.Vector).Severity,
	decimal.Parse, decimal.FromHundredths, decimal.Decimal.Format,
	link.Decode, link.Encode,
	maestro.Layers, maestro.CatalogFor, maestro.LookupThreat, maestro.SearchCatalog, maestro.CrossLayerName,
	maestro.ParseASI, maestro.ParseLevel, maestro.ParseState, maestro.ParseStatus,
	(*maestro.Threat).Risk, (*maestro.Threat).Name,
	(*aivss.Result).Shown, numtext.Number.Rel, card.SwitchCard, (*card.Switch).Text,
	(*card.Evaluation).MissingText, (*card.Evaluation).OtherCVSS, (*card.Evaluation).ThMSource,
	cvss4.ParseTyped, decimal.ParseTyped, link.Canonical, link.PartName,
	(*card.Card).Findings, card.RankFindings, card.Tally, (*card.FindingTally).Text, (*card.Card).NewAssessment,
	(*card.Card).AddScenarios, (*card.Card).FindingInputs, (*aivss.Edition).Counterpart,
	maestro.ASI.CoreRisk, maestro.Layer.CoreRisks, (*maestro.Assessment).Overrides,
	corerisk.All, corerisk.Risk.String, corerisk.Risk.HighImpactFactors,
	definitions.Factor, definitions.Scale, definitions.ThM, definitions.MF, definitions.Metric, definitions.Group,
	carddiff.Compare, (*carddiff.Change).Words,
}

func main() {
	runtime.KeepAlive(entryPoints)
	runtime.KeepAlive(formatEntryPoints)
	app.Route("/", func() app.Composer { return &baseline.Hello{} })
	app.RunWhenOnBrowser()
}
