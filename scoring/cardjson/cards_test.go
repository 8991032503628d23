package cardjson

import "github.com/threatcard/threatcard/scoring/decimal"

func dec(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }
