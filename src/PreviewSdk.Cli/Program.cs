using PreviewSdk.Cli.Init;

// previewsdk: the command-line tool of PreviewSdk. Its only command for now is init.
if (args is ["init", .. var rest])
{
    var (options, error) = InitOptions.Parse(rest);
    if (options is null)
    {
        Console.Error.WriteLine(error);
        Console.Error.WriteLine(InitOptions.Usage);
        return 2;
    }

    return new InitCommand(Console.Out, Console.Error).Run(options);
}

if (args is [] or ["--help" or "-h" or "help", ..])
{
    Console.WriteLine(InitOptions.Usage);
    return args.Length == 0 ? 2 : 0;
}

Console.Error.WriteLine(PreviewSdk.Core.Diagnostics.DiagnosticFactory.Create(
    PreviewSdk.Core.Diagnostics.DiagnosticCodes.InitInvalidArguments,
    PreviewSdk.Core.Diagnostics.SourceLocation.WholeFile("previewsdk"),
    $"unknown command '{args[0]}'"));
return 2;
