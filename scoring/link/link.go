// Package link turns a card into the URL fragment that carries it, and
// back. A link holds the whole card, so it needs no server, works offline
// and never sends the card anywhere: browsers do not send fragments.
//
// # Format 2
//
// Encode writes format 2: a version mark, then name=value parts joined by
// '&', in this order, each present only when the card has it:
//
//	v2                 the format version; always first
//	e=v0.8             the AIVSS edition id; always present
//	c=CVSS:4.0/AV:N/…  the card's CVSS v4.0 vector, or c=7.5, a bare base score
//	f=0.5,1,0,,…       the ten factor values in the edition's order; an empty entry is unset
//	thm=0.97           the threat multiplier
//	mf=1               the mitigation factor
//	s=3.1;F-001;…      one part per finding (a threat with an AIVSS assessment), in card order
//	d=…                the text (title, summary, layers, threats): DEFLATE with
//	                   format 1's preset dictionary, then unpadded base64url
//
// A finding's part has seven fields, each followed by ';' but the last,
// none ever left out (an empty field is a value: none, or the card's):
//
//	s=PLACE;ID;CATEGORY;CVSS;FACTORS;THM;MF
//
//	PLACE     the finding's threat: its section (1 to 7, a layer; 8, Cross-Layer),
//	          '.', and its position in that section from 1: "3.1", "8.12"
//	ID        the finding id, percent-encoded: ASCII letters, digits, '-', '.',
//	          '_' and '~' as they are, every other byte of its UTF-8 as '%' and
//	          two upper-case hexadecimal digits ("Ü 7/β" is %C3%9C%207%2F%CE%B2)
//	CATEGORY  the OWASP core-risk category, 1 to 10; empty for none
//	CVSS      the finding's own CVSS v4.0 vector, or a bare base score; empty for none
//	FACTORS   the ten factor values as f= writes them, an empty entry being the
//	          card's; the whole field is empty when the finding sets none
//	THM, MF   the finding's ThM and MF; empty for the card's
//
// For example (vector shortened):
//
//	s=3.1;F-001;3;CVSS:4.0/AV:N/…/SA:H;1,0.5,1,1,1,1,0.5,0.5,1,0.5;0.97;1
//
// Place runs strictly upwards in card order: section by section, 1 to 8,
// and by position within one; a card has at most card.MaxThreats threats,
// so a link at most that many findings. The threat a place names is in
// the text; its record there is the same as for a threat that is no
// finding (a finding's custom threat may have an empty title).
//
// Exactly, what Encode writes is (ABNF, RFC 5234; "%x31-38" the digits 1
// to 8, UPHEX "0"-"9" and "A"-"F"):
//
//	link     = "v2&e=" edition ["&c=" cvss] ["&f=" factors] ["&thm=" number]
//	           ["&mf=" number] *100("&s=" finding) ["&d=" 1*base64url]
//	finding  = place ";" id ";" [category] ";" [cvss] ";" [factors] ";"
//	           [number] ";" [number]
//	edition  = "v0.8" / "v0.5" / "card" ; an aivss edition id
//	place    = %x31-38 "." position     ; position: 1 to 100, no leading 0
//	id       = 1*(ALPHA / DIGIT / "-" / "." / "_" / "~" / "%" UPHEX UPHEX)
//	                                    ; an escape never of ALPHA, DIGIT or "-._~"
//	category = "1" / "2" / … / "9" / "10"
//	cvss     = vector / score           ; canonical CVSS v4.0 vector; score with one decimal
//	factors  = [number] 9("," [number]) ; ten entries, at least one a number
//	number   = shortest decimal         ; "0", "0.5", "0.97", "1.25"
//
// Every character of a link is one that a URL fragment holds as it is
// (RFC 3986), and an id never holds ';', '&', '=', '#' or '%' as they are,
// so no field runs into the next.
//
// Decimals are written in their shortest form ("0.5", "1", "0.97"), a
// bare CVSS score with one decimal ("9.0"). The scoring parts, findings
// included, stay readable in a ticket, and come before the text, so that
// a link cut short in a ticket loses text before it loses a score: cut in
// its text, or (since every finding's threat is in the text, which a
// whole link with findings therefore has) inside or right after its
// findings' parts, a link decodes to a *TruncatedError with the scores and
// the findings that arrived whole.
//
// One card, one link: Encode writes exactly one fragment for a card, so
// Encode(Decode(s)) == s for every link Encode wrote. Decode also reads
// other spellings of the numbers and vectors that a person or a tool may
// produce, as long as they mean one card and no other, in e, c, f, thm and
// mf, and in a finding's CVSS, FACTORS, THM and MF fields: any character
// percent-escaped ("v0%2E8", the commas between factors as "%2C");
// numbers with more digits than needed ("1.00", "09.3", and "9" for the
// CVSS score 9.0); a CVSS vector with Not Defined (X) metrics written out;
// factors with every entry empty ("f=,,,,,,,,,", or a finding's
// ";,,,,,,,,,;": no factors). A finding's PLACE, ID and CATEGORY are read
// only as Encode writes them (an ID's escapes exactly as above: "%c3",
// "%41" and a literal space are refused). The parts are read in the order
// above only, each at most once but s. Names are what their specifications
// make them, case included: "V2", "E=", "V0.8" and "cvss:4.0/" are
// refused, and so are CVSS metrics out of the CVSS v4.0 order, as
// everywhere in threatcard. A caller that decodes a link it did not write
// should put Canonical's fragment in its place at once, so that every
// copy of a card is the same link.
//
// # Format 1
//
// Links shared before findings existed are format 1, marked v1: format 2
// without s parts, whose parts after the mark may come in any order (each
// at most once). Decode reads them as it always has, to the same card;
// Canonical gives their format 2 link, which for a card without findings
// is the same parts in order after "v2".
//
// A new layout is a new version; old versions keep decoding.
package link

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The lengths of a link, counted in bytes of fragment without '#' (a
// fragment Encode writes is ASCII, so bytes are characters). README.md,
// "How long a link may be", gives the evidence behind them.
const (
	// TicketSafe is the length a card's link should stay within to be
	// pasted whole into the tickets and chats a card is shared in (GitHub,
	// GitLab, Jira, Slack, Microsoft Teams) and shown whole in a browser's
	// address bar. A card may grow past it: its link still works, but the
	// app warns that it may not survive a paste. It is also the old hard
	// cap, so every link shared before stays within it.
	TicketSafe = 8 << 10

	// MaxFragment is the longest fragment Decode reads and Encode writes.
	// It is above the longest link any valid card can need, whatever its
	// text (TestLongestCardFitsInALink computes this bound from the limits
	// and builds that card):
	//
	//   - A character of a finding id takes at most 12 characters of link
	//     (four UTF-8 bytes, each "%XX"), a character of other text at most
	//     6 (four bytes of text data, which DEFLATE writes in at most 9 bits
	//     each, as base64url 4 characters per 3 bytes). So the longest link
	//     puts the most characters in ids: card.MaxThreats findings, each
	//     with an id of card.MaxFindingID characters, 6,400 of the
	//     card.MaxTotalText.
	//   - A finding's part then takes at most 1,019 characters: "&s=", the
	//     place "8.100", the id (768), category "10", the longest canonical
	//     CVSS vector (178: every metric, each with its longest value), ten
	//     factors of four characters ("0.41") and nine commas, ThM and MF of
	//     four, and six ';'. 101,900 for the hundred.
	//   - The other 53,600 characters are text data of at most 4 bytes
	//     each, with at most 2,241 bytes of record tags and lengths:
	//     216,641 bytes, which DEFLATE writes in at most 9 bits a byte and
	//     a few bits a block (1,024 bytes allowed for all of them), 244,746
	//     bytes, as base64url with "&d=" at most 326,331 characters.
	//   - The card's own scoring parts take at most 259 characters.
	//
	// That is at most 428,490 characters; MaxFragment is 424 KiB
	// (434,176). So Encode never refuses a valid card. It is well below
	// the longest URL a browser opens (Firefox 1 MiB, Chrome 2 MiB).
	// (Format 1, without findings, needed at most some 364,000, and
	// MaxFragment was 384 KiB.)
	MaxFragment = 424 << 10

	// MaxText is the most text Decode inflates d= to: the text data of
	// the largest valid card (card.MaxTotalText characters of up to four
	// UTF-8 bytes, 240,000 bytes, and at most 2,241 bytes of record tags
	// and lengths), rounded up. It keeps a small link from inflating to a
	// large allocation. (Finding ids are not text data: they are in the
	// findings' parts.)
	MaxText = 256 << 10
)

// Version is the format Encode writes.
const Version = 2

var b64 = base64.RawURLEncoding.Strict()

// Encode returns the fragment (without '#') that carries c, in format 2.
// It fails only when c breaks a card limit or rule (see card.Validate) or
// has inputs its edition does not take. A valid card's link is at most
// MaxFragment bytes; a link longer than TicketSafe is valid, but may not
// survive a paste.
func Encode(c *card.Card) (string, error) {
	if err := c.Validate(); err != nil {
		return "", err
	}
	ed, err := aivss.Lookup(c.AIVSS.Edition)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	sb.WriteString("v2&e=")
	sb.WriteString(ed.ID)
	in := &c.AIVSS
	if v := cvssText(in.CVSSVector, in.CVSSScore); v != "" {
		sb.WriteString("&c=")
		sb.WriteString(v)
	}
	if v := factorsText(&in.Factors); v != "" {
		sb.WriteString("&f=")
		sb.WriteString(v)
	}
	if in.ThM.Set {
		sb.WriteString("&thm=")
		sb.WriteString(in.ThM.Value.Format(0))
	}
	if in.MF.Set {
		sb.WriteString("&mf=")
		sb.WriteString(in.MF.Value.Format(0))
	}
	m := &c.MAESTRO
	for i := range m.Layers {
		for j := range m.Layers[i].Threats {
			if a := &m.Layers[i].Threats[j].AIVSS; a.Scored() {
				writeFinding(&sb, place{i + 1, j + 1}, a)
			}
		}
	}
	for j := range m.CrossLayer {
		if a := &m.CrossLayer[j].AIVSS; a.Scored() {
			writeFinding(&sb, place{crossSection, j + 1}, a)
		}
	}
	if hasText(c) {
		sb.WriteString("&d=")
		sb.WriteString(b64.EncodeToString(deflate(marshalText(c))))
	}
	if sb.Len() > MaxFragment {
		// Not expected: MaxFragment is above the longest link of a valid card.
		return "", errorf("link", -1, "the card needs a link of %d characters, longer than the %d a link may have; shorten its text", sb.Len(), MaxFragment)
	}
	return sb.String(), nil
}

// cvssText is a CVSS input as c= writes it: the vector, the bare score
// with one decimal, or "" for none.
func cvssText(vector string, score decimal.Optional) string {
	if vector != "" {
		return vector
	}
	if score.Set {
		return score.Value.Format(1)
	}
	return ""
}

// factorsText is ten factors as f= writes them, or "" when none is set.
func factorsText(fs *[card.NumFactors]decimal.Optional) string {
	any := false
	for _, f := range fs {
		any = any || f.Set
	}
	if !any {
		return ""
	}
	var sb strings.Builder
	for i, f := range fs {
		if i > 0 {
			sb.WriteByte(',')
		}
		if f.Set {
			sb.WriteString(f.Value.Format(0))
		}
	}
	return sb.String()
}

// Canonical returns the fragment (without '#') that Encode writes for the
// card fragment carries: the one spelling of that card, in format 2.
// fragment is read as Decode reads it (a bare fragment, with '#', or a
// whole URL, of either format), so every spelling Decode accepts gives the
// same result, and Canonical(l) == l for every link Encode wrote. A link
// opened from elsewhere should be replaced with this fragment at once; a
// program comparing links should compare these.
//
// The error is Decode's, a *TruncatedError included: a cut link has no
// canonical form, since the text it carried is lost.
func Canonical(fragment string) (string, error) {
	c, err := Decode(fragment)
	if err != nil {
		return "", err
	}
	return Encode(c)
}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := deflaters.Get().(*flate.Writer)
	if w == nil {
		var err error
		w, err = flate.NewWriterDict(&buf, flate.BestCompression, dictionaryV1)
		if err != nil {
			panic(err) // only for a bad level, which is a constant here
		}
	} else {
		w.Reset(&buf) // the same as a new writer, dictionary included
	}
	w.Write(b)
	w.Close()
	deflaters.Put(w)
	return buf.Bytes()
}

// deflaters keeps DEFLATE writers for reuse: a new one allocates 820 KB,
// which the app would otherwise do, and collect, on every keystroke in a
// card with text (Encode of the example card: 839 KB → 12 KB, 94 → 53 µs).
var deflaters sync.Pool

// inflate decompresses d=, refusing more than MaxText bytes of output.
// When the compressed data stops before its end, the error wraps
// io.ErrUnexpectedEOF and out holds the text inflated until then.
func inflate(b []byte) (out []byte, _ *Error) {
	r := flate.NewReaderDict(bytes.NewReader(b), dictionaryV1)
	out, err := io.ReadAll(io.LimitReader(r, MaxText+1))
	if err != nil {
		msg := "the compressed text is corrupt"
		if errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "the compressed text stops before its end"
		}
		return out, &Error{Part: "d", Pos: -1, Msg: msg, Err: err}
	}
	if len(out) > MaxText {
		return nil, errorf("d", -1, "the text is longer than %d KiB once uncompressed; no card has that much", MaxText>>10)
	}
	// DEFLATE data may be followed by bytes the reader never looks at;
	// a canonical link has none.
	if rest, _ := io.ReadAll(io.LimitReader(r, 1)); len(rest) != 0 {
		return nil, errorf("d", -1, "data after the end of the compressed text")
	}
	return out, nil
}

// format is a link format as Decode reads it.
type format struct {
	version int
	parts   []string // the parts after the version mark, in the order Encode writes them
	ordered bool     // the parts must come in that order
}

var (
	format1 = &format{version: 1, parts: []string{"e", "c", "f", "thm", "mf", "d"}}
	format2 = &format{version: 2, parts: []string{"e", "c", "f", "thm", "mf", "s", "d"}, ordered: true}
)

// maxFields is the most '&'-separated fields a link of the format can
// have, the version mark included, and one more for what follows them.
func (fm *format) maxFields() int {
	n := 1 + len(fm.parts) + 1
	if fm.version >= 2 {
		n += card.MaxThreats - 1 // s may repeat
	}
	return n
}

// Decode returns the card that fragment carries. fragment may start with
// '#', or be a whole URL, whose fragment is then used; it may be a link of
// either format, in any spelling the package documentation lists.
//
// On error the card is nil. The error is a *TruncatedError when the link
// was cut short inside its findings or text (the error then holds the
// card of its intact scoring parts and findings), and otherwise an *Error
// naming the part that is wrong.
func Decode(fragment string) (*card.Card, error) {
	if i := strings.IndexByte(fragment, '#'); i >= 0 {
		fragment = fragment[i+1:]
	}
	if len(fragment) > MaxFragment {
		return nil, errorf("link", -1, "the link has %d characters; a link has at most %d", len(fragment), MaxFragment)
	}
	if fragment == "" {
		return nil, errorf("link", -1, "empty link: it carries no card")
	}
	mark, _, _ := strings.Cut(fragment, "&")
	var fm *format
	switch mark {
	case "v1":
		fm = format1
	case "v2":
		fm = format2
	default:
		if len(mark) > 1 && mark[0] == 'v' && strings.Trim(mark[1:], "0123456789") == "" {
			return nil, errorf("version", -1, "unknown link format version %s; this threatcard reads versions 1 and 2", mark[1:])
		}
		return nil, errorf("version", 0, "a threatcard link starts with its version, v2 (v1 in older links); this one starts %q", clip(mark))
	}
	fields := strings.SplitN(fragment, "&", fm.maxFields())
	if fm.ordered {
		if l, cut := cutInFindings(fields); cut != nil {
			if te := fm.truncatedInFindings(fields[:len(fields)-1], l, cut); te != nil {
				return nil, te
			}
			// Not what a cut leaves: read as a whole link, which says
			// what is wrong.
		}
	}
	r, err := fm.read(fields)
	if err != nil {
		return nil, err
	}
	c := r.card
	if d, ok := r.values["d"]; ok {
		if err := decodeText(d, c); err != nil {
			if r.last == "d" && cutShort(d, c.AIVSS.Edition, r.findings) {
				return nil, r.truncated(r.findings, &Error{
					Part: "d", Pos: -1, Err: io.ErrUnexpectedEOF,
					Msg: "the link is cut short inside its text, which is lost",
				})
			}
			return nil, err
		}
	}
	if err := attachFindings(c, r.findings); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, validationError(err, nil)
	}
	return c, nil
}

// reading is what the parts of a link before its text give.
type reading struct {
	fm       *format
	card     *card.Card        // the scoring inputs
	values   map[string]string // the parts but s, unescaped but d
	findings []finding         // the s parts, in order
	last     string            // the name of the last part
}

// read reads the fields of a link, its version mark first: the scoring
// parts into a card with no text, the findings into r.findings, and d
// into r.values, unread.
func (fm *format) read(fields []string) (*reading, error) {
	r := &reading{fm: fm, card: &card.Card{}, values: map[string]string{}}
	pos := len(fields[0]) + 1
	var finds []string
	lastIndex := -1
	for _, f := range fields[1:] {
		key, val, ok := strings.Cut(f, "=")
		if !ok {
			return nil, errorf("link", pos, "part %q has no '='; the parts after v%d are name=value", clip(f), fm.version)
		}
		k := indexOf(fm.parts, key)
		if k < 0 {
			return nil, errorf("link", pos, "unknown part %q; the parts are %s", clip(key), listParts(fm.parts))
		}
		if key == "s" {
			if len(finds) == card.MaxThreats {
				return nil, errorf("s", -1, "more than %d findings; a card has at most %d threats", card.MaxThreats, card.MaxThreats)
			}
			finds = append(finds, val)
		} else if _, dup := r.values[key]; dup {
			return nil, errorf(key, -1, "part %s appears twice", key)
		}
		if fm.ordered && k < lastIndex {
			return nil, errorf(key, -1, "part %s comes after part %s; a v%d link has its parts in the order %s", key, fm.parts[lastIndex], fm.version, listParts(fm.parts))
		}
		lastIndex = k
		if key != "d" && key != "s" {
			u, err := unescape(key, val)
			if err != nil {
				return nil, err
			}
			val = u
		}
		if key != "s" {
			r.values[key] = val
		}
		r.last = key
		pos += len(f) + 1
	}
	e, ok := r.values["e"]
	if !ok {
		return nil, errorf("e", -1, "the link names no AIVSS edition (e=)")
	}
	ed, err := aivss.Lookup(e)
	if err != nil || e == "" {
		return nil, &Error{Part: "e", Pos: -1, Msg: "unknown AIVSS edition " + quote(e), Err: err}
	}
	r.card.AIVSS.Edition = ed.ID
	if err := decodeInputs(ed, r.values, &r.card.AIVSS); err != nil {
		return nil, err
	}
	for i, v := range finds {
		f, err := parseFinding(ed, v, i+1, false)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			if prev := r.findings[i-1].place; !prev.before(f.place) {
				return nil, f.errorf("comes after the finding at %s; findings are in card order, each threat at most once", prev)
			}
		}
		r.findings = append(r.findings, f)
	}
	return r, nil
}

// unescape undoes the percent-escapes of the value of part key.
func unescape(key, val string) (string, *Error) {
	if !strings.Contains(val, "%") {
		return val, nil
	}
	u, err := url.PathUnescape(val)
	if err != nil {
		msg := "a '%' not followed by two hexadecimal digits"
		if ee, ok := errors.AsType[url.EscapeError](err); ok {
			msg = quote(string(ee)) + " is not a percent-escape: '%' is followed by two hexadecimal digits"
		}
		return "", &Error{Part: key, Pos: -1, Msg: msg, Err: err}
	}
	return u, nil
}

// listParts lists part names in words: "e, c, f, thm, mf and d".
func listParts(parts []string) string {
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// truncated returns the error for a link cut short after its scoring parts
// and the given findings: a *TruncatedError whose card is theirs, or the
// *Error of a part that is wrong after all (the cut does not excuse it).
func (r *reading) truncated(fs []finding, cut *Error) error {
	c := &card.Card{AIVSS: r.card.AIVSS}
	for _, f := range fs {
		t := maestro.Threat{AIVSS: f.a}
		if f.place.section == crossSection {
			c.MAESTRO.CrossLayer = append(c.MAESTRO.CrossLayer, t)
		} else {
			e := c.MAESTRO.Layer(maestro.Layer(f.place.section))
			e.Threats = append(e.Threats, t)
		}
	}
	if err := c.Validate(); err != nil {
		return validationError(err, fs)
	}
	var intact []string
	for _, p := range r.fm.parts {
		if _, ok := r.values[p]; ok && p != "d" || p == "s" && len(fs) > 0 {
			intact = append(intact, p)
		}
	}
	return &TruncatedError{Card: c, Intact: intact, Err: cut}
}

// decodeText reads part d into c's text fields.
func decodeText(d string, c *card.Card) *Error {
	raw, err := b64.DecodeString(d)
	if err != nil {
		at := -1
		msg := "not base64url"
		if ce, ok := errors.AsType[base64.CorruptInputError](err); ok {
			at = int(ce)
			if at < len(d) && !isBase64URL(d[at]) {
				msg = fmt.Sprintf("%q is not a base64url character (A–Z, a–z, 0–9, '-' and '_' are)", d[at:at+1])
			} else {
				msg = "the base64url text ends in a broken group of characters"
			}
		}
		return &Error{Part: "d", Pos: at, Msg: msg, Err: err}
	}
	text, lerr := inflate(raw)
	if lerr != nil {
		return lerr
	}
	return unmarshalText(text, c)
}

// cutShort reports whether d is what a cut leaves of the text part of a
// card of the given edition and findings: base64url characters only,
// whose bytes (every whole group of four characters, and the whole bytes
// of a last group of two or three) are the beginning of a DEFLATE stream
// that stops before its end, and whose text, as far as it goes, is the
// beginning of the text data of a valid card. A stream corrupt in the
// middle may also stop early, but seldom with text that passes the last
// check.
func cutShort(d, edition string, fs []finding) bool {
	for i := range len(d) {
		if !isBase64URL(d[i]) {
			return false
		}
	}
	n := len(d) / 4 * 4
	raw, err := b64.DecodeString(d[:n])
	if err != nil {
		return false
	}
	if len(d)-n >= 2 {
		// Not strict: the bits left over belong to a byte the cut split.
		b, err := base64.RawURLEncoding.DecodeString(d[n:])
		if err != nil {
			return false
		}
		raw = append(raw, b...)
	}
	text, lerr := inflate(raw)
	if lerr == nil || !errors.Is(lerr, io.ErrUnexpectedEOF) {
		return false
	}
	return textBeginning(text, edition, fs)
}

func isBase64URL(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

// decodeInputs reads the card's scoring parts into in.
func decodeInputs(ed *aivss.Edition, values map[string]string, in *card.Inputs) error {
	if v, ok := values["c"]; ok {
		if v == "" {
			return errorf("c", -1, "c= has no value; a card without CVSS has no c= part")
		}
		vec, score, err := parseCVSS(v)
		if err != nil {
			err.Part = "c"
			return err
		}
		in.CVSSVector, in.CVSSScore = vec, score
	}
	if v, ok := values["f"]; ok {
		fs, err := parseFactors(ed, v)
		if err != nil {
			err.Part = "f"
			return err
		}
		in.Factors = fs
	}
	for _, k := range []string{"thm", "mf"} {
		v, ok := values[k]
		if !ok {
			continue
		}
		name := PartName(k)
		if v == "" {
			return errorf(k, -1, "%s= has no value; a card without %s has no %s= part", k, name, k)
		}
		d, err := parseNumber(name, v)
		if err != nil {
			err.Part = k
			return err
		}
		if k == "thm" {
			in.ThM = decimal.Some(d)
		} else {
			in.MF = decimal.Some(d)
		}
	}
	return nil
}

// parseCVSS reads a CVSS input, not empty: a CVSS v4.0 vector, which it
// returns in canonical form, or a bare score. The error's Part is left to
// the caller.
func parseCVSS(v string) (string, decimal.Optional, *Error) {
	if len(v) >= 5 && strings.EqualFold(v[:5], "CVSS:") {
		vec, err := cvss4.Parse(v)
		if err != nil {
			return "", decimal.Optional{}, &Error{Pos: -1, Msg: err.Error(), Err: err}
		}
		return vec.String(), decimal.Optional{}, nil
	}
	d, err := decimal.Parse(v)
	if err != nil {
		return "", decimal.Optional{}, &Error{Pos: -1, Err: err,
			Msg: "CVSS " + quote(v) + " is neither a CVSS v4.0 vector (CVSS:4.0/…) nor a score (0.0 to 10.0): " + numberProblem(err)}
	}
	return "", decimal.Some(d), nil
}

// parseFactors reads ten comma-separated factor values, an empty one
// unset. The error's Part is left to the caller.
func parseFactors(ed *aivss.Edition, v string) (fs [card.NumFactors]decimal.Optional, _ *Error) {
	vals := strings.Split(v, ",")
	if len(vals) != card.NumFactors {
		return fs, errorf("", -1, "has %d of the %d factor values %s takes, comma-separated", len(vals), card.NumFactors, ed.Called)
	}
	for i, p := range vals {
		if p == "" {
			continue
		}
		d, err := parseNumber(ed.Factors[i].Name, p)
		if err != nil {
			return fs, err
		}
		fs[i] = decimal.Some(d)
	}
	return fs, nil
}

// parseNumber reads the value of the input called name. The error's
// Part is left to the caller.
func parseNumber(name, v string) (decimal.Decimal, *Error) {
	d, err := decimal.Parse(v)
	if err != nil {
		return 0, &Error{Pos: -1, Msg: name + " " + quote(v) + ": " + numberProblem(err), Err: err}
	}
	return d, nil
}

// numberProblem says what is wrong with a number decimal.Parse refused.
func numberProblem(err error) string {
	if se, ok := errors.AsType[*decimal.SyntaxError](err); ok {
		return se.Msg
	}
	return err.Error()
}

// validationError is the *Error of a card that a link decoded to and
// card.Validate refused: it names the link part that holds the field, and
// says what is wrong in the link's terms. recovered lists the findings
// of a card recovered from a cut link, whose threats are its findings
// alone (so they are counted in their own section); it is nil for a whole
// card, where a threat's place is the one in the link.
func validationError(err error, recovered []finding) *Error {
	fe, ok := errors.AsType[*card.FieldError](err)
	if !ok {
		return &Error{Part: "d", Pos: -1, Msg: err.Error(), Err: err}
	}
	loc := fe.Loc
	if loc.Section == card.SectionAIVSS {
		part := "d"
		switch loc.Input {
		case card.InputEdition:
			part = "e"
		case card.InputCVSSVector, card.InputCVSSScore:
			part = "c"
		case card.InputFactor:
			part = "f"
		case card.InputThM:
			part = "thm"
		case card.InputMF:
			part = "mf"
		}
		return &Error{Part: part, Pos: -1, Msg: err.Error(), Err: err}
	}
	inThreat := (loc.Section == card.SectionLayer || loc.Section == card.SectionCrossLayer) && loc.Threat > 0
	if !inThreat || loc.Input == card.InputNone && loc.Field != "id" && loc.Field != "category" {
		return &Error{Part: "d", Pos: -1, Msg: err.Error(), Err: err}
	}
	p := place{section: int(loc.Layer), n: loc.Threat}
	if loc.Section == card.SectionCrossLayer {
		p.section = crossSection
	}
	if recovered != nil {
		k := 0
		for _, f := range recovered {
			if f.place.section == p.section {
				if k++; k == loc.Threat {
					p = f.place
					break
				}
			}
		}
		moved := *fe
		moved.Loc.Threat = p.n
		fe = &moved
	}
	return &Error{Part: "s", Pos: -1, Msg: "finding s=" + p.String() + ": " + fe.Error(), Err: err}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// clip shortens text quoted in an error so that a huge link does not make
// a huge message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func quote(s string) string { return strconv.Quote(clip(s)) }
