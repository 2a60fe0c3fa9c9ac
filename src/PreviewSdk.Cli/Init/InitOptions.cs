using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Cli.Init;

/// <summary><c>previewsdk init &lt;app host | solution | folder&gt; [--output &lt;folder&gt;] [--app &lt;name&gt;] [--feed &lt;folder&gt;] [--sdk package|source]</c>.</summary>
internal sealed record InitOptions(string Input, string? Output, string? AppName, string? Feed, string? SdkMode)
{
    public const string Usage = """
        Usage: previewsdk init <app host project | solution | folder> [options]

        Writes <Name>.Preview/ beside the Aspire app host (Name: the app host's name without .AppHost): a preview
        project and a commented preview.yaml that run the app with `dotnet build <Name>.Preview -t:Preview`.
        Never overwrites a file.

        Options:
          --output <folder>     where to write the preview project (default: <Name>.Preview beside the app host)
          --app <name>          the app name in preview.yaml (default: Name, lowercased)
          --feed <folder>       the local NuGet feed holding the PreviewSdk packages: added to nuget.config
          --sdk package|source  import PreviewSdk as a package (global.json) or from the PreviewSdk source tree
                                this tool runs from (default: source when run from one, else package)
        """;

    /// <summary>Reads the arguments after <c>init</c>; null with the coded error when they make no sense.</summary>
    public static (InitOptions? Options, PreviewDiagnostic? Error) Parse(IReadOnlyList<string> arguments)
    {
        string? input = null, output = null, app = null, feed = null, sdk = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return (null, Invalid($"{argument} needs a value"));
                }

                var value = arguments[++i];
                switch (argument)
                {
                    case "--output": output = value; break;
                    case "--app": app = value; break;
                    case "--feed": feed = value; break;
                    case "--sdk" when value is "package" or "source": sdk = value; break;
                    case "--sdk": return (null, Invalid($"--sdk takes package or source, not '{value}'"));
                    default: return (null, Invalid($"unknown option {argument}"));
                }
            }
            else if (input is null)
            {
                input = argument;
            }
            else
            {
                return (null, Invalid($"one app host, solution or folder, not also '{argument}'"));
            }
        }

        return input is null ? (null, Invalid("name the app host project, its solution or its folder")) : (new InitOptions(input, output, app, feed, sdk), null);
    }

    private static PreviewDiagnostic Invalid(string reason) =>
        DiagnosticFactory.Create(DiagnosticCodes.InitInvalidArguments, SourceLocation.WholeFile("previewsdk"), reason);
}
