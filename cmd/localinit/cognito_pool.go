package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/bookshop/bookshop/app"
)

// writeCognitoPool writes the user pool poolID with the app client clientID
// and the group app.AdminGroup as cognito-local's data files under dir (its
// .cognito directory): db/<poolID>.json and db/clients.json. cognito-local
// reads them when it starts, so every service of the local stack can name
// the pool and client statically; its CreateUserPool and
// CreateUserPoolClient would pick random ids. Files that exist are kept (they
// hold the users), so a restart changes nothing.
//
// The pool matches the template's UserPool: email as the username, email
// auto-verified, passwords of at least 8 characters with upper and lower
// case letters and a digit. The client has no secret and allows
// USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH.
func writeCognitoPool(dir, poolID, clientID string, now time.Time) error {
	if poolID == "" || clientID == "" {
		return errors.New("cognito pool: BOOKSHOP_USER_POOL_ID and BOOKSHOP_USER_POOL_CLIENT_ID are required")
	}
	db := filepath.Join(dir, "db")
	if err := os.MkdirAll(db, 0o755); err != nil {
		return fmt.Errorf("cognito pool: %w", err)
	}
	stamp := now.UTC().Format(time.RFC3339Nano)
	str := func(name string, mutable bool) map[string]any {
		return map[string]any{"Name": name, "AttributeDataType": "String", "DeveloperOnlyAttribute": false,
			"Mutable": mutable, "Required": name == "sub",
			"StringAttributeConstraints": map[string]string{"MinLength": "0", "MaxLength": "2048"}}
	}
	pool := map[string]any{
		"Users": map[string]any{},
		"Groups": map[string]any{app.AdminGroup: map[string]any{
			"GroupName": app.AdminGroup, "CreationDate": stamp, "LastModifiedDate": stamp,
		}},
		"Options": map[string]any{
			"Id":                     poolID,
			"Name":                   "bookshop",
			"Arn":                    "arn:aws:cognito-idp:local:local:userpool/" + poolID,
			"UsernameAttributes":     []string{"email"},
			"AutoVerifiedAttributes": []string{"email"},
			"Policies": map[string]any{"PasswordPolicy": map[string]any{
				"MinimumLength": 8, "RequireUppercase": true, "RequireLowercase": true, "RequireNumbers": true,
				"RequireSymbols": false, "TemporaryPasswordValidityDays": 7,
			}},
			"SchemaAttributes": []map[string]any{
				str("sub", false), str("name", true), str("email", true),
				{"Name": "email_verified", "AttributeDataType": "Boolean", "DeveloperOnlyAttribute": false,
					"Mutable": true, "Required": false},
			},
			"LambdaConfig":                map[string]any{},
			"VerificationMessageTemplate": map[string]any{"DefaultEmailOption": "CONFIRM_WITH_CODE"},
			"MfaConfiguration":            "OFF",
			"EmailConfiguration":          map[string]any{"EmailSendingAccount": "COGNITO_DEFAULT"},
			"AdminCreateUserConfig":       map[string]any{"AllowAdminCreateUserOnly": false, "UnusedAccountValidityDays": 7},
			"CreationDate":                stamp,
			"LastModifiedDate":            stamp,
		},
	}
	clients := map[string]any{"Clients": map[string]any{clientID: map[string]any{
		"ClientId":          clientID,
		"ClientName":        "bookshop-web",
		"UserPoolId":        poolID,
		"ExplicitAuthFlows": []string{"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"},
		"TokenValidityUnits": map[string]string{
			"AccessToken": "hours", "IdToken": "minutes", "RefreshToken": "days",
		},
		"CreationDate":     stamp,
		"LastModifiedDate": stamp,
	}}}
	for name, content := range map[string]any{poolID + ".json": pool, "clients.json": clients} {
		if err := writeNewJSON(filepath.Join(db, name), content); err != nil {
			return fmt.Errorf("cognito pool: %w", err)
		}
	}
	return nil
}

// writeNewJSON writes v as JSON to path unless path exists.
func writeNewJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
