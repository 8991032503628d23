package link

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// fullCard returns a card at every text limit at once: card.MaxTotalText
// characters, each of four UTF-8 bytes, given by next, spread so that the
// text data has the most records it can (every layer, card.MaxThreats
// cross-layer threats each touching all seven layers). With idChars > 0,
// every threat is a finding with an id of that many characters (which
// count in the total, and so leave less for the text), and with the
// longest value of each of its inputs; the card's own inputs are at their
// longest too.
func fullCard(next func() rune, idChars int) *card.Card {
	text := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteRune(next())
		}
		return sb.String()
	}
	vector := longestVector()
	c := &card.Card{
		Title: text(card.MaxTitle), Summary: text(card.MaxSummary),
		AIVSS: card.Inputs{Edition: "card", CVSSVector: vector, ThM: dec("1.99"), MF: dec("0.85")},
	}
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = dec("0.41")
	}
	left := card.MaxTotalText - card.MaxTitle - card.MaxSummary - card.MaxThreats*idChars
	for i := range c.MAESTRO.Layers {
		c.MAESTRO.Layers[i].Status = maestro.Uncertain
		c.MAESTRO.Layers[i].Notes = text(card.MaxNotes)
		left -= card.MaxNotes
	}
	per := left / card.MaxThreats
	for i := range card.MaxThreats {
		n := per
		if i == 0 {
			n += left % card.MaxThreats
		}
		t := maestro.Threat{
			Title: text(min(n, card.MaxTitle)), Description: text(max(n-card.MaxTitle, 0)),
			ASI: 10, Likelihood: maestro.High, Impact: maestro.High, State: maestro.Accepted,
			Layers: []maestro.Layer{1, 2, 3, 4, 5, 6, 7},
		}
		if idChars > 0 {
			t.AIVSS = maestro.Assessment{ID: text(idChars), Category: corerisk.NumRisks, CVSSVector: vector,
				Factors: c.AIVSS.Factors, ThM: dec("1.99"), MF: dec("0.85")}
		}
		c.MAESTRO.CrossLayer = append(c.MAESTRO.CrossLayer, t)
	}
	return c
}

// longestVector is the longest canonical CVSS v4.0 vector: every metric
// written, each with its longest value (Not Defined, X, is left out of a
// canonical vector, so it is never one).
func longestVector() string {
	var sb strings.Builder
	sb.WriteString("CVSS:4.0")
	for _, m := range cvss4.Metrics() {
		best := ""
		for _, v := range m.Values {
			if v.Abbrev != "X" && len(v.Abbrev) > len(best) {
				best = v.Abbrev
			}
		}
		sb.WriteString("/" + m.Abbrev + ":" + best)
	}
	return sb.String()
}

// longestNumber is the most characters a factor, ThM or MF of any
// edition takes in a link: every value is a decimal of at most two
// places below 10, "1.25" at most; longestEdition the longest edition id.
func longestNumber(t *testing.T) (n int, longestEdition int) {
	t.Helper()
	for _, ed := range aivss.Editions() {
		longestEdition = max(longestEdition, len(ed.ID))
		for _, s := range []*aivss.Scale{&ed.Levels, &ed.ThM, &ed.MF} {
			for _, c := range s.Choices {
				n = max(n, len(c.Value.Format(0)))
			}
			if s.Choices == nil {
				if s.Max >= decimal.FromInt(10) || s.Min < 0 {
					t.Fatalf("%s has a scale up to %s; the bound below takes values of one digit before the point", ed.ID, s.Max)
				}
				n = max(n, len("1.25"))
			}
		}
	}
	return n, longestEdition
}

// MaxText and MaxFragment hold the largest valid card; the arithmetic is
// MaxFragment's comment. A character of a finding id takes at most 12
// characters of link (its four UTF-8 bytes, each %XX), one of other text
// at most 6 (four bytes, written by DEFLATE in at most 9 bits each:
// Go's DEFLATE writes each block in the shortest of stored, fixed-Huffman
// and dynamic-Huffman coding, and fixed-Huffman coding takes at most 9
// bits a byte, a match at most what its bytes would take, plus a few bits
// a block, 1,024 bytes allowed for all of them; then base64url, 4
// characters per 3 bytes). So the longest link has card.MaxThreats
// findings with ids of card.MaxFindingID characters, each input of the
// card and of every finding at its longest, and the rest of the
// card.MaxTotalText characters in text. The test bounds that link from
// the limits, builds the card (of random characters, which DEFLATE cannot
// shorten), and checks that its link is within the bound, the bound
// within MaxFragment, and that the card comes back the same.
func TestLongestCardFitsInALink(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 10))
	c := fullCard(func() rune { return rune(0x10000 + r.IntN(0x100000)) }, card.MaxFindingID)
	if err := c.Validate(); err != nil {
		t.Fatalf("the full card is not valid: %v", err)
	}
	if n := c.TextChars(); n != card.MaxTotalText {
		t.Fatalf("the full card has %d characters of text; want the limit, %d", n, card.MaxTotalText)
	}
	if n := len(c.Findings()); n != card.MaxThreats {
		t.Fatalf("the full card has %d findings; want %d", n, card.MaxThreats)
	}

	// The bound, from the limits alone.
	number, edition := longestNumber(t)
	vector := len(longestVector())
	factors := card.NumFactors*number + card.NumFactors - 1
	scoring := len("v2&e=") + edition + len("&c=") + vector + len("&f=") + factors +
		len("&thm=") + number + len("&mf=") + number
	place := len(strconv.Itoa(crossSection)) + len(".") + len(strconv.Itoa(card.MaxThreats))
	id := card.MaxFindingID * utf8.UTFMax * len("%XX")
	category := len(strconv.Itoa(corerisk.NumRisks))
	findingPart := len("&s=") + place + id + category + vector + factors + number + number + numFindingFields - 1
	// The text data's record tags and lengths: a title and a summary
	// record (tag, length of 2 bytes: 800 and 8,000 bytes need two), seven
	// layer records (tag, layer, status, length of 2: 16,000 bytes need
	// two), and for each threat a tag, a section, four lengths of 2, four
	// bytes of ASI, likelihood, impact and state, a layer count and seven
	// layers.
	records := 2*(1+2) + maestro.NumLayers*(1+1+1+2) + card.MaxThreats*(1+1+4*2+4+1+maestro.NumLayers)
	textData := (card.MaxTotalText-card.MaxThreats*card.MaxFindingID)*utf8.UTFMax + records
	deflated := (textData*9+7)/8 + 1024
	bound := scoring + card.MaxThreats*findingPart + len("&d=") + (deflated*4+2)/3
	t.Logf("bound: scoring parts %d, findings' parts %d × %d, text data %d bytes, deflated at most %d, link at most %d characters (MaxFragment %d)",
		scoring, card.MaxThreats, findingPart, textData, deflated, bound, MaxFragment)
	if bound > MaxFragment {
		t.Errorf("a card can need a link of up to %d characters; MaxFragment is %d", bound, MaxFragment)
	}
	if records != 2241 || bound != 428490 {
		t.Errorf("the bound is %d characters, of %d bytes of records; MaxFragment's comment says 428,490 and 2,241", bound, records)
	}

	// Every text card: with all the characters in text, and no ids, the
	// text data is the longest it can be, within MaxText.
	noIDs := fullCard(func() rune { return rune(0x10000 + r.IntN(0x100000)) }, 0)
	if n := len(marshalText(noIDs)); n > MaxText || n > card.MaxTotalText*utf8.UTFMax+records {
		t.Errorf("the card with the most text has %d bytes of text data; MaxText is %d", n, MaxText)
	}

	text := marshalText(c)
	if len(text) > textData {
		t.Errorf("the longest card has %d bytes of text data; the bound takes %d", len(text), textData)
	}
	s, err := Encode(c)
	if err != nil {
		t.Fatalf("Encode of the longest card: %v", err)
	}
	t.Logf("longest card: %d bytes of text data; its link of random characters %d characters", len(text), len(s))
	if len(s) > bound {
		t.Errorf("the link has %d characters, more than the bound %d", len(s), bound)
	}
	got, err := Decode(s)
	if err != nil {
		t.Fatalf("Decode of the longest card's link: %v", err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Fatal("the longest card does not come back the same")
	}
}

// A card whose text is all one four-byte character compresses to a short
// link but inflates to nearly four times card.MaxTotalText bytes; with
// MaxText at 64 KiB, Encode wrote a link Decode refused.
func TestFullCardThatCompressesWellDecodes(t *testing.T) {
	c := fullCard(func() rune { return '😀' }, 0)
	s, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(s); n > TicketSafe {
		t.Errorf("the link is %d characters; one repeated character should compress far below TicketSafe", n)
	}
	got, err := Decode(s)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Fatal("the card does not come back the same")
	}
}

// The limits keep their order: TicketSafe is the old hard cap (8 KiB), so
// every link shared before stays ticket-safe, and is below MaxFragment.
func TestTicketSafeIsTheOldCapAndBelowTheHardCap(t *testing.T) {
	if TicketSafe != 8192 || TicketSafe >= MaxFragment {
		t.Fatalf("TicketSafe %d, MaxFragment %d", TicketSafe, MaxFragment)
	}
}
