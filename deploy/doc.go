// Package deploy holds what puts the shop on AWS: the SAM template
// (template.yaml, also read by the local gateway) and the deploy script
// (deploy.sh). It has no code of its own; its tests check, without an AWS
// account, the template against AWS's CloudFormation resource specification
// (testdata/, validated by internal/cfnspec), its CloudFront distribution,
// bucket policies, SPA rewrite function and security headers, and the
// script's dry run.
package deploy
