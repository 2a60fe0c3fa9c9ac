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
/// <item><description>7xxx: the Kubernetes target (cluster access, apply and rollout, images, expiry).</description></item>
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

    // 1030-1039: profiles.

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

    /// <summary>
    /// Retired in 0.2, when containers became supported: it said that <c>runtime: container</c> was not supported
    /// yet. Never reported any more; the number is not reused.
    /// </summary>
    public const string ContainerRuntimeNotSupported = "PREVIEW1035";

    // 1040-1049: the gateway's properties (PreviewDomain, PreviewBindAddress, PreviewGatewayPort, PreviewAuth,
    // PreviewTrustedProxies, PreviewPublicUrl).

    /// <summary><c>PreviewDomain</c> is not a host name.</summary>
    public const string InvalidGatewayDomain = "PREVIEW1040";

    /// <summary><c>PreviewBindAddress</c> is not an IP address.</summary>
    public const string InvalidBindAddress = "PREVIEW1041";

    /// <summary><c>PreviewGatewayPort</c> is not a port number (1–65535).</summary>
    public const string InvalidGatewayPort = "PREVIEW1042";

    /// <summary><c>PreviewGatewayPort</c> is in use on the bind address.</summary>
    public const string GatewayPortInUse = "PREVIEW1043";

    /// <summary><c>PreviewAuth</c> is neither <c>token</c> nor <c>none</c>.</summary>
    public const string InvalidAuthMode = "PREVIEW1044";

    /// <summary>An entry of <c>PreviewTrustedProxies</c> is neither an IP address nor a CIDR range.</summary>
    public const string InvalidTrustedProxy = "PREVIEW1045";

    /// <summary><c>PreviewPublicUrl</c> is not an absolute http(s) URL of a host name without path or query.</summary>
    public const string InvalidPublicUrl = "PREVIEW1046";

    /// <summary><c>PreviewDomain</c> names another domain than <c>PreviewPublicUrl</c>'s host.</summary>
    public const string DomainConflictsWithPublicUrl = "PREVIEW1047";

    /// <summary>A host name the gateway would answer to is longer than DNS allows.</summary>
    public const string GatewayHostNameTooLong = "PREVIEW1048";

    // 1050-1059: keys and properties added for adopting existing apps.

    /// <summary>The app name is one of the state root's own folder names (<c>failed</c>, <c>locks</c>).</summary>
    public const string ReservedAppName = "PREVIEW1050";

    // 1100-1119: previewsdk init (a .NET tool, not MSBuild; printed in the same form).

    /// <summary>The app host, solution or folder given to init does not exist.</summary>
    public const string InitPathNotFound = "PREVIEW1100";

    /// <summary>What init was given is not, or holds no, Aspire app host.</summary>
    public const string InitNoAppHost = "PREVIEW1101";

    /// <summary>The solution or folder given to init holds more than one Aspire app host.</summary>
    public const string InitSeveralAppHosts = "PREVIEW1102";

    /// <summary>The app host's model could not be read through its publish manifest.</summary>
    public const string InitManifestFailed = "PREVIEW1103";

    /// <summary>A file init would write exists already; init never overwrites.</summary>
    public const string InitFileExists = "PREVIEW1105";

    /// <summary>The command line of previewsdk makes no sense (unknown command or option, missing value).</summary>
    public const string InitInvalidArguments = "PREVIEW1106";

    // 1060-1079: input files and values (hostile or malformed input).

    /// <summary>An input file (preview.yaml, a budget file, an SQL migration) is a directory, a FIFO, a device or a socket, not a regular file.</summary>
    public const string InputNotAFile = "PREVIEW1060";

    /// <summary>An input file is larger than the documented limit of its kind.</summary>
    public const string InputTooLarge = "PREVIEW1061";

    /// <summary>An input file is not UTF-8 text.</summary>
    public const string InputNotUtf8 = "PREVIEW1062";

    /// <summary>A value bound for a process environment holds a character no environment can carry (NUL).</summary>
    public const string CharacterNotInEnvironment = "PREVIEW1063";

    /// <summary>More diagnostics than are shown per file: the summary line with how many were left out.</summary>
    public const string DiagnosticsNotShown = "PREVIEW1064";

    // 1140-1149: the target and the Kubernetes target's properties.

    /// <summary><c>PreviewTarget</c> is neither <c>local</c> nor <c>kubernetes</c>.</summary>
    public const string InvalidPreviewTarget = "PREVIEW1140";

    /// <summary><c>PreviewKubeContext</c> holds control characters or is longer than 253 characters.</summary>
    public const string InvalidKubeContext = "PREVIEW1141";

    /// <summary><c>PreviewKubeconfig</c> names a file that does not exist.</summary>
    public const string KubeconfigNotFound = "PREVIEW1142";

    /// <summary><c>PreviewRegistry</c> is not a registry address (host, optional port, optional repository path).</summary>
    public const string InvalidRegistry = "PREVIEW1143";

    /// <summary><c>PreviewIngressClass</c> is not a Kubernetes object name.</summary>
    public const string InvalidIngressClass = "PREVIEW1144";

    /// <summary>The Kubernetes target with the default domain <c>localhost</c>, which an ingress cannot serve.</summary>
    public const string KubernetesDomainRequired = "PREVIEW1145";

    /// <summary><c>-t:Preview</c> on the Kubernetes target without <c>PreviewRegistry</c>.</summary>
    public const string KubernetesRegistryRequired = "PREVIEW1146";
    /// <summary>An <c>image:</c> that is no image name with a tag.</summary>
    public const string InvalidImage = "PREVIEW1080";

    /// <summary><c>runtime: auto</c> on a service, which runs either from its project or as a container, never "whichever works".</summary>
    public const string AutoRuntimeOnService = "PREVIEW1082";
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

    // 2020-2029: post-mortems and pruning.

    /// <summary>The logs and reports of a failed start could not be kept in the post-mortem folder (a warning).</summary>
    public const string PostMortemNotKept = "PREVIEW2020";

    /// <summary>PreviewPrune could not remove some post-mortems or temp folders (a warning).</summary>
    public const string PruneIncomplete = "PREVIEW2021";

    // 2030-2039: the state folder and the processes of environments (hardening).

    /// <summary>The state folder (root, locks, an environment's folder) cannot be written or deleted.</summary>
    public const string StateFolderNotWritable = "PREVIEW2030";

    /// <summary>A resource kept stopping after the environment was ready; its profile's restart policy allows no more restarts.</summary>
    public const string RestartLimitReached = "PREVIEW2031";

    // 2040-2044: repeated -t:Preview on a running environment.

    /// <summary>A repeated -t:Preview asked the running app host to restart changed services, and it did not answer in time (or exited).</summary>
    public const string ServiceRestartUnanswered = "PREVIEW2040";

    /// <summary>A changed service restarted by a repeated -t:Preview did not run healthy again (or Aspire refused to restart it).</summary>
    public const string ServiceRestartFailed = "PREVIEW2041";

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

    // 3020-3029: self-healing of services and backing servers.

    /// <summary>A resource stopped after the environment was ready and is being restarted (a warning, in its log).</summary>
    public const string ResourceRestarting = "PREVIEW3020";

    /// <summary>Containers are needed, but no container engine answers (none found, or it is stopped).</summary>
    public const string ContainerEngineNotFound = "PREVIEW3030";

    /// <summary>The container engine's socket exists, but this user may not open it.</summary>
    public const string ContainerEngineNotAccessible = "PREVIEW3031";

    /// <summary>The container engine serves a Docker Engine API older than PreviewSdk needs.</summary>
    public const string ContainerEngineTooOld = "PREVIEW3032";

    /// <summary>An image is neither in the engine nor pullable.</summary>
    public const string ContainerImageUnavailable = "PREVIEW3033";

    /// <summary>Containers, volumes or networks labelled for a stopped environment could not be removed.</summary>
    public const string ContainersNotRemoved = "PREVIEW3034";

    /// <summary>Building a service's container image (<c>dotnet publish -t:PublishContainer</c>) failed.</summary>
    public const string ServiceImageBuildFailed = "PREVIEW3035";

    /// <summary>The seeded data of a PostgreSQL container could not be kept as a template image.</summary>
    public const string ContainerTemplateBuildFailed = "PREVIEW3070";

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

    /// <summary>Applying a migration (an SQL file in an environment or the migration check, or an EF Core migration) failed.</summary>
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

    // 4120-4159: seeding any real schema (SQL runner, types, expressions, the seed report).

    /// <summary>A database or file error stopped the seeding outside the load (connection lost, schema unreadable).</summary>
    public const string SeedDatabaseError = "PREVIEW4120";

    /// <summary>Something PreviewSdk did not expect stopped the seeding: a bug, reported as one coded line.</summary>
    public const string SeedUnexpectedError = "PREVIEW4121";

    /// <summary>PostgreSQL refused an <c>expression:</c> override while the rows were inserted.</summary>
    public const string SeedExpressionFailed = "PREVIEW4122";

    // 4160-4179: real application schemas (runner and seeder fixes they revealed).

    /// <summary>An SQL migration ended inside a transaction it opened (BEGIN without COMMIT); the runner committed it.</summary>
    public const string MigrationLeftTransactionOpen = "PREVIEW4160";

    /// <summary>The database's triggers filled a table before its turn, and other seeded tables reference it.</summary>
    public const string SeedTableFilledByTriggers = "PREVIEW4161";

    // 4180-4189: seeded-data templates.

    /// <summary>The environment seeded its database, but keeping it as a template failed (a warning: the next environment seeds again).</summary>
    public const string TemplateBuildFailed = "PREVIEW4180";

    /// <summary>Cloning a template failed; the environment seeds its database itself (a warning).</summary>
    public const string TemplateCloneFailed = "PREVIEW4181";

    // 4060-4079: the migration check (-t:PreviewMigrationCheck).

    // 4100-4119: the environment's seeding: waiting for migrations, rows the app wrote itself, failures.

    /// <summary>The EF Core project named by <c>migrations.efcore</c> has no migrations to wait for (a warning).</summary>
    public const string EfCoreProjectWithoutMigrations = "PREVIEW4100";

    /// <summary>The migrating service settled, but the database still lacks migrations of the EF Core project.</summary>
    public const string MigrationsNotApplied = "PREVIEW4101";

    /// <summary>The database has no tables once its migrations are done: nothing was seeded (a warning).</summary>
    public const string SeedNoTables = "PREVIEW4102";

    /// <summary><c>existing: keep</c> and the app wrote rows itself: its rows are kept and nothing is seeded (a warning).</summary>
    public const string SeedKeptExistingRows = "PREVIEW4103";

    /// <summary><c>existing: fail</c> and the app wrote rows itself.</summary>
    public const string SeedExistingRowsRefused = "PREVIEW4104";

    // 5xxx: links, gateway and CI.
    // 5001-5039: the gateway, its authentication and token rotation.

    /// <summary>Warning: the environment runs with <c>PreviewAuth=none</c>; its links open for anyone who reaches the gateway.</summary>
    public const string AuthDisabled = "PREVIEW5001";

    /// <summary>Warning: <c>PreviewAuth=none</c> on a gateway listening beyond the loopback: anyone on the network gets in.</summary>
    public const string AuthDisabledOnNetwork = "PREVIEW5002";

    /// <summary>The gateway could not start listening (the port was taken after the build checked it, or the address is not the machine's).</summary>
    public const string GatewayListenFailed = "PREVIEW5003";

    /// <summary><c>-t:PreviewRotateToken</c> found no running environment of that name.</summary>
    public const string RotateEnvironmentNotRunning = "PREVIEW5004";

    /// <summary><c>-t:PreviewRotateToken</c> on an environment without authentication: there is no token.</summary>
    public const string RotateWithoutAuth = "PREVIEW5005";

    /// <summary>The running gateway still accepted the old token after the rotation.</summary>
    public const string RotationNotApplied = "PREVIEW5006";

    /// <summary>The environment's token file is missing or empty while its gateway asks for a token.</summary>
    public const string AccessTokenMissing = "PREVIEW5007";

    // 5050-5069: pull request and CI output (warnings: publishing never fails a preview).

    /// <summary>GitHub answered the pull request comment's request with an error (5xx, 422, a rate limit).</summary>
    public const string PullRequestCommentFailed = "PREVIEW5050";

    /// <summary>GitHub refused the token (401, 403): missing <c>pull-requests: write</c>, a fork's read-only token.</summary>
    public const string GitHubTokenRefused = "PREVIEW5051";

    /// <summary>GitHub found no such repository or pull request (404).</summary>
    public const string PullRequestNotFound = "PREVIEW5052";

    /// <summary>GitHub's API could not be reached, or did not answer in time.</summary>
    public const string GitHubUnreachable = "PREVIEW5053";

    /// <summary>The links could not be appended to the GitHub Actions step summary file.</summary>
    public const string StepSummaryNotWritten = "PREVIEW5054";

    /// <summary>The event file (<c>GITHUB_EVENT_PATH</c>) could not be read or is not a GitHub event.</summary>
    public const string EventFileUnreadable = "PREVIEW5055";

    /// <summary>A pull request is known, but <c>GITHUB_TOKEN</c> or <c>GITHUB_REPOSITORY</c> is not set.</summary>
    public const string CommentSettingsIncomplete = "PREVIEW5056";

    /// <summary><c>GITHUB_REPOSITORY</c> or <c>GITHUB_API_URL</c> has a value that cannot be used.</summary>
    public const string GitHubVariableInvalid = "PREVIEW5057";

    /// <summary><c>PreviewCommentToken=true</c>, but the repository is not known to be private: the token is left out.</summary>
    public const string CommentTokenNotPrivate = "PREVIEW5058";

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

    // 7xxx: the Kubernetes target.
    // 7001-7009: the kubeconfig and the cluster's answer; 7010-7019: apply and rollout; 7020-7029: namespaces;
    // 7030-7039: images; 7040-7049: expiry on the cluster (warnings).

    /// <summary>The kubeconfig does not parse, or names files (certificates, keys) that cannot be read.</summary>
    public const string KubeconfigUnreadable = "PREVIEW7001";

    /// <summary><c>PreviewKubeContext</c> (or the kubeconfig's current context) is not in the kubeconfig.</summary>
    public const string KubeContextNotFound = "PREVIEW7002";

    /// <summary>The cluster's API server did not answer.</summary>
    public const string ClusterUnreachable = "PREVIEW7003";

    /// <summary>The cluster refused the kubeconfig's credentials or the request (401, 403).</summary>
    public const string ClusterAccessDenied = "PREVIEW7004";

    /// <summary>No kubeconfig was given or found, and the build does not run in a pod.</summary>
    public const string KubeconfigMissing = "PREVIEW7005";

    /// <summary>An external dependency's credential variable is not set in the build's environment.</summary>
    public const string ExternalCredentialMissing = "PREVIEW7006";

    /// <summary>The environment's workloads did not become ready within <c>PreviewTimeout</c>.</summary>
    public const string RolloutTimedOut = "PREVIEW7010";

    /// <summary>The seeding Job of a database failed.</summary>
    public const string SeedJobFailed = "PREVIEW7011";

    /// <summary>The cluster refused to apply an object (invalid, forbidden, over quota).</summary>
    public const string ObjectRefused = "PREVIEW7012";

    /// <summary>A namespace of the environment's name exists but does not carry this environment's labels.</summary>
    public const string NamespaceNotOurs = "PREVIEW7020";

    /// <summary>A namespace being deleted did not go away in time.</summary>
    public const string NamespaceDeletionTimedOut = "PREVIEW7021";

    /// <summary>The registry refused the image of a service, or could not be reached.</summary>
    public const string RegistryPushFailed = "PREVIEW7030";

    /// <summary>Warning: the expiry CronJob could not be installed on the cluster.</summary>
    public const string SweeperNotInstalled = "PREVIEW7040";

    /// <summary>Warning: an expired environment's namespace could not be deleted.</summary>
    public const string SweepFailed = "PREVIEW7041";

    // 9xxx: unexpected.

    /// <summary>An exception PreviewSdk did not expect: a bug, reported instead of crashing the build.</summary>
    public const string UnexpectedError = "PREVIEW9001";
}
