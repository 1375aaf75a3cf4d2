package main

import (
	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

func newCursorCodec(cfg config) (*app.CursorCodec, error) { return app.NewCursorCodec(cfg.CursorKey) }
func newAPIConfig(cfg config) apigw.Config                { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }

// shippingPolicy is the shop's shipping policy.
func shippingPolicy() domain.ShippingPolicy { return domain.DefaultShippingPolicy }

// newServices: the orders function serves the order routes only.
func newServices(orders *app.Orders) apigw.Services { return apigw.Services{Orders: orders} }
