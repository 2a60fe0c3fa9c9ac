using System.Reflection;
using Bogus;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Generation.Overrides;

/// <summary>
/// The Bogus dataset methods a <c>dataset:</c> override may name: for each dataset a <see cref="Faker"/> exposes
/// (<c>name</c>, <c>internet</c>, <c>address</c>, <c>commerce</c>, <c>company</c>, <c>phone</c>, <c>lorem</c>…),
/// its public methods that take no arguments (or only optional ones) and return text or a number. Paths are
/// <c>dataset.method</c>, matched ignoring case.
/// </summary>
internal static class DatasetCatalog
{
    private static readonly Type[] NumberTypes = [typeof(int), typeof(long), typeof(short), typeof(byte), typeof(double), typeof(float), typeof(decimal)];
    private static readonly Lazy<IReadOnlyDictionary<string, DatasetMethod>> Methods = new(Discover);

    /// <summary>Every path, in a stable order, for suggestions.</summary>
    public static IEnumerable<string> Paths => Methods.Value.Values.Select(m => m.Path).Order(StringComparer.Ordinal);

    /// <summary>The method a path names, or null.</summary>
    public static DatasetMethod? Find(string path) => Methods.Value.GetValueOrDefault(path.Trim().ToLowerInvariant());

    /// <summary>Up to five paths close to a mistyped one (in the named dataset when that part is right), closest first.</summary>
    public static IReadOnlyList<string> CloseMatches(string path)
    {
        var typed = path.Trim();
        var dot = typed.IndexOf('.', StringComparison.Ordinal);
        var dataset = dot > 0 ? typed[..dot] : typed;
        var sameDataset = Paths.Where(p => p.StartsWith(dataset + ".", StringComparison.OrdinalIgnoreCase)).ToList();
        var pool = sameDataset.Count > 0 ? sameDataset : Paths.ToList();
        return pool
            .Select(p => (Path: p, Distance: SpellingSuggestion.EditDistance(typed.ToLowerInvariant(), p.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Path, StringComparer.Ordinal)
            .Take(5)
            .Select(x => x.Path)
            .ToList();
    }

    private static IReadOnlyDictionary<string, DatasetMethod> Discover()
    {
        var result = new Dictionary<string, DatasetMethod>(StringComparer.Ordinal);
        foreach (var property in typeof(Faker).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType.IsSubclassOf(typeof(DataSet)))
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var dataset = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var methods = property.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.DeclaringType != typeof(DataSet) && m.DeclaringType != typeof(object) && !m.IsSpecialName && !m.IsGenericMethod)
                .Where(m => m.ReturnType == typeof(string) || NumberTypes.Contains(m.ReturnType))
                .Where(m => m.GetParameters().All(p => p.IsOptional))
                // Overloads: the one with the fewest parameters.
                .OrderBy(m => m.GetParameters().Length);
            foreach (var method in methods)
            {
                var name = char.ToLowerInvariant(method.Name[0]) + method.Name[1..];
                var path = $"{dataset}.{name}";
                result.TryAdd(path.ToLowerInvariant(), new DatasetMethod(path, property.PropertyType, method));
            }
        }

        return result;
    }
}

/// <summary>A Bogus dataset method a path names.</summary>
/// <param name="Path">The canonical path, e.g. <c>internet.email</c>.</param>
/// <param name="DatasetType">The dataset class (<c>Bogus.DataSets.Internet</c>).</param>
/// <param name="Method">The method.</param>
internal sealed record DatasetMethod(string Path, Type DatasetType, MethodInfo Method)
{
    /// <summary>True when it returns a number rather than text.</summary>
    public bool ReturnsNumber => Method.ReturnType != typeof(string);

    /// <summary>The arguments to call it with: every parameter's default.</summary>
    public object?[] DefaultArguments => Method.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Type.Missing).ToArray();
}
