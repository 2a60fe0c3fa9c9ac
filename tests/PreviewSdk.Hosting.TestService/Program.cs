// Answers every request with "<process id> <local port>": which replica answered, on which of its ports.
var app = WebApplication.CreateSlimBuilder(args).Build();
app.Run(context => context.Response.WriteAsync(FormattableString.Invariant($"{Environment.ProcessId} {context.Connection.LocalPort}")));
app.Run();
