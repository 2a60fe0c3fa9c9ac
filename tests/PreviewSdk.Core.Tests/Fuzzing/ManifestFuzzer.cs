using System.Text;
using static PreviewSdk.Core.Tests.Fuzzing.YamlTree;

namespace PreviewSdk.Core.Tests.Fuzzing;

/// <summary>
/// Makes malformed preview.yaml files the way a careless or hostile user would: a valid document of every section
/// (structure-aware) with values, keys and shapes mutated, rendered in block or flow style, then, for some, the
/// bytes mutated (invalid UTF-8, NUL, tabs, a byte order mark, truncation, repeated lines). Deterministic per seed.
/// </summary>
internal sealed class ManifestFuzzer(int seed)
{
    private static readonly string[] HostileScalars =
    [
        "0", "-1", "1", "2", "100", "101", "16384", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
        "99999999999999999999999999999", "1e400", "1e-400", "NaN", ".nan", ".inf", "-.inf", "1.5", "0.0001", "0x10",
        "0o17", "1_000", "+5", "\"2\"", "'3'", "''", "\"\"", "~", "null", "Null", "true", "false", "yes", "no", "on",
        "[]", "{}", "[1, 2]", "{a: 1}", "\"\\0\"", "\"a\\0b\"", "\"line\\nbreak\"", "\"\\t\"", "\"\\u2028\"", "café",
        "😀", "-", "--", "a--b", "UPPER", "a b", "a=b", "=x", "/health", "health", "/a b", "1024Ti", "1025Ti", "500m",
        "0.001", "1025", "-5Gi", "5Xi", "8h", "0s", "1m", "366d", "9999999999d", "1h30", "&anchor x", "*anchor",
        "*undefined", "!!str 5", "!!int x", "!!binary AAAA", "!custom x", "shop-api", "shopdb", "postgres", "redis",
        "lightweight", "heavyweight", "container", "local", "Shop.Api", "../x", "/etc/passwd", "$(HOME)", "'; DROP TABLE x; --",
    ];

    private static readonly string[] KeyMutations =
    [
        "", "\"\"", "servcies", "dependencys", "replica", "helth", "USES", "app ", "?", "[1, 2]", "{a: 1}", "~", "1",
        "true", "shop-api", "a.b", "-x", "\"\\0\"", "&k key", "*k", "<<",
    ];

    private readonly Random random = new(seed);

    /// <summary>The next preview.yaml, as bytes.</summary>
    public byte[] Next()
    {
        var tree = random.Next(12) == 0 ? Pathological() : Valid();
        var mutations = random.Next(4);
        for (var i = 0; i < mutations; i++)
        {
            tree = Mutate(tree, depth: 0);
        }

        var text = tree.Render(flowFrom: random.Next(3) == 0 ? random.Next(0, 4) : int.MaxValue);
        var bytes = Encoding.UTF8.GetBytes(text);
        return random.Next(3) == 0 ? MutateBytes(bytes) : bytes;
    }

    private YamlTree Valid() => Map(
        ("app", Plain("shop")),
        ("team", Plain("shop")),
        ("budget", Map(("environments", Plain("3")), ("cpu", Plain("4")), ("memory", Plain("8Gi")))),
        ("dependencies", Map(
            ("postgres", Map(("type", Plain("postgres")), ("databases", List(Plain("shopdb"), Plain("auditdb"))))),
            ("cache", Map(("type", Plain("redis")), ("optional", Plain("true")))))),
        ("services", Map(
            ("shop-api", Map(("project", Plain("Shop.Api")), ("health", Plain("/health")), ("replicas", Plain("2")),
                ("env", Map(("Orders__BatchSize", Plain("20")), ("GREETING", Plain("\"hello\"")))), ("uses", List(Plain("shopdb"), Plain("cache"))))),
            ("shop-worker", Map(("uses", List(Plain("shopdb"), Plain("shop-api"))))),
            ("shop-web", Map(("uses", List(Plain("shop-api"))))))),
        ("seed", Map(("shopdb", Map(
            ("seed", Plain("42")), ("rows", Plain("50")), ("scale", Map(("heavyweight", Plain("20")))),
            ("migrations", Map(("service", Plain("shop-api")))), ("exclude", List(Plain("__EFMigrationsHistory"))),
            ("tables", Map(("products", Plain("40")), ("order_lines", Map(("per", Plain("orders")), ("min", Plain("1")), ("max", Plain("5")))))),
            ("columns", Map(("products.price", Map(("range", List(Plain("1"), Plain("500"))))), ("customers.country", Map(("values", List(Plain("DE"), Plain("FR"))))))))))),
        ("profiles", Map(
            ("heavyweight", Map(("ttl", Plain("4h")), ("services", Map(("shop-api", Map(("replicas", Plain("3")), ("cpu", Plain("1")), ("memory", Plain("512Mi")),
                ("features", Map(("NewCheckout", Plain("true")))))))), ("dependencies", Map(("postgres", Map(("scale", Plain("10")), ("runtime", Plain("local")))))))),
            ("load", Map(("extends", Plain("heavyweight")), ("dependencies", Map(("cache", Map(("enabled", Plain("false")))))))))));

    // Shapes that stress the reader rather than the rules: deep nesting, alias fan-out, many keys, long values.
    private YamlTree Pathological()
    {
        switch (random.Next(5))
        {
            case 0:
                YamlTree deep = Plain("x");
                for (var i = random.Next(50, 200); i > 0; i--)
                {
                    deep = random.Next(2) == 0 ? Map(("k", deep)) : List(deep);
                }

                return Map(("services", deep));
            case 1:
                // The billion laughs, kept small in text: each level refers to the one before ten times.
                var laughs = new YamlMap([]);
                laughs.Entries.Add((Plain("l0"), Plain("&l0 lol")));
                for (var i = 1; i < 12; i++)
                {
                    laughs.Entries.Add((Plain($"l{i}"), Plain($"&l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]")));
                }

                return Map(("services", Map(("shop-api", Map(("env", laughs))))), ("dependencies", Plain("*l11")));
            case 2:
                return new YamlMap(Enumerable.Range(0, random.Next(100, 3_000)).Select(i => ((YamlTree)Plain($"key{i}"), (YamlTree)Plain("1"))).ToList());
            case 3:
                return Map(("app", Plain(new string('a', random.Next(1_000, 200_000)))), ("services", Map((new string('s', random.Next(100, 5_000)), Plain("~")))));
            default:
                return Map(("services", new YamlMap(Enumerable.Range(0, random.Next(10, 400)).Select(i => ((YamlTree)Plain($"s{i}"), (YamlTree)Map(("uses", List(Plain($"s{(i + 1) % 7}")))))).ToList())));
        }
    }

    private YamlTree Mutate(YamlTree node, int depth)
    {
        // Descend to a random place, then change what is there.
        if (random.Next(3) != 0 || depth > 6)
        {
            switch (node)
            {
                case YamlMap { Entries.Count: > 0 } map:
                    var entries = map.Entries.ToList();
                    var index = random.Next(entries.Count);
                    entries[index] = random.Next(5) == 0
                        ? (Plain(random.Next(2) == 0 ? KeyMutations[random.Next(KeyMutations.Length)] : Mangle(Token(entries[index].Key))), entries[index].Value)
                        : (entries[index].Key, Mutate(entries[index].Value, depth + 1));
                    return new YamlMap(entries);
                case YamlList { Items.Count: > 0 } list:
                    var items = list.Items.ToList();
                    var at = random.Next(items.Count);
                    items[at] = Mutate(items[at], depth + 1);
                    return new YamlList(items);
            }
        }

        return random.Next(8) switch
        {
            0 => Plain(HostileScalars[random.Next(HostileScalars.Length)]),
            1 => node is YamlScalar scalar ? Plain(Mangle(scalar.Token)) : List(node),
            2 => node is YamlMap map2 ? new YamlMap([.. map2.Entries, .. map2.Entries.Take(1)]) : Map(("x", node)),
            3 => node is YamlMap map3 && map3.Entries.Count > 0 ? new YamlMap(map3.Entries.Where((_, i) => i != random.Next(map3.Entries.Count)).ToList()) : Plain("~"),
            4 => node is YamlMap map4 ? new YamlList(map4.Entries.Select(entry => entry.Value).ToList()) : Map(("k", node)),
            5 => Plain(Number()),
            6 => node is YamlMap map6 ? new YamlMap([.. map6.Entries, (Plain(KeyMutations[random.Next(KeyMutations.Length)]), Plain(HostileScalars[random.Next(HostileScalars.Length)]))]) : node,
            _ => Plain(new string((char)random.Next('a', 'z' + 1), random.Next(0, 3) == 0 ? random.Next(200, 20_000) : random.Next(1, 30))),
        };
    }

    private static string Token(YamlTree node) => node is YamlScalar scalar ? scalar.Token : "x";

    private string Mangle(string token)
    {
        if (token.Length == 0)
        {
            return "x";
        }

        var chars = token.ToCharArray();
        const string Punctuation = "-_.:#&*!|>'\"%@`{}[], \t";
        chars[random.Next(chars.Length)] = Punctuation[random.Next(Punctuation.Length)];
        return new string(chars);
    }

    private string Number() => random.Next(4) switch
    {
        0 => random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * Math.Pow(10, random.Next(-10, 30))).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        2 => random.Next(-3, 200).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => new string('9', random.Next(10, 400)),
    };

    private byte[] MutateBytes(byte[] bytes)
    {
        var list = bytes.ToList();
        for (var i = random.Next(1, 6); i > 0 && list.Count > 0; i--)
        {
            var at = random.Next(list.Count);
            switch (random.Next(7))
            {
                case 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 1:
                    list.InsertRange(at, Pick([[0x00], [0x09], [0x0D], [0x0A, 0x09], [0xC3], [0xFF], [0x80], [0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80], [0x22], [0x27], [0x3A, 0x20], [0x2D, 0x2D, 0x2D, 0x0A], [0x26, 0x61, 0x20], [0x2A, 0x61]]));
                    break;
                case 2:
                    list.RemoveRange(at, Math.Min(random.Next(1, 40), list.Count - at));
                    break;
                case 3:
                    list.InsertRange(at, list.Skip(at).Take(random.Next(1, 80)).ToList());
                    break;
                case 4:
                    list.RemoveRange(at, list.Count - at);
                    break;
                case 5:
                    list.InsertRange(0, [0xEF, 0xBB, 0xBF]);
                    break;
                default:
                    list.Insert(at, (byte)(random.Next(2) == 0 ? 0x20 : 0x09));
                    break;
            }
        }

        return [.. list];
    }

    private byte[] Pick(byte[][] options) => options[random.Next(options.Length)];
}
