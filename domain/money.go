package domain

import "strings"

// Currency is an ISO 4217 alphabetic currency code such as "USD". The zero
// value is not a valid currency; obtain one from ParseCurrency.
type Currency struct{ code string }

// DefaultCurrency is used when a book is created without a currency.
var DefaultCurrency = Currency{"USD"}

// iso4217 lists the active ISO 4217 alphabetic codes.
const iso4217 = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN " +
	"BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
	"GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK " +
	"LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR " +
	"PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP " +
	"SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER " +
	"ZAR ZMW ZWG"

// ParseCurrency accepts an ISO 4217 code in any letter case.
func ParseCurrency(code string) (Currency, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) != 3 || !strings.Contains(iso4217, code) || strings.ContainsRune(code, ' ') {
		return Currency{}, false
	}
	return Currency{code}, true
}

// String returns the ISO 4217 code, or "" for the zero value.
func (c Currency) String() string { return c.code }

// IsZero reports whether c is the zero (invalid) currency.
func (c Currency) IsZero() bool { return c.code == "" }

// MaxPriceCents is the highest price a book may have: 1,000,000.00 in the
// currency's major unit.
const MaxPriceCents = 100_000_000

// Money is an amount in the minor unit (cents) of a currency. Amounts are
// integers: money is never a float.
type Money struct {
	cents    int64
	currency Currency
}

// NewMoney returns cents of currency.
func NewMoney(cents int64, currency Currency) Money { return Money{cents: cents, currency: currency} }

// Cents returns the amount in minor units.
func (m Money) Cents() int64 { return m.cents }

// Currency returns the amount's currency.
func (m Money) Currency() Currency { return m.currency }
