using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>Reads the <c>services:</c> section of preview.yaml.</summary>
internal static class ServicesSectionReader
{
    private static readonly string[] ServiceKeys = ["project", "health", "protocol", "replicas", "env", "uses"];

    public static IReadOnlyList<ServiceEntry> Read(ManifestNodeReader reader, ManifestNode section, string sectionPath)
    {
        var services = new List<ServiceEntry>();
        foreach (var (name, body) in reader.ReadMap(section, sectionPath))
        {
            services.Add(ReadService(reader, name, body, ManifestNodeReader.Child(sectionPath, name.Value)));
        }

        return services;
    }

    private static ServiceEntry ReadService(ManifestNodeReader reader, Located<string> name, ManifestNode body, string path)
    {
        Located<string>? project = null;
        Located<string>? health = null;
        Located<string>? protocol = null;
        var isHealthCheckDisabled = false;
        Located<int>? replicas = null;
        IReadOnlyList<EnvironmentVariableEntry> environment = [];
        IReadOnlyList<Located<string>> uses = [];

        // A service key with nothing under it is fine: it only names (or renames) the service.
        foreach (var (key, value) in reader.ReadMap(body, path, ServiceKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            switch (key.Value)
            {
                case "project":
                    project = reader.ReadText(value, keyPath);
                    break;
                case "health":
                    isHealthCheckDisabled = IsFalse(value);
                    health = isHealthCheckDisabled ? null : ReadHealthPath(reader, value, keyPath);
                    break;
                case "protocol":
                    protocol = ReadProtocol(reader, value, keyPath);
                    break;
                case "replicas":
                    replicas = reader.ReadReplicas(value, keyPath);
                    break;
                case "env":
                    environment = ReadEnvironment(reader, value, keyPath);
                    break;
                case "uses":
                    uses = reader.ReadNameList(value, keyPath);
                    break;
            }
        }

        return new ServiceEntry(name, project, health, isHealthCheckDisabled, replicas, environment, uses) { Protocol = protocol };
    }

    /// <summary>The protocols a service endpoint may speak.</summary>
    internal static IReadOnlyList<string> Protocols { get; } = ["http1", "http2"];

    private static Located<string>? ReadProtocol(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } protocol)
        {
            return null;
        }

        if (!Protocols.Contains(protocol.Value, StringComparer.Ordinal))
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, DiagnosticFactory.Format("Text.Rule.Protocol"));
            return null;
        }

        return protocol;
    }

    private static bool IsFalse(ManifestNode value) =>
        value is ManifestScalar { IsPlain: true, Value: "false" or "False" or "FALSE" };

    private static Located<string>? ReadHealthPath(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } health)
        {
            return null;
        }

        // Whitespace would be sent as part of the request line and make every probe fail.
        if (!health.Value.StartsWith('/') || health.Value.Any(char.IsWhiteSpace))
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, DiagnosticFactory.Format("Text.Rule.Health"));
            return null;
        }

        return health;
    }

    /// <summary>An <c>env:</c> map (of a service, or of a service in a profile).</summary>
    internal static IReadOnlyList<EnvironmentVariableEntry> ReadEnvironment(
        ManifestNodeReader reader, ManifestNode section, string sectionPath)
    {
        var variables = new List<EnvironmentVariableEntry>();
        foreach (var (name, value) in reader.ReadMap(section, sectionPath))
        {
            var keyPath = ManifestNodeReader.Child(sectionPath, name.Value);
            if (name.Value.Length == 0 || name.Value.Contains('=', StringComparison.Ordinal))
            {
                // '=' separates name from value in every OS's environment block, so it cannot be part of a name.
                reader.Diagnostics.Error(
                    DiagnosticCodes.InvalidValue,
                    name.Location,
                    sectionPath,
                    name.Value,
                    DiagnosticFactory.Format("Text.Rule.EnvironmentName"));
                continue;
            }

            if (value is not ManifestScalar scalar)
            {
                reader.ReportWrongType(value, keyPath, "Text.Shape.Scalar");
                continue;
            }

            // Refused here, with the place, rather than when the process starts with a cut or mangled value.
            if (!EnvironmentText.Report(reader.Diagnostics, name.Value, name.Location, sectionPath)
                | !EnvironmentText.Report(reader.Diagnostics, scalar.Value, scalar.Location, keyPath))
            {
                continue;
            }

            variables.Add(new EnvironmentVariableEntry(name, scalar.IsNull ? string.Empty : scalar.Value));
        }

        return variables;
    }
}
