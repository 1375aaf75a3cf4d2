// Package deploy holds what puts the shop on AWS: the SAM template
// (template.yaml, also read by the local gateway) and the deploy script
// (deploy.sh). It has no code of its own; its tests check the template's
// CloudFront distribution, bucket policies, SPA rewrite function and
// security headers, and the script's dry run, without an AWS account.
package deploy
