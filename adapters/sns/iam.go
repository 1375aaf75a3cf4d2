package sns

// IAMActions maps each method of app.Notifier ("Notifier.Method") to the IAM
// actions its SNS calls need (see the deploy package's least-privilege
// test).
var IAMActions = map[string][]string{
	"Notifier.Notify": {"sns:Publish"},
}
