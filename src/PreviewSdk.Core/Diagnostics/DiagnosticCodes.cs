namespace PreviewSdk.Core.Diagnostics;

/// <summary>
/// Every diagnostic code PreviewSdk reports. A code never changes meaning once released, because users search
/// for it and CI configurations may downgrade it.
/// </summary>
/// <remarks>
/// Ranges, one per layer, so a code tells where to look:
/// <list type="bullet">
/// <item><description>1xxx: preview.yaml and the other inputs (ProjectReferences, properties).</description></item>
/// <item><description>2xxx: budgets, the environment registry and the state folder.</description></item>
/// <item><description>3xxx: backing services and the engines that run them (containers, local binaries).</description></item>
/// <item><description>4xxx: seeding and migrations.</description></item>
/// <item><description>5xxx: links, the gateway and CI outputs.</description></item>
/// <item><description>6xxx: synthetic checks and alerts.</description></item>
/// <item><description>9xxx: unexpected failures, i.e. bugs in PreviewSdk.</description></item>
/// </list>
/// Adding a code takes two lines: a constant here and a message with the same key in
/// <c>DiagnosticMessages.resx</c> (plus its section in docs/diagnostics.md); tests check that the three agree.
/// </remarks>
public static class DiagnosticCodes
{
    // 1xxx: manifest and input.

    /// <summary>preview.yaml does not exist.</summary>
    public const string ManifestNotFound = "PREVIEW1001";

    /// <summary>preview.yaml is not valid YAML.</summary>
    public const string InvalidYaml = "PREVIEW1002";

    /// <summary>A key that preview.yaml does not know at that place.</summary>
    public const string UnknownKey = "PREVIEW1003";

    /// <summary>A value of the wrong shape: a list where a map belongs, a word where a number belongs.</summary>
    public const string WrongType = "PREVIEW1004";

    /// <summary>A value of the right shape that breaks a rule: replicas below 1, an invalid name.</summary>
    public const string InvalidValue = "PREVIEW1005";

    /// <summary>One name used twice: a repeated key, or a name shared by two dependencies, databases or services.</summary>
    public const string DuplicateName = "PREVIEW1006";

    /// <summary>A dependency type other than the supported ones.</summary>
    public const string UnknownDependencyType = "PREVIEW1007";

    /// <summary>A <c>services:</c> key or <c>project:</c> value that matches no ProjectReference.</summary>
    public const string UnmatchedService = "PREVIEW1008";

    /// <summary>A <c>uses</c> entry that names no dependency, database or service.</summary>
    public const string UnknownUsesName = "PREVIEW1009";

    /// <summary>A ProjectReference to a project that cannot run (not an executable).</summary>
    public const string ProjectNotRunnable = "PREVIEW1010";

    /// <summary>Services that use themselves or each other in a cycle.</summary>
    public const string UsesCycle = "PREVIEW1011";

    /// <summary>The preview project references no runnable project.</summary>
    public const string NoRunnableServices = "PREVIEW1012";

    /// <summary>A required key is missing (a dependency without <c>type</c>).</summary>
    public const string MissingRequiredKey = "PREVIEW1013";

    /// <summary>preview.yaml holds more than one YAML document.</summary>
    public const string MultipleDocuments = "PREVIEW1014";

    /// <summary>preview.yaml exists but could not be read.</summary>
    public const string ManifestUnreadable = "PREVIEW1015";

    /// <summary>Two <c>services:</c> entries map to the same ProjectReference.</summary>
    public const string ProjectMappedTwice = "PREVIEW1016";

    /// <summary>The same name is listed twice in one <c>uses</c> list (a warning).</summary>
    public const string RepeatedUsesEntry = "PREVIEW1017";

    /// <summary>A health path on a service whose project is not a web project.</summary>
    public const string HealthOnNonWebProject = "PREVIEW1018";

    /// <summary>An MSBuild property of PreviewSdk has a value it cannot use.</summary>
    public const string InvalidProperty = "PREVIEW1019";

    /// <summary>Two service projects whose file names give Aspire the same <c>Projects.*</c> class name.</summary>
    public const string ProjectClassClash = "PREVIEW1020";

    /// <summary>A <c>seed:</c> entry names no database declared under a postgres dependency.</summary>
    public const string UnknownSeedDatabase = "PREVIEW1021";

    /// <summary><c>migrations.service</c> names no service of the environment.</summary>
    public const string UnknownMigrationsService = "PREVIEW1022";

    /// <summary>A folder or project named in <c>seed:</c> (<c>sql</c>, <c>efcore</c>, <c>startup</c>) does not exist.</summary>
    public const string SeedPathNotFound = "PREVIEW1023";

    /// <summary><c>migrations:</c> names both a service and an SQL folder.</summary>
    public const string ConflictingMigrations = "PREVIEW1024";

    // 1030-1049: profiles.

    /// <summary>The profile asked for (PreviewProfile, PREVIEW_PROFILE) is neither built in nor defined in preview.yaml.</summary>
    public const string UnknownProfile = "PREVIEW1030";

    /// <summary>A profile's <c>extends:</c> names no profile.</summary>
    public const string UnknownProfileParent = "PREVIEW1031";

    /// <summary>Profiles that extend each other in a cycle.</summary>
    public const string ProfileExtendsCycle = "PREVIEW1032";

    /// <summary>A profile sets a service the environment does not have.</summary>
    public const string UnknownProfileService = "PREVIEW1033";

    /// <summary>A profile sets a dependency preview.yaml does not declare.</summary>
    public const string UnknownProfileDependency = "PREVIEW1034";

    /// <summary>A profile asks for <c>runtime: container</c>, which is not supported yet.</summary>
    public const string ContainerRuntimeNotSupported = "PREVIEW1035";

    // 1120-1139: checks: and alerts: of preview.yaml, PreviewAlertWebhook.

    /// <summary>A webhook address that is not an absolute http or https URL.</summary>
    public const string WebhookUrlInvalid = "PREVIEW1120";

    /// <summary>The PreviewAlertWebhook property is not an http(s) address (optionally after <c>slack:</c> or <c>json:</c>).</summary>
    public const string AlertWebhookPropertyInvalid = "PREVIEW1121";

    /// <summary>A check path that does not start with <c>/</c> or holds whitespace.</summary>
    public const string CheckPathInvalid = "PREVIEW1122";

    /// <summary>A check's expected status outside 100-599.</summary>
    public const string CheckStatusInvalid = "PREVIEW1123";

    /// <summary>A check interval that is not a duration from 5s to 1d.</summary>
    public const string CheckIntervalInvalid = "PREVIEW1124";

    /// <summary>A check's maxLatency that is not a duration from 1ms to 5m.</summary>
    public const string CheckLatencyInvalid = "PREVIEW1125";

    /// <summary>Checks on a service that has no HTTP endpoint (not a web project).</summary>
    public const string CheckServiceWithoutHttp = "PREVIEW1126";

    /// <summary><c>checks:</c> names a service the environment does not have.</summary>
    public const string UnknownCheckService = "PREVIEW1127";

    /// <summary>A webhook format other than json and slack.</summary>
    public const string WebhookFormatUnknown = "PREVIEW1128";

    /// <summary>A check method that is not one of the HTTP methods a check may use.</summary>
    public const string CheckMethodInvalid = "PREVIEW1129";

    /// <summary>A check header whose name is not an HTTP header name, or is Host or Content-Length.</summary>
    public const string CheckHeaderInvalid = "PREVIEW1130";

    /// <summary>An <c>alerts.errors.window</c> that is not a duration from 10s to 1h.</summary>
    public const string ErrorWindowInvalid = "PREVIEW1131";

    // 2xxx: budget, registry and state.

    /// <summary>The environment did not become ready within PreviewTimeout.</summary>
    public const string EnvironmentTimedOut = "PREVIEW2001";

    /// <summary>A resource failed (exited or could not start) before the environment was ready.</summary>
    public const string ResourceFailed = "PREVIEW2002";

    /// <summary>The app host process ended before the environment was ready.</summary>
    public const string AppHostExited = "PREVIEW2003";

    /// <summary>Another build holds the lock of the environment for too long.</summary>
    public const string EnvironmentLocked = "PREVIEW2004";

    /// <summary>Some processes of an environment survived PreviewDown.</summary>
    public const string ProcessesLeftBehind = "PREVIEW2005";

    /// <summary>The built app host to start does not exist.</summary>
    public const string AppHostMissing = "PREVIEW2006";

    /// <summary>Starting the environment would exceed its team's budget; the team's running environments hold it.</summary>
    public const string BudgetExceeded = "PREVIEW2007";

    /// <summary>The environment alone needs more than its team's whole budget.</summary>
    public const string EnvironmentLargerThanBudget = "PREVIEW2008";

    /// <summary>The budget file named by PreviewBudgetFile does not exist or cannot be read.</summary>
    public const string BudgetFileNotFound = "PREVIEW2009";

    /// <summary>The budget file is not valid YAML.</summary>
    public const string InvalidBudgetFile = "PREVIEW2010";

    /// <summary>Another build holds the registry-wide lock (budget check and reservation) for too long.</summary>
    public const string RegistryLocked = "PREVIEW2011";

    /// <summary>PreviewExtend names an environment that does not run.</summary>
    public const string EnvironmentNotRunning = "PREVIEW2012";

    // 3xxx: backing services and engines.

    /// <summary>PostgreSQL binaries (initdb, postgres) were not found.</summary>
    public const string PostgresNotFound = "PREVIEW3001";

    /// <summary>redis-server was not found.</summary>
    public const string RedisNotFound = "PREVIEW3002";

    /// <summary>Preparing a backing service's data folder failed (for example initdb).</summary>
    public const string BackingServiceInitFailed = "PREVIEW3003";

    /// <summary>A service has CPU or memory limits, but cgroups cannot be used here: best effort only (a warning).</summary>
    public const string LimitsBestEffort = "PREVIEW3010";

    /// <summary>The cgroup of a limited replica could not be created, written or joined.</summary>
    public const string LimitsCgroupFailed = "PREVIEW3011";

    /// <summary>The cgroups of a stopped environment could not be removed.</summary>
    public const string LimitsCgroupNotRemoved = "PREVIEW3012";

    // 4xxx: seeding and migrations.

    /// <summary>A seed setting for a table the database does not have.</summary>
    public const string SeedTableUnknown = "PREVIEW4010";

    /// <summary>A seed override for a column (or table) the database does not have.</summary>
    public const string SeedColumnUnknown = "PREVIEW4011";

    /// <summary>A dataset override whose path is no Bogus dataset method returning text or a number.</summary>
    public const string SeedDatasetUnknown = "PREVIEW4012";

    /// <summary>An override value that the column's type cannot hold.</summary>
    public const string SeedValueInvalid = "PREVIEW4013";

    /// <summary>An override value that breaks the column's NOT NULL, length or CHECK constraints.</summary>
    public const string SeedValueBreaksConstraint = "PREVIEW4014";

    /// <summary>An override that cannot apply to its column: a range on text, an empty list, a generated column.</summary>
    public const string SeedOverrideNotApplicable = "PREVIEW4015";

    /// <summary>A NOT NULL column of a type the seeder cannot generate.</summary>
    public const string SeedColumnNeedsOverride = "PREVIEW4016";

    /// <summary>A CHECK constraint beyond the seeder, on columns without overrides.</summary>
    public const string SeedCheckNotUnderstood = "PREVIEW4017";

    /// <summary>Constraints that leave a column no value the seeder can generate.</summary>
    public const string SeedCheckUnsatisfiable = "PREVIEW4018";

    /// <summary>A CHECK regular expression beyond the seeder's simple patterns.</summary>
    public const string SeedPatternUnsupported = "PREVIEW4019";

    /// <summary>A unique constraint with fewer possible values than rows.</summary>
    public const string SeedUniqueUnsatisfiable = "PREVIEW4020";

    /// <summary>Tables that reference each other in a cycle of NOT NULL foreign keys.</summary>
    public const string SeedForeignKeyCycle = "PREVIEW4021";

    /// <summary>A NOT NULL foreign key to a table that is skipped or not seeded.</summary>
    public const string SeedForeignKeyToSkippedTable = "PREVIEW4022";

    /// <summary>Per-parent sizing that names a table the child does not reference, or a skipped one.</summary>
    public const string SeedPerParentInvalid = "PREVIEW4023";

    /// <summary>Per-parent sizing whose min and max are not a range of counts.</summary>
    public const string SeedPerParentRange = "PREVIEW4024";

    /// <summary>A self-referencing or cyclic foreign key in a table without a primary key.</summary>
    public const string SeedDeferredWithoutKey = "PREVIEW4025";

    /// <summary>A referenced key column whose values children cannot compute from a row number.</summary>
    public const string SeedKeyNotComputable = "PREVIEW4026";

    /// <summary>Generation ran out of distinct values for a unique constraint (raised while loading).</summary>
    public const string SeedUniqueValuesExhausted = "PREVIEW4027";

    /// <summary>A row count or scale that is not a count of rows.</summary>
    public const string SeedRowCountInvalid = "PREVIEW4028";

    /// <summary>A NOT NULL foreign key to a table that ends up with no rows.</summary>
    public const string SeedParentHasNoRows = "PREVIEW4029";

    /// <summary>A unique constraint made only of foreign key columns filled in the second pass (self-references, cycles).</summary>
    public const string SeedUniqueOnLateForeignKey = "PREVIEW4030";

    /// <summary>The database to seed carries no PreviewSdk environment marker.</summary>
    public const string SeedDatabaseNotMarked = "PREVIEW4040";

    /// <summary>A database error while loading seed rows; the whole load was rolled back.</summary>
    public const string SeedLoadFailed = "PREVIEW4041";

    /// <summary>The database to seed is marked as another environment's database.</summary>
    public const string SeedDatabaseOfAnotherEnvironment = "PREVIEW4042";

    /// <summary>Tables to seed already hold rows and no reset was asked for.</summary>
    public const string SeedTablesNotEmpty = "PREVIEW4043";

    /// <summary>A migration deleted rows of a table that held data.</summary>
    public const string MigrationLostRows = "PREVIEW4060";

    /// <summary>A migration dropped a table that held rows.</summary>
    public const string MigrationDroppedTable = "PREVIEW4061";

    /// <summary>A migration dropped a column that held values.</summary>
    public const string MigrationDroppedColumn = "PREVIEW4062";

    /// <summary>A migration changed the type of a column that held values to one that cannot hold them all.</summary>
    public const string MigrationRetypedColumn = "PREVIEW4063";

    /// <summary>A migration set values of a column to NULL.</summary>
    public const string MigrationNulledColumn = "PREVIEW4064";

    /// <summary>A migration shortened (truncated or blanked) the values of a column.</summary>
    public const string MigrationTruncatedColumn = "PREVIEW4065";

    /// <summary>The migration base names no migration.</summary>
    public const string MigrationBaseNotFound = "PREVIEW4066";

    /// <summary>The git ref of the migration base does not exist.</summary>
    public const string MigrationBaseRefNotFound = "PREVIEW4067";

    /// <summary>The migration base is a git ref, but the migrations are not in a git work tree (or git is missing).</summary>
    public const string MigrationBaseNeedsGit = "PREVIEW4068";

    /// <summary>Applying a migration to the scratch database failed.</summary>
    public const string MigrationFailed = "PREVIEW4069";

    /// <summary>The <c>dotnet ef</c> tool is not available, even after <c>dotnet tool restore</c>.</summary>
    public const string DotnetEfMissing = "PREVIEW4070";

    /// <summary>Building the EF Core startup project or listing its migrations failed.</summary>
    public const string DotnetEfFailed = "PREVIEW4071";

    /// <summary>No database of preview.yaml has migrations the check can apply.</summary>
    public const string NoMigrationsToCheck = "PREVIEW4072";

    /// <summary>PreviewMigrationDatabase names a database that is not seeded with checkable migrations.</summary>
    public const string UnknownMigrationDatabase = "PREVIEW4073";

    /// <summary>The scratch PostgreSQL server of the migration check could not start.</summary>
    public const string ScratchPostgresFailed = "PREVIEW4074";

    /// <summary>Seeding the scratch database failed without a more precise diagnostic.</summary>
    public const string ScratchSeedingFailed = "PREVIEW4075";

    /// <summary><c>-t:PreviewSeed</c> found no running, ready environment of that name.</summary>
    public const string SeedEnvironmentNotRunning = "PREVIEW4080";

    /// <summary><c>-t:PreviewSeed</c> has no database to seed: none in <c>seed:</c>, or not the one asked for.</summary>
    public const string NothingToSeed = "PREVIEW4081";
    // 4060-4079: the migration check (-t:PreviewMigrationCheck).

    // 5xxx: links, gateway and CI.

    // 6xxx: checks and alerts. 6001-6009: a check that failed; 6010-6019: -t:PreviewTest.

    /// <summary>A check got another status than it expects.</summary>
    public const string CheckWrongStatus = "PREVIEW6001";

    /// <summary>A check's answer does not contain the text it expects.</summary>
    public const string CheckBodyMismatch = "PREVIEW6002";

    /// <summary>A check's answer took longer than its maxLatency.</summary>
    public const string CheckTooSlow = "PREVIEW6003";

    /// <summary>A check got no answer: refused, reset or timed out.</summary>
    public const string CheckNoAnswer = "PREVIEW6004";

    /// <summary><c>-t:PreviewTest</c> found no running, ready environment of that name.</summary>
    public const string TestEnvironmentNotRunning = "PREVIEW6010";

    /// <summary><c>-t:PreviewTest</c> found no checks in preview.yaml (a warning).</summary>
    public const string NoChecks = "PREVIEW6011";

    /// <summary>The JUnit report of <c>-t:PreviewTest</c> could not be written.</summary>
    public const string TestReportNotWritten = "PREVIEW6012";

    // 6020-6029: webhook delivery; 6030-6039: alerts; 6040-6049: telemetry and dashboard commands.

    /// <summary>An attempt to deliver an alert to a webhook failed; it is tried again (a warning in the app host's log).</summary>
    public const string WebhookAttemptFailed = "PREVIEW6020";

    /// <summary>An alert could not be delivered to a webhook after every attempt (a warning in the app host's log).</summary>
    public const string WebhookDeliveryFailed = "PREVIEW6021";

    /// <summary>Alert: a resource exited or crashed while the environment ran.</summary>
    public const string AlertResourceExited = "PREVIEW6030";

    /// <summary>Alert: a resource turned unhealthy.</summary>
    public const string AlertResourceUnhealthy = "PREVIEW6031";

    /// <summary>Alert: a synthetic check of a resource fails.</summary>
    public const string AlertCheckFailing = "PREVIEW6032";

    /// <summary>Alert: a resource logged more errors than the threshold within the window.</summary>
    public const string AlertErrorLogs = "PREVIEW6033";

    /// <summary>The dashboard's telemetry API cannot be read, so error logs are not counted (a warning in the app host's log).</summary>
    public const string TelemetryUnavailable = "PREVIEW6040";

    // 9xxx: unexpected.

    /// <summary>An exception PreviewSdk did not expect: a bug, reported instead of crashing the build.</summary>
    public const string UnexpectedError = "PREVIEW9001";
}
