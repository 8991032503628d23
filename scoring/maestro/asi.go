package maestro

// ASI is a code of the OWASP Top 10 for Agentic Applications (2026),
// ASI01 … ASI10; the zero value means none.
type ASI uint8

// NumASI is the number of entries in the Agentic Top 10.
const NumASI = 10

// Official entry names, in code order.
var asiNames = [NumASI + 1]string{
	"",
	"Agent Goal Hijack",
	"Tool Misuse & Exploitation",
	"Identity & Privilege Abuse",
	"Agentic Supply Chain Vulnerabilities",
	"Unexpected Code Execution (RCE)",
	"Memory & Context Poisoning",
	"Insecure Inter-Agent Communication",
	"Cascading Failures",
	"Human-Agent Trust Exploitation",
	"Rogue Agents",
}

// Valid reports whether a is none or one of ASI01 … ASI10.
func (a ASI) Valid() bool { return a <= NumASI }

// Code returns "ASI01" … "ASI10", or "" for none.
func (a ASI) Code() string {
	if a == 0 || !a.Valid() {
		return ""
	}
	return "ASI" + string(rune('0'+a/10)) + string(rune('0'+a%10))
}

// Name returns the entry's official name, or "" for none.
func (a ASI) Name() string {
	if !a.Valid() {
		return ""
	}
	return asiNames[a]
}

// ParseASI reads "ASI01" … "ASI10"; "" is none.
func ParseASI(code string) (ASI, error) {
	if code == "" {
		return 0, nil
	}
	for a := ASI(1); a <= NumASI; a++ {
		if a.Code() == code {
			return a, nil
		}
	}
	return 0, &ValueError{Field: "asi", Value: code, Allowed: []string{"ASI01", "…", "ASI10", "(empty for none)"}}
}
