package cardtext

import (
	"strings"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// checkPrinted compares the numbers the card printed with what its inputs
// give in the card edition, and warns of every difference.
func (p *parser) checkPrinted() {
	pr := &p.res.Printed
	if pr.FactorSum != "" {
		p.checkFactorSum()
	}
	if pr.Score == "" && pr.Severity == "" && pr.AARS == "" {
		return
	}
	ev := card.Evaluate(&p.c)
	if !ev.Complete() {
		what := "AIVSS " + pr.Score
		line := p.scoreLine
		if pr.Score == "" {
			what, line = "AARS uplift "+pr.AARS, p.chipLine[chipAARS]
		}
		if ev.Err != nil {
			p.warn(line, "printed %s cannot be checked: %v", what, ev.Err)
		} else {
			p.warn(line, "printed %s cannot be checked: the card lacks %s", what, ev.MissingText())
		}
		return
	}
	r := ev.Result
	if pr.Score != "" && !sameNumber(pr.Score, r.Score) {
		p.warn(p.scoreLine, "printed AIVSS %s but the card edition computes %s from these inputs", pr.Score, r.Score)
	}
	if pr.Severity != "" && !strings.EqualFold(pr.Severity, string(r.Severity)) {
		p.warn(p.scoreLine, "printed severity %s but the card edition computes %s from these inputs", pr.Severity, r.Severity)
	}
	if pr.AARS != "" && !sameNumber(pr.AARS, r.AARS) {
		p.warn(p.chipLine[chipAARS], "printed AARS uplift %s but the card edition computes %s from these inputs", pr.AARS, r.AARS)
	}
}

// checkFactorSum compares the printed factor sum with the sum of the
// factor values, exactly; it needs all ten.
func (p *parser) checkFactorSum() {
	var sum decimal.Decimal
	for _, f := range p.c.AIVSS.Factors {
		if !f.Set {
			return // the missing factors are warned of already
		}
		sum += f.Value
	}
	if !sameNumber(p.res.Printed.FactorSum, sum.String()) {
		p.warn(p.chipLine[chipSum], "printed factor sum %s but the factor values add up to %s", p.res.Printed.FactorSum, sum)
	}
}
