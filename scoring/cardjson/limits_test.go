package cardjson

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The longest export: a card with all the text a card may hold, in the
// character JSON writes longest for what it is (U+2028, "\u2028": six
// bytes for one character, not a control character, so allowed in any
// field), most of it in threat titles, which the informative "name"
// repeats, and every threat a finding with an id as long as ids go and an
// E:U vector (which adds cvss_base, cvss_other and thm_from_vector). Its
// JSON fits in MaxSize and reads back.
func TestTheLongestExportFitsMaxSize(t *testing.T) {
	const ls = "\u2028"
	c := card.NewCard()
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = dec("0.5")
	}
	id := func(n int) string {
		s := strings.Repeat(ls, card.MaxFindingID-5)
		return "x" + s + string(rune('a'+n/26)) + string(rune('a'+n%26)) + "x"
	}
	perThreat := card.MaxTitle + card.MaxFindingID
	desc := (card.MaxTotalText - card.MaxThreats*perThreat) / card.MaxThreats
	ts := make([]maestro.Threat, card.MaxThreats)
	for i := range ts {
		ts[i] = maestro.Threat{Title: strings.Repeat(ls, card.MaxTitle), Description: strings.Repeat(ls, desc),
			AIVSS: maestro.Assessment{ID: id(i), Category: 1,
				CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"}}
	}
	c.MAESTRO.Layer(maestro.FoundationModels).Threats = ts
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if n := c.TextChars(); n < card.MaxTotalText-card.MaxThreats {
		t.Fatalf("the card holds %d characters of text; the test wants nearly %d", n, card.MaxTotalText)
	}
	doc, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc) > MaxSize {
		t.Fatalf("the export is %d bytes; MaxSize is %d", len(doc), MaxSize)
	}
	back, err := Unmarshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !equalCards(c, back) {
		t.Error("the longest export does not read back as its card")
	}
}
