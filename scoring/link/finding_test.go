package link_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/link"
)

// Every way a format 2 link can be wrong in its version, its parts' order
// or a finding's part is an *Error naming the part and saying what is
// wrong. The links are written by hand around the golden links'
// text parts: D is the text of v08-findings-layers-and-cross-layer (L1
// has one threat, L2 none, L3 two, Cross-Layer two), O that of
// card-edition-odd-ids (its threat 2.1 has no title: a finding's).
func TestDecodeRejectsBadFormat2Links(t *testing.T) {
	golden := goldenV2Links(t)
	D := golden["v08-findings-layers-and-cross-layer"]
	D = D[strings.Index(D, "&d=")+3:]
	O := golden["card-edition-odd-ids"]
	O = O[strings.Index(O, "&d=")+3:]
	const vec = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N"
	// one is the head of a v0.8 link with a finding on threat 1.1, whose
	// fields after its place are the given ones; its text is D.
	one := func(fields string) string { return "v2&e=v0.8&thm=0.97&mf=1&s=1.1;" + fields + "&d=" + D }
	var many strings.Builder
	many.WriteString("v2&e=v0.8")
	for i := range 101 {
		fmt.Fprintf(&many, "&s=8.%d;F-%d;;;;;", i+1, i+1)
	}
	many.WriteString("&d=" + D)
	tests := []struct{ name, link, part, msg string }{
		{"version in capitals", "V2&e=v0.8", "version", `this one starts "V2"`},
		{"a version to come", "v3&e=v0.8", "version", "unknown link format version 3; this threatcard reads versions 1 and 2"},
		{"parts out of order", "v2&c=9.3&e=v0.8", "e", "part e comes after part c; a v2 link has its parts in the order e, c, f, thm, mf, s and d"},
		{"a finding after the text", "v2&e=v0.8&d=" + D + "&s=1.1;F-001;;;;;", "s", "part s comes after part d"},
		{"part twice", "v2&e=v0.8&thm=1&thm=1", "thm", "part thm appears twice"},
		{"unknown part", "v2&e=v0.8&zz=1", "link", `unknown part "zz"; the parts are e, c, f, thm, mf, s and d`},
		{"a finding in format 1", "v1&e=v0.8&s=1.1;F-001;;;;;&d=" + D, "link", `unknown part "s"; the parts are e, c, f, thm, mf and d`},
		{"two findings on one threat", "v2&e=v0.8&s=1.1;A;;;;;&s=1.1;B;;;;;&d=" + D, "s",
			"finding s=1.1 (threat 1 of L1 Foundation Models): comes after the finding at 1.1; findings are in card order, each threat at most once"},
		{"findings out of order", "v2&e=v0.8&s=3.2;A;;;;;&s=1.1;B;;;;;&d=" + D, "s", "finding s=1.1 (threat 1 of L1 Foundation Models): comes after the finding at 3.2"},
		{"more findings than threats a card has", many.String(), "s", "more than 100 findings; a card has at most 100 threats"},
		{"place 0.1", "v2&e=v0.8&s=0.1;A;;;;;&d=" + D, "s", `finding 1 of the link: its place "0.1" is not a section (1 to 7 a layer, 8 Cross-Layer), a point and the threat's position there (1 to 100), as in 3.1`},
		{"place 9.1", "v2&e=v0.8&s=9.1;A;;;;;&d=" + D, "s", `its place "9.1" is not a section`},
		{"place 3.0", "v2&e=v0.8&s=3.0;A;;;;;&d=" + D, "s", `its place "3.0" is not`},
		{"place with a leading zero", "v2&e=v0.8&s=3.01;A;;;;;&d=" + D, "s", `its place "3.01" is not`},
		{"place past the most threats", "v2&e=v0.8&s=3.101;A;;;;;&d=" + D, "s", `its place "3.101" is not`},
		{"place without a position", "v2&e=v0.8&s=3;A;;;;;&d=" + D, "s", `its place "3" is not`},
		{"place escaped", "v2&e=v0.8&s=3%2E1;A;;;;;&d=" + D, "s", `its place "3%2E1" is not`},
		{"second finding's place", "v2&e=v0.8&s=1.1;A;;;;;&s=x.1;B;;;;;&d=" + D, "s", `finding 2 of the link: its place "x.1"`},
		{"six fields", one("F-001;;;;"), "s", "finding 1 of the link (s=1.1;F-001;;;;) has 6 of the 7 fields of a finding's part, separated by ';': place;id;category;CVSS;factors;ThM;MF"},
		{"eight fields", one("F-001;;;;;;"), "s", "has more than the 7 fields of a finding's part"},
		{"no id", one(";;;;;"), "s", "finding s=1.1 (threat 1 of L1 Foundation Models): it has no id; a finding always has one"},
		{"id escaped in lower case", one("%c3%9c;;;;;"), "s", `its id has "%c3", which is no percent-escape as a link writes one`},
		{"id with a broken escape", one("F%2;;;;;"), "s", `its id has "%2", which is no percent-escape`},
		{"id with a '%' at its end", one("F%;;;;;"), "s", `its id has "%", which is no percent-escape`},
		{"id with an escape not hexadecimal", one("F%G1;;;;;"), "s", `its id has "%G1", which is no percent-escape`},
		{"id escaping a letter", one("F-%41;;;;;"), "s", `its id escapes "A" as %41; a link writes ASCII letters, digits, '-', '.', '_' and '~' as they are`},
		{"id with a space as it is", one("F 1;;;;;"), "s", `its id has " " as it is; a link percent-escapes every character but`},
		{"id with a sub-delimiter as it is", one("F+1;;;;;"), "s", `its id has "+" as it is`},
		{"id with a letter not ASCII as it is", one("Ü-1;;;;;"), "s", `its id has "Ü" as it is`},
		{"id not UTF-8", one("%FF;;;;;"), "s", "its id is not valid UTF-8 once unescaped"},
		{"id with a leading space", one("%20F-1;;;;;"), "s", "finding s=1.1: the finding id of threat 1 of L1 Foundation Models begins or ends with a space"},
		{"id with a control character", one("F%07;;;;;"), "s", "contains the control character U+0007"},
		{"id too long", one(strings.Repeat("x", 65) + ";;;;;"), "s", "the finding id of threat 1 of L1 Foundation Models has 65 characters; the limit is 64"},
		{"id twice", "v2&e=v0.8&s=1.1;F-1;;;;;&s=3.1;F-1;;;;;&d=" + D, "s",
			`finding s=3.1: the finding id of threat 1 of L3 Agent Frameworks is "F-1", which another finding has`},
		{"category with a leading zero", one("F-1;03;;;;"), "s", `its category "03" is not one of 1 to 10 (the OWASP core risks) or empty`},
		{"category 11", one("F-1;11;;;;"), "s", `its category "11" is not one of 1 to 10`},
		{"category 0", one("F-1;0;;;;"), "s", `its category "0" is not`},
		{"category in words", one("F-1;Tool Misuse;;;;"), "s", `its category "Tool Misuse" is not`},
		{"CVSS neither vector nor score", one("F-1;;high;;;"), "s", `finding s=1.1 (threat 1 of L1 Foundation Models): CVSS "high" is neither a CVSS v4.0 vector (CVSS:4.0/…) nor a score (0.0 to 10.0)`},
		{"CVSS vector wrong", one("F-1;;" + strings.Replace(vec, "AV:N", "AV:X", 1) + ";;;"), "s", "AV:X is not allowed; AV takes N, A, L, P"},
		{"CVSS vector prefix in lower case", one("F-1;;" + strings.ToLower(vec[:4]) + vec[4:] + ";;;"), "s", `must be written "CVSS:4.0"`},
		{"CVSS escape broken", one("F-1;;9%2;;;"), "s", `"%2" is not a percent-escape`},
		{"CVSS escaped to nothing", one("F-1;;%;;;"), "s", `"%" is not a percent-escape`},
		{"CVSS score above 10", one("F-1;;11.0;;;"), "s", "the CVSS score of threat 1 of L1 Foundation Models is 11.0; a CVSS v4.0 score is 0.0 to 10.0 with one decimal"},
		{"CVSS score with two decimals", one("F-1;;9.35;;;"), "s", "is 9.35; a CVSS v4.0 score is 0.0 to 10.0 with one decimal"},
		{"two factors", one("F-1;;;0.5,1;;"), "s", "its factors field has 2 of the 10 factor values OWASP AIVSS v0.8 takes, comma-separated"},
		{"factor not a number", one("F-1;;;x,,,,,,,,,;;"), "s", `Execution Autonomy "x": not a plain decimal number`},
		{"factor off the grid", one("F-1;;;0.7,,,,,,,,,;;"), "s", "finding s=1.1: Execution Autonomy of threat 1 of L1 Foundation Models is 0.7; OWASP AIVSS v0.8 takes 0, 0.5 or 1"},
		{"ThM off the choices", one("F-1;;;;0.9;"), "s", "the threat multiplier (ThM) of threat 1 of L1 Foundation Models is 0.9"},
		{"ThM with three decimals", one("F-1;;;;0.975;"), "s", `ThM "0.975": more than two decimals`},
		{"MF in v0.5", "v2&e=v0.5&s=1.1;F-1;;;;;1&d=" + D, "s", "the mitigation factor (MF) of threat 1 of L1 Foundation Models is set, but OWASP AIVSS v0.5 has no mitigation factor"},
		{"MF not a number", one("F-1;;;;;one"), "s", `MF "one": not a plain decimal number`},
		{"a threat the text does not have", "v2&e=v0.8&s=3.3;F-1;;;;;&d=" + D, "s",
			"finding s=3.3 (threat 3 of L3 Agent Frameworks): the text has no such threat; it has 2 threats under L3 Agent Frameworks"},
		{"a layer without threats", "v2&e=v0.8&s=2.1;F-1;;;;;&d=" + D, "s", "the text has no such threat; it has 0 threats under L2 Data Operations"},
		{"a cross-layer threat the text does not have", "v2&e=v0.8&s=8.3;F-1;;;;;&d=" + D, "s", "the text has no such threat; it has 2 cross-layer threats"},
		{"an untitled threat that is no finding", "v2&e=card&s=2.2;F-1;;;;;&s=6.1;F-2;;;;;&s=8.1;F-3;;;;;&d=" + O, "d",
			"threat 1 of L2 Data Operations needs a catalog id or a title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := link.Decode(tt.link)
			if err == nil {
				t.Fatalf("Decode accepted %q as %+v", tt.link, c)
			}
			if c != nil {
				t.Fatal("Decode returned a card with its error")
			}
			var le *link.Error
			if !errors.As(err, &le) || err != error(le) {
				t.Fatalf("error %v is %T, not *link.Error", err, err)
			}
			if le.Part != tt.part {
				t.Errorf("error %q names part %q; want %q", err, le.Part, tt.part)
			}
			if !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
			if _, cerr := link.Canonical(tt.link); cerr == nil || cerr.Error() != err.Error() {
				t.Errorf("Canonical = %v; want Decode's error", cerr)
			}
		})
	}
}
