using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Planning;

/// <summary>A runnable ProjectReference together with its <c>services:</c> entry, once names are settled.</summary>
/// <param name="Project">The project.</param>
/// <param name="Name">The service name: the entry's key, or the name derived from the project file.</param>
/// <param name="NameLocation">The entry's key, or the ProjectReference in the preview project.</param>
/// <param name="Entry">The <c>services:</c> entry, or null when the project is not listed.</param>
internal sealed record BoundService(ServiceProject Project, string Name, SourceLocation NameLocation, ServiceEntry? Entry);
