namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// What a code column or a <c>name</c> column holds, from its length and from what it names: the thing before
/// <c>_name</c>, or the table (<c>language.name</c> is a language's name, <c>region.name</c> a region's).
/// </summary>
internal static partial class ColumnInference
{
    // A short code column of a country, currency, language or state is an ISO (or USPS) code of that length.
    private static SemanticKind? Coded(IReadOnlyList<string> words, int? maxLength)
    {
        var code = HasAny(words, "code", "iso", "abbr", "abbreviation", "alpha2", "alpha3") || maxLength is 2 or 3;
        if (!code || maxLength is > 3 or < 2 && !HasAny(words, "code", "iso", "abbr"))
        {
            return null;
        }

        if (HasAny(words, "country", "countryregioncode", "nationality"))
        {
            return maxLength == 3 || HasAny(words, "alpha3") ? SemanticKind.CountryCode3 : SemanticKind.CountryCode;
        }

        if (HasAny(words, "currency", "currencycode"))
        {
            return SemanticKind.Currency;
        }

        if (HasAny(words, "language", "lang") && maxLength is null or <= 3)
        {
            return SemanticKind.Language;
        }

        return HasAny(words, "state", "province") && maxLength is null or 2 ? SemanticKind.StateCode : null;
    }

    private static SemanticKind? Classify(IReadOnlyList<string> subject)
    {
        if (HasAny(subject, PersonTables))
        {
            return SemanticKind.FullName;
        }

        if (HasAny(subject, CompanyWords))
        {
            return SemanticKind.Company;
        }

        if (HasAny(subject, ProductWords))
        {
            return SemanticKind.ProductName;
        }

        if (HasAny(subject, CategoryWords))
        {
            return SemanticKind.Department;
        }

        if (HasAny(subject, "city", "cities", "town", "towns", "territory", "territories"))
        {
            return SemanticKind.City;
        }

        if (HasAny(subject, "language", "languages"))
        {
            return SemanticKind.LanguageName;
        }

        if (HasAny(subject, "region", "regions"))
        {
            return SemanticKind.Region;
        }

        if (HasAny(subject, "genre", "genres"))
        {
            return SemanticKind.Genre;
        }

        if (HasAny(subject, "state", "states", "province", "provinces"))
        {
            return SemanticKind.State;
        }

        if (HasAny(subject, "continent", "continents"))
        {
            return SemanticKind.Continent;
        }

        return HasAny(subject, "country", "countries") ? SemanticKind.Country : null;
    }
}
