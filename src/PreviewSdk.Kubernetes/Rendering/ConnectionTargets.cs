using PreviewSdk.Core.Planning;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// How the services of an environment reach its dependencies and each other inside the namespace: a connection
/// string per dependency and database (the names Aspire gives them, <c>ConnectionStrings__&lt;name&gt;</c>), kept in
/// the <see cref="SecretName"/> Secret, and a service discovery address per web service
/// (<c>services__&lt;name&gt;__http__0</c>), which is not secret.
/// </summary>
internal sealed class ConnectionTargets(EnvironmentPlan plan)
{
    /// <summary>The Secret holding every connection string of the environment.</summary>
    public const string SecretName = "connections";

    /// <summary>The user every PostgreSQL server of an environment is created with.</summary>
    public const string PostgresUser = "preview";

    /// <summary>The port every web service listens on in its pod (the .NET container images' default).</summary>
    public const int HttpPort = 8080;

    public const int PostgresPort = 5432;
    public const int RedisPort = 6379;

    /// <summary>The Secret with a PostgreSQL dependency's generated credentials.</summary>
    public static string CredentialsSecret(string dependency) => $"{dependency}-credentials";

    /// <summary>The variable of the build's environment holding an external dependency's <paramref name="part"/> (USERNAME, PASSWORD).</summary>
    public static string ExternalVariable(string dependency, string part) =>
        $"PREVIEW_{dependency.ToUpperInvariant().Replace('-', '_')}_{part}";

    /// <summary>The in-cluster address of a web service.</summary>
    public static Uri ServiceUrl(string service) => new($"http://{service}:{HttpPort}/");

    /// <summary>The connection string template of <paramref name="name"/> (a dependency or a database), or null for a service.</summary>
    public string? ConnectionString(string name)
    {
        foreach (var dependency in plan.Dependencies)
        {
            if (dependency.Name == name)
            {
                return Template(dependency, database: null);
            }

            if (dependency.Databases.Contains(name, StringComparer.Ordinal))
            {
                return Template(dependency, name);
            }
        }

        return null;
    }

    /// <summary>The port a dependency is reached on: its external endpoint's, else its engine's.</summary>
    public static int PortOf(DependencyPlan dependency) =>
        ExternalEndpoint.Parse(dependency.External)?.Port ?? (dependency.Kind == DependencyKind.Postgres ? PostgresPort : RedisPort);

    /// <summary>Every connection the environment's services use, by name, for the <see cref="SecretName"/> Secret.</summary>
    public SortedDictionary<string, string> All(IEnumerable<ServicePlan> services, Func<string, bool> isRunning)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in services.SelectMany(service => service.Uses).Where(reference => reference.Kind != ReferenceKind.Service))
        {
            if (isRunning(reference.Name) && ConnectionString(reference.Name) is { } template)
            {
                entries[reference.Name] = template;
            }
        }

        return entries;
    }

    private static string Template(DependencyPlan dependency, string? database)
    {
        var port = PortOf(dependency);
        if (dependency.Kind == DependencyKind.Redis)
        {
            return $"{dependency.Name}:{port}";
        }

        var (user, password) = dependency.External is null
            ? (PostgresUser, SecretTemplate.Password(dependency.Name))
            : (SecretTemplate.Variable(ExternalVariable(dependency.Name, "USERNAME")), SecretTemplate.Variable(ExternalVariable(dependency.Name, "PASSWORD")));
        var databasePart = database is null ? string.Empty : $"Database={database};";
        return $"Host={dependency.Name};Port={port};{databasePart}Username={user};Password={password}";
    }
}
