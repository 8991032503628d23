//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/threatcard/threatcard/scoring/aivssreport"
)

// reportOptions are the flags of --format aivss-report: the assessment's
// date and assessor, which a card does not hold.
type reportOptions struct {
	date, assessor string
	now            func() time.Time // today's date comes from it; time.Now but in tests
}

// reportFlags defines --date and --assessor on fs.
func reportFlags(fs *flag.FlagSet) *reportOptions {
	r := &reportOptions{now: time.Now}
	fs.StringVar(&r.date, "date", "", "the report's assessment_date, YYYY-MM-DD (default: today)")
	fs.StringVar(&r.assessor, "assessor", aivssreport.DefaultAssessor, "the report's assessor_id")
	return r
}

// check says what is wrong with the flags for format, or "".
func (r *reportOptions) check(format string) string {
	if format != "aivss-report" {
		if r.date != "" || r.assessor != aivssreport.DefaultAssessor {
			return "--date and --assessor are for --format aivss-report"
		}
		return ""
	}
	if r.date != "" {
		if t, err := time.Parse(time.DateOnly, r.date); err != nil || t.Format(time.DateOnly) != r.date {
			return fmt.Sprintf("--date %q is not a date written YYYY-MM-DD", r.date)
		}
	}
	if r.assessor == "" {
		return "--assessor is empty; a report names its assessor"
	}
	return ""
}

// metadata is the report's metadata for the card whose link is l.
func (r *reportOptions) metadata(l string) aivssreport.Metadata {
	date := r.date
	if date == "" {
		date = r.now().Format(time.DateOnly)
	}
	return aivssreport.Metadata{Date: date, Assessor: r.assessor, Link: l}
}
