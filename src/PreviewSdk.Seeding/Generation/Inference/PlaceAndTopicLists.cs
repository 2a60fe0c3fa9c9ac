namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// Real-world vocabularies a column's name asks for by itself, where random words would not pass for the app's
/// own data: ISO 3166 country codes (alpha-2 and alpha-3 of the same countries), ISO 639-1 language codes with
/// their English names, US state codes, world regions, continents, music and film genres, job titles. Public
/// standards and plain words, none of it personal.
/// </summary>
internal static class PlaceAndTopicLists
{
    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public static readonly string[] CountryCodes2 =
    [
        "US", "CA", "MX", "BR", "AR", "CL", "CO", "PE", "GB", "IE", "FR", "DE", "NL", "BE", "LU", "CH", "AT", "IT", "ES", "PT",
        "DK", "NO", "SE", "FI", "IS", "PL", "CZ", "SK", "HU", "RO", "BG", "GR", "TR", "IL", "EG", "ZA", "NG", "KE", "MA", "IN",
        "CN", "JP", "KR", "SG", "MY", "TH", "VN", "ID", "PH", "AU", "NZ",
    ];

    /// <summary>ISO 3166-1 alpha-3 codes of the same countries, in the same order.</summary>
    public static readonly string[] CountryCodes3 =
    [
        "USA", "CAN", "MEX", "BRA", "ARG", "CHL", "COL", "PER", "GBR", "IRL", "FRA", "DEU", "NLD", "BEL", "LUX", "CHE", "AUT", "ITA", "ESP", "PRT",
        "DNK", "NOR", "SWE", "FIN", "ISL", "POL", "CZE", "SVK", "HUN", "ROU", "BGR", "GRC", "TUR", "ISR", "EGY", "ZAF", "NGA", "KEN", "MAR", "IND",
        "CHN", "JPN", "KOR", "SGP", "MYS", "THA", "VNM", "IDN", "PHL", "AUS", "NZL",
    ];

    /// <summary>ISO 639-1 language codes.</summary>
    public static readonly string[] LanguageCodes = ["en", "fr", "de", "es", "it", "nl", "pt", "ja", "zh", "ko", "sv", "pl", "ru", "ar", "hi", "tr"];

    /// <summary>The English names of the languages of <see cref="LanguageCodes"/>, in the same order.</summary>
    public static readonly string[] LanguageNames =
        ["English", "French", "German", "Spanish", "Italian", "Dutch", "Portuguese", "Japanese", "Chinese", "Korean", "Swedish", "Polish", "Russian", "Arabic", "Hindi", "Turkish"];

    /// <summary>Locale tags.</summary>
    public static readonly string[] Locales = ["en-US", "en-GB", "fr-FR", "de-DE", "es-ES", "it-IT", "nl-NL", "pt-BR", "ja-JP", "sv-SE"];

    /// <summary>US state and territory codes (USPS).</summary>
    public static readonly string[] StateCodes =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
        "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    ];

    /// <summary>Sales and world regions.</summary>
    public static readonly string[] Regions =
    [
        "Northeast", "Southeast", "Midwest", "Southwest", "West", "Pacific Northwest", "Northern Europe", "Western Europe",
        "Southern Europe", "Eastern Europe", "Central Asia", "East Asia", "South Asia", "Southeast Asia", "Middle East",
        "North Africa", "Sub-Saharan Africa", "Central America", "South America", "Caribbean", "Oceania",
    ];

    /// <summary>Continents.</summary>
    public static readonly string[] Continents = ["Africa", "Antarctica", "Asia", "Europe", "North America", "Oceania", "South America"];

    /// <summary>Music and film genres.</summary>
    public static readonly string[] Genres =
    [
        "Rock", "Jazz", "Blues", "Classical", "Pop", "Hip Hop", "Electronic", "Folk", "Country", "Reggae", "Soul", "Metal",
        "Latin", "Soundtrack", "Drama", "Comedy", "Documentary", "Animation", "Action", "Horror", "Sci-Fi", "Family",
    ];

    /// <summary>Titles of courtesy.</summary>
    public static readonly string[] Courtesies = ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."];

    /// <summary>MIME types with the file extension that goes with each, in the same order.</summary>
    public static readonly string[] ContentTypes = ["application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv", "application/zip", "application/json"];

    /// <summary>File extensions of <see cref="ContentTypes"/>.</summary>
    public static readonly string[] Extensions = ["pdf", "png", "jpg", "txt", "csv", "zip", "json"];

    /// <summary>Job titles.</summary>
    public static readonly string[] JobTitles =
    [
        "Sales Representative", "Sales Manager", "Account Manager", "Support Engineer", "Software Engineer", "Product Manager",
        "Marketing Coordinator", "Office Manager", "Accountant", "Buyer", "Store Manager", "IT Specialist", "HR Generalist",
        "Operations Manager", "Customer Service Agent", "General Manager", "Chief Financial Officer", "Design Lead",
    ];
}
