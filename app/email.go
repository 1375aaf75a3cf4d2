package app

import (
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"

	"github.com/bookshop/bookshop/domain"
)

// emailDomains maps a domain name as IDNA 2008 / UTS #46 lookup does (width
// and case folded, compatibility characters mapped) to its ASCII form.
var emailDomains = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.Transitional(false))

// CanonicalEmail returns the one spelling of an email address that names an
// account, so that look-alike spellings of one mailbox are one account:
// NFKC-normalized (full-width "ａｄａ" is "ada", ligatures are split),
// lower-cased, and with the domain in its IDNA ASCII form ("BÜCHER.example"
// and "xn--bcher-kva.example" are one domain). It then applies
// domain.NormalizeEmail's syntax rules, failing with its *ValidationError
// for field "email".
func CanonicalEmail(email string) (string, error) {
	s := strings.ToLower(norm.NFKC.String(strings.TrimSpace(email)))
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return domain.NormalizeEmail(s) // refuses it
	}
	host, err := emailDomains.ToASCII(s[at+1:])
	if err != nil {
		return domain.NormalizeEmail("invalid") // refuses it with the usual field error
	}
	return domain.NormalizeEmail(s[:at+1] + strings.ToLower(host))
}
