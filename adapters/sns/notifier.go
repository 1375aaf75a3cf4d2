// Package sns is the Notifier of the AWS deployment: it publishes each
// notification to an Amazon SNS topic (aws-sdk-go-v2 service/sns), whose
// subscriptions (the shop's email) deliver it.
package sns

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"

	"github.com/bookshop/bookshop/adapters/internal/awsfault"
	"github.com/bookshop/bookshop/app"
)

// TopicARN is the ARN of the topic notifications are published to.
type TopicARN string

// Endpoint overrides the SNS endpoint (a local stand-in); "" is AWS.
type Endpoint string

// NewClient returns an SNS client for cfg, sending to endpoint when set. It
// sends no request.
func NewClient(cfg aws.Config, endpoint Endpoint) *sns.Client {
	return sns.NewFromConfig(cfg, func(o *sns.Options) {
		o.APIOptions = append(o.APIOptions, awsfault.Middleware("SNS"))
		if endpoint != "" {
			o.BaseEndpoint = aws.String(string(endpoint))
		}
	})
}

// Notifier publishes notifications to one topic. It is safe for concurrent
// use.
type Notifier struct {
	client *sns.Client
	topic  string
}

var _ app.Notifier = (*Notifier)(nil)

// NewNotifier returns a Notifier publishing to topic through client.
func NewNotifier(client *sns.Client, topic TopicARN) (*Notifier, error) {
	if client == nil {
		return nil, errors.New("sns.NewNotifier: nil client")
	}
	if !strings.HasPrefix(string(topic), "arn:") || strings.Count(string(topic), ":") < 5 {
		return nil, fmt.Errorf("sns.NewNotifier: %q is not a topic ARN", string(topic))
	}
	return &Notifier{client: client, topic: string(topic)}, nil
}

// maxSubjectLen is SNS's limit on a message subject (email subject line).
const maxSubjectLen = 100

// Notify publishes n: Subject and Text as the message, the order's facts as
// message attributes (kind, orderId, status) that subscription filter
// policies can match.
func (p *Notifier) Notify(ctx context.Context, n app.Notification) error {
	in := &sns.PublishInput{
		TopicArn: aws.String(p.topic),
		Subject:  aws.String(subject(n.Subject)),
		Message:  aws.String(n.Text),
		MessageAttributes: map[string]types.MessageAttributeValue{
			"kind":       stringAttribute(string(n.Kind)),
			"orderId":    stringAttribute(string(n.OrderID)),
			"status":     stringAttribute(n.Status),
			"totalCents": {DataType: aws.String("Number"), StringValue: aws.String(strconv.FormatInt(n.TotalCents, 10))},
		},
	}
	if n.Text == "" {
		in.Message = aws.String(n.Subject)
	}
	if _, err := p.client.Publish(ctx, in); err != nil {
		return fmt.Errorf("sns publish to %s: %w", p.topic, err)
	}
	return nil
}

func stringAttribute(v string) types.MessageAttributeValue {
	v = cmp.Or(v, "-") // SNS refuses empty attribute values
	return types.MessageAttributeValue{DataType: aws.String("String"), StringValue: aws.String(v)}
}

// subject makes s a valid SNS subject: printable ASCII, no line breaks, at
// most 100 characters, not empty.
func subject(s string) string {
	s = strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII || !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if len(s) > maxSubjectLen {
		s = s[:maxSubjectLen]
	}
	if s == "" {
		s = "Bookshop notification"
	}
	return s
}
