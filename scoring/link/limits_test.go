package link

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// fullCard returns a card at every text limit at once: card.MaxTotalText
// characters, each of four UTF-8 bytes, given by next, spread so that the
// text data has the most records it can (every layer, card.MaxThreats
// cross-layer threats each touching all seven layers).
func fullCard(next func() rune) *card.Card {
	text := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteRune(next())
		}
		return sb.String()
	}
	c := &card.Card{
		Title: text(card.MaxTitle), Summary: text(card.MaxSummary),
		AIVSS: card.Inputs{
			Edition:    "card",
			CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U/CR:M/IR:M/AR:M/MAV:A/MAC:H/MAT:P/MPR:H/MUI:A/MVC:L/MVI:L/MVA:L/MSC:L/MSI:S/MSA:S/S:P/AU:Y/R:U/V:C/RE:H/U:Amber",
			ThM:        dec("0.97"),
			MF:         dec("0.85"),
		},
	}
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = dec("0.41")
	}
	left := card.MaxTotalText - card.MaxTitle - card.MaxSummary
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
		c.MAESTRO.CrossLayer = append(c.MAESTRO.CrossLayer, maestro.Threat{
			Title: text(min(n, card.MaxTitle)), Description: text(max(n-card.MaxTitle, 0)),
			ASI: 10, Likelihood: maestro.High, Impact: maestro.High, State: maestro.Accepted,
			Layers: []maestro.Layer{1, 2, 3, 4, 5, 6, 7},
		})
	}
	return c
}

// MaxText and MaxFragment hold the largest valid card. Its text data is
// the longest any card has (all its characters of four UTF-8 bytes). Its
// link is at most what the fixed-Huffman coding of that data takes as
// base64url, whatever the characters: Go's DEFLATE writes each block in
// the shortest of stored, fixed-Huffman and dynamic-Huffman coding, and
// fixed-Huffman coding takes at most 9 bits a byte (a match, at most what
// its bytes would take), plus a few bits a block (1,024 bytes allowed for
// all of them). That bound is within MaxFragment; the card, of random
// characters, encodes within it, and decodes back to itself.
func TestLongestCardFitsInALink(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 10))
	c := fullCard(func() rune { return rune(0x10000 + r.IntN(0x100000)) })
	if err := c.Validate(); err != nil {
		t.Fatalf("the full card is not valid: %v", err)
	}
	text := marshalText(c)
	if len(text) > MaxText {
		t.Errorf("the longest card has %d bytes of text data; MaxText is %d", len(text), MaxText)
	}
	scores, err := Encode(&card.Card{AIVSS: c.AIVSS})
	if err != nil {
		t.Fatal(err)
	}
	deflated := len(text)*9/8 + 1024
	bound := len(scores) + len("&d=") + (deflated*4+2)/3
	if bound > MaxFragment {
		t.Errorf("a card can need a link of up to %d characters; MaxFragment is %d", bound, MaxFragment)
	}
	s, err := Encode(c)
	if err != nil {
		t.Fatalf("Encode of the longest card: %v", err)
	}
	t.Logf("longest card: %d bytes of text data (MaxText %d); its link at most %d characters, of random characters %d (MaxFragment %d)",
		len(text), MaxText, bound, len(s), MaxFragment)
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
	c := fullCard(func() rune { return '😀' })
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
