namespace PreviewSdk.Core.Planning;

/// <summary>
/// One ProjectReference of the preview project, as the MSBuild layer resolved it (references marked
/// <c>PreviewService="false"</c> are already left out).
/// </summary>
/// <param name="ProjectPath">The absolute path of the referenced project file.</param>
/// <param name="IsRunnable">True when its OutputType is Exe or WinExe.</param>
/// <param name="IsWeb">True when it uses Microsoft.NET.Sdk.Web, so it serves HTTP.</param>
public sealed record ServiceProject(string ProjectPath, bool IsRunnable, bool IsWeb);
