using PreviewSdk.Core.Manifest;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>A synthetic check of a service (<see cref="SyntheticCheckBuilderExtensions.WithSyntheticCheck{T}"/>), and the health check that shows its last result.</summary>
/// <param name="Check">The check.</param>
/// <param name="HealthCheckKey">The name of its health check, as the dashboard lists it under the service's health.</param>
public sealed record PreviewCheckAnnotation(CheckEntry Check, string HealthCheckKey) : IResourceAnnotation;
