namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>What one workload of the environment may take at most: its containers' size times its pods, and the storage it claims.</summary>
/// <param name="Component">The workload's name, for messages.</param>
/// <param name="Size">One pod's container size.</param>
/// <param name="Pods">How many pods run at once.</param>
/// <param name="StorageBytes">Bytes of persistent volume claims, over all pods.</param>
/// <param name="Claims">How many persistent volume claims.</param>
public sealed record Allocation(string Component, ContainerSize Size, int Pods, long StorageBytes = 0, int Claims = 0);
