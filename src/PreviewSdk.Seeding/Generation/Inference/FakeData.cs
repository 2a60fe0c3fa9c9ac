using Bogus.Bson;

namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// Bogus's English word lists, copied once into plain arrays: picking from an array with the cell's own random
/// numbers is many times faster than a Bogus dataset call, and does not depend on a shared Randomizer's state.
/// </summary>
internal static class FakeData
{
    private const string Locale = "en";

    /// <summary>Given names.</summary>
    public static readonly string[] FirstNames = List("name", "first_name");

    /// <summary>Family names.</summary>
    public static readonly string[] LastNames = List("name", "last_name");

    /// <summary>Given names in lower-case ASCII letters, for e-mail addresses and user names.</summary>
    public static readonly string[] FirstNamesAscii = Ascii(FirstNames);

    /// <summary>Family names in lower-case ASCII letters.</summary>
    public static readonly string[] LastNamesAscii = Ascii(LastNames);

    /// <summary>City name prefixes (North, New…).</summary>
    public static readonly string[] CityPrefixes = List("address", "city_prefix");

    /// <summary>City name suffixes (ville, town…).</summary>
    public static readonly string[] CitySuffixes = List("address", "city_suffix");

    /// <summary>Street suffixes (Avenue, Street…).</summary>
    public static readonly string[] StreetSuffixes = List("address", "street_suffix");

    /// <summary>States.</summary>
    public static readonly string[] States = List("address", "state");

    /// <summary>Countries.</summary>
    public static readonly string[] Countries = List("address", "country");

    /// <summary>Company suffixes (Inc, LLC…).</summary>
    public static readonly string[] CompanySuffixes = List("company", "suffix");

    /// <summary>Product adjectives (Ergonomic…).</summary>
    public static readonly string[] ProductAdjectives = Nested("commerce", "product_name", "adjective");

    /// <summary>Product materials (Granite…).</summary>
    public static readonly string[] ProductMaterials = Nested("commerce", "product_name", "material");

    /// <summary>Products (Chair…).</summary>
    public static readonly string[] Products = Nested("commerce", "product_name", "product");

    /// <summary>Departments (Books, Garden…).</summary>
    public static readonly string[] Departments = List("commerce", "department");

    /// <summary>Colour names.</summary>
    public static readonly string[] Colors = List("commerce", "color");

    /// <summary>Lorem ipsum words.</summary>
    public static readonly string[] Words = List("lorem", "words");

    /// <summary>The reserved example domains (RFC 2606): the only domains of generated e-mail addresses and URLs.</summary>
    public static readonly string[] ExampleDomains = ["example.com", "example.net", "example.org"];

    /// <summary>Status words.</summary>
    public static readonly string[] Statuses = ["active", "pending", "completed", "cancelled", "archived"];

    /// <summary>Role words.</summary>
    public static readonly string[] Roles = ["admin", "editor", "member", "viewer"];

    /// <summary>Type, kind and tier words.</summary>
    public static readonly string[] Categories = ["standard", "premium", "basic", "custom"];

    /// <summary>Currency codes.</summary>
    public static readonly string[] Currencies = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF"];

    /// <summary>Time zone names.</summary>
    public static readonly string[] TimeZones = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"];

    private static string[] List(string category, string path) =>
        Strings((BArray)Bogus.Database.Get(category, path, Locale));

    private static string[] Nested(string category, string path, string key) =>
        Strings((BArray)((BObject)Bogus.Database.Get(category, path, Locale))[key]);

    private static string[] Strings(BArray array)
    {
        var result = new string[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = array[i].StringValue;
        }

        return result;
    }

    private static string[] Ascii(string[] names)
    {
        var result = new List<string>(names.Length);
        foreach (var name in names)
        {
            var letters = string.Concat(name.Where(char.IsAsciiLetter)).ToLowerInvariant();
            if (letters.Length > 0)
            {
                result.Add(letters);
            }
        }

        return [.. result];
    }
}
