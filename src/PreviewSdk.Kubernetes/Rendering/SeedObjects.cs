using k8s.Models;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Seeding;

namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// A seeding Job per seeded database whose server the profile runs: PreviewSdk's seeder (the same code the local app
/// host runs), reading preview.yaml from a ConfigMap, the connection string from the environment's Secret. It
/// waits for the migrating service's migrations as the local seeding does (every migration of its <c>efcore:</c>
/// project in the database, or a schema that stopped changing, and the service's health answering, not Degraded), or
/// applies the <c>migrations.sql</c> files (a ConfigMap) first, as locally.
/// </summary>
internal sealed class SeedObjects(RenderRequest request, ObjectMetadata metadata, string environmentId)
{
    /// <summary>The ConfigMap holding preview.yaml.</summary>
    public const string ManifestConfigMap = "preview-manifest";

    /// <summary>Where the seeder finds preview.yaml in its pod.</summary>
    public const string ManifestMount = "/etc/previewsdk/manifest";

    /// <summary>Where the seeder finds a database's SQL migrations in its pod.</summary>
    public const string SqlMount = "/etc/previewsdk/sql";

    /// <summary>The Job's name for <paramref name="database"/>.</summary>
    public static string JobName(string database) => $"{database}-seed";

    public V1ConfigMap Manifest() => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = metadata.For(ManifestConfigMap),
        Data = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["preview.yaml"] = request.ManifestText },
    };

    public (IReadOnlyList<object> Objects, Allocation Allocation) Render(DatabaseSeedPlan seed)
    {
        var name = JobName(seed.Database);
        var volumes = new List<V1Volume> { new() { Name = "manifest", ConfigMap = new V1ConfigMapVolumeSource { Name = ManifestConfigMap } } };
        var mounts = new List<V1VolumeMount> { new() { Name = "manifest", MountPath = ManifestMount, ReadOnlyProperty = true } };
        var variables = new List<V1EnvVar>
        {
            ObjectMetadata.Variable(SeedRunnerVariables.Manifest, $"{ManifestMount}/preview.yaml"),
            ObjectMetadata.Variable(SeedRunnerVariables.Database, seed.Database),
            ObjectMetadata.Variable(SeedRunnerVariables.Profile, request.Profile.Name),
            ObjectMetadata.Variable(SeedRunnerVariables.EnvironmentId, environmentId),
            ServiceObjects.SecretVariable(SeedRunnerVariables.ConnectionString, ConnectionTargets.SecretName, seed.Database),
        };
        var objects = new List<object>();
        if (seed.MigrationsService is { } service && request.Plan.Services.FirstOrDefault(candidate => candidate.Name == service) is { IsWeb: true, HealthPath: { } health })
        {
            variables.Add(ObjectMetadata.Variable(SeedRunnerVariables.WaitFor, new Uri(ConnectionTargets.ServiceUrl(service), health).ToString()));
            variables.Add(ObjectMetadata.Variable(SeedRunnerVariables.MigratingService, service));
        }
        else if (seed.MigrationsService is { } worker)
        {
            // A migrating service without a health endpoint: the seeder waits for the schema to appear instead.
            variables.Add(ObjectMetadata.Variable(SeedRunnerVariables.WaitForTables, worker));
        }

        // Then, as locally, until the database holds every migration (a health answer says little about them).
        if (seed.MigrationsService is not null && request.EfCoreMigrations.TryGetValue(seed.Database, out var ids) && ids.Count > 0)
        {
            variables.Add(ObjectMetadata.Variable(SeedRunnerVariables.WaitForMigrations, string.Join(',', ids)));
        }

        if (request.SqlMigrations.TryGetValue(seed.Database, out var files))
        {
            var configMap = $"{seed.Database}-migrations";
            objects.Add(new V1ConfigMap
            {
                ApiVersion = "v1",
                Kind = "ConfigMap",
                Metadata = metadata.For(configMap, name),
                Data = new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal),
            });
            volumes.Add(new V1Volume { Name = "sql", ConfigMap = new V1ConfigMapVolumeSource { Name = configMap } });
            mounts.Add(new V1VolumeMount { Name = "sql", MountPath = SqlMount, ReadOnlyProperty = true });
            variables.Add(ObjectMetadata.Variable(SeedRunnerVariables.SqlFolder, SqlMount));
        }

        var container = new V1Container
        {
            Name = "seed",
            Image = request.ProductImages.Seeder,
            Env = variables,
            Resources = ContainerSize.Seeder.ToRequirements(),
            VolumeMounts = mounts,
            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false },
        };
        objects.Add(new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = metadata.For(name, name),
            Spec = new V1JobSpec
            {
                // A seeding that fails is a coded error in its log; trying more than twice more only delays the report.
                BackoffLimit = 2,
                Template = ServiceObjects.PodTemplate(metadata, name, [container], volumes, restartPolicy: "Never"),
            },
        });
        return (objects, new Allocation(name, ContainerSize.Seeder, 1));
    }
}
