package main

import (
	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/app"
)

func newAPIConfig(cfg config) apigw.Config      { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }
func newServices(auth *app.Auth) apigw.Services { return apigw.Services{Auth: auth} }
